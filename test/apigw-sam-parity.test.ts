import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { at, documentOf, samBody, samReference, templateReferences } from './helpers/apigw.js';

// What AWS SAM's own translator generates for the same feature is the reference for what
// API Gateway accepts. Each case compares the properties that matter, one by one: names
// differ (gatewright keeps the spec's scheme and model names) and so does decoration.

const rest = (body: string, gateway = ''): string => `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  kind: rest
  defaults: {lambda: {handler: main}}
${gateway}
${body}`;

const http = (body: string, gateway = ''): string => `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  kind: http
  defaults: {lambda: {handler: main}}
${gateway}
${body}`;

const ok = "responses: {'200': {description: ok}}";

function ours(spec: string): Record<string, unknown> {
  const { document, diagnostics } = documentOf(spec, templateReferences);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return document;
}

/** The `Fn::Sub` template of a Lambda invocation URI, with the function reference and partition blanked out. */
function invocationShape(uri: unknown): string {
  const template = (uri as { 'Fn::Sub': string | [string, unknown] })['Fn::Sub'];
  const text = typeof template === 'string' ? template : template[0];
  return text.replace(/^arn:(aws|\$\{AWS::Partition\})/, 'arn:PARTITION').replace(/functions\/\$\{[^}]+\}/, 'functions/FUNCTION');
}

describe.skipIf(!fs.existsSync(samReference))('parity with AWS SAM’s translator', () => {
  test('CORS preflight: a mock integration with the same request template and headers, and no auth (api_with_cors_openapi_3)', () => {
    const sam = at(samBody('api_with_cors_openapi_3', 'ServerlessRestApi'), '/paths/~1/options') as Record<string, unknown>;
    const mine = at(ours(rest(`paths: {/: {get: {${ok}}}}`, "  cors: {origins: ['https://www.example.com'], methods: [GET, OPTIONS]}")), '/paths/~1/options') as Record<string, unknown>;
    const samIntegration = sam['x-amazon-apigateway-integration'] as Record<string, Record<string, unknown>>;
    const myIntegration = mine['x-amazon-apigateway-integration'] as Record<string, Record<string, unknown>>;
    expect(myIntegration['type']).toBe(samIntegration['type']);
    expect(Object.keys(myIntegration['requestTemplates'] ?? {})).toEqual(Object.keys(samIntegration['requestTemplates'] ?? {}));
    // The request template picks the mock's status, which its integration response answers with.
    for (const integration of [samIntegration, myIntegration]) {
      const status = (JSON.parse(String(integration['requestTemplates']?.['application/json'])) as { statusCode: number }).statusCode;
      expect(String(status)).toBe((integration['responses']?.['default'] as { statusCode: string }).statusCode);
    }
    const samParameters = (samIntegration['responses']?.['default'] as { responseParameters: Record<string, unknown> }).responseParameters;
    const myParameters = (myIntegration['responses']?.['default'] as { responseParameters: Record<string, unknown> }).responseParameters;
    for (const key of Object.keys(samParameters)) expect(myParameters, key).toHaveProperty([key]);
    expect(myParameters['method.response.header.Access-Control-Allow-Methods']).toBe(samParameters['method.response.header.Access-Control-Allow-Methods']);
    // SAM leaves security out of the preflight method; gatewright says the same explicitly.
    expect(sam['security']).toBeUndefined();
    expect(mine['security']).toEqual([]);
  });

  test('API key required: the same scheme and method security (api_with_apikey_required_openapi_3)', () => {
    const sam = samBody('api_with_apikey_required_openapi_3');
    const mine = ours(rest(`paths: {/ApiKeyRequiredTrue: {get: {security: [{api_key: []}], ${ok}}}}
components:
  securitySchemes:
    api_key: {type: apiKey, in: header, name: x-api-key}`));
    expect(at(mine, '/components/securitySchemes/api_key')).toEqual(at(sam, '/components/securitySchemes/api_key'));
    expect(at(mine, '/paths/~1ApiKeyRequiredTrue/get/security')).toEqual(at(sam, '/paths/~1ApiKeyRequiredTrue/get/security'));
  });

  test('Cognito, token and request authorizers (api_with_auth_all_maximum_openapi_3)', () => {
    const sam = samBody('api_with_auth_all_maximum_openapi_3');
    const mine = ours(rest(`paths:
  /users: {get: {security: [{MyLambdaTokenAuth: []}], ${ok}}, delete: {security: [{MyLambdaRequestAuth: []}], ${ok}}, post: {security: [{MyCognitoAuthMultipleUserPools: []}], ${ok}}}
components:
  securitySchemes:
    MyCognitoAuthMultipleUserPools:
      type: http
      scheme: bearer
      x-gateway: {cognito: {userPoolArns: ['arn:aws:2', 'arn:aws:3']}}
    MyLambdaTokenAuth:
      type: apiKey
      in: header
      name: MyCustomAuthHeader
      x-gateway: {lambdaAuthorizer: {handler: auth, type: token, ttl: 20, validationRegex: mycustomauthexpression}}
    MyLambdaRequestAuth:
      type: apiKey
      in: header
      name: Authorization1
      x-gateway: {lambdaAuthorizer: {handler: auth, type: request, ttl: 0, identitySources: [header.Authorization1, query.Authorization2, stageVariable.Authorization3, context.Authorization4]}}`));
    const scheme = (doc: unknown, name: string): Record<string, unknown> => at(doc, `/components/securitySchemes/${name}`) as Record<string, unknown>;
    const authorizer = (doc: unknown, name: string): Record<string, unknown> => scheme(doc, name)['x-amazon-apigateway-authorizer'] as Record<string, unknown>;

    const cognito = 'MyCognitoAuthMultipleUserPools';
    for (const key of ['type', 'in', 'x-amazon-apigateway-authtype']) expect(scheme(mine, cognito)[key], key).toEqual(scheme(sam, cognito)[key]);
    for (const key of ['type', 'providerARNs']) expect(authorizer(mine, cognito)[key], key).toEqual(authorizer(sam, cognito)[key]);

    const token = 'MyLambdaTokenAuth';
    for (const key of ['type', 'in', 'name', 'x-amazon-apigateway-authtype']) expect(scheme(mine, token)[key], key).toEqual(scheme(sam, token)[key]);
    for (const key of ['type', 'authorizerResultTtlInSeconds', 'identityValidationExpression']) expect(authorizer(mine, token)[key], key).toEqual(authorizer(sam, token)[key]);
    expect(invocationShape(authorizer(mine, token)['authorizerUri'])).toBe(invocationShape(authorizer(sam, token)['authorizerUri']));

    const request = 'MyLambdaRequestAuth';
    for (const key of ['type', 'in', 'name', 'x-amazon-apigateway-authtype']) expect(scheme(mine, request)[key], key).toEqual(scheme(sam, request)[key]);
    for (const key of ['type', 'authorizerResultTtlInSeconds', 'identitySource']) expect(authorizer(mine, request)[key], key).toEqual(authorizer(sam, request)[key]);

    for (const method of ['get', 'delete', 'post']) {
      const samAuthorizers = (at(sam, `/paths/~1users/${method}/security`) as Record<string, unknown>[]).filter((entry) => !('api_key' in entry));
      expect(at(mine, `/paths/~1users/${method}/security`), method).toEqual(samAuthorizers);
    }
  });

  test('request models and validators (api_request_model_with_validator_openapi_3)', () => {
    const sam = samBody('api_request_model_with_validator_openapi_3');
    const mine = ours(rest(`paths:
  /: {get: {requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/user'}}}}, parameters: [{name: q, in: query, required: true, schema: {type: string}}], ${ok}}}
components:
  schemas:
    user: {type: object, properties: {username: {type: string}}}`));
    const samValidator = at(sam, '/paths/~1/get/x-amazon-apigateway-request-validator') as string;
    const myValidator = at(mine, '/paths/~1/get/x-amazon-apigateway-request-validator') as string;
    expect(at(mine, `/x-amazon-apigateway-request-validators/${myValidator}`)).toEqual(at(sam, `/x-amazon-apigateway-request-validators/${samValidator}`));
    expect(at(mine, '/components/schemas/user')).toEqual(at(sam, '/components/schemas/user'));
    const bodyShape = (doc: unknown, model: string): unknown => ({ ...(at(doc, '/paths/~1/get/requestBody') as object), content: { 'application/json': { schema: { $ref: `#/components/schemas/${model}` } } } });
    expect(at(mine, '/paths/~1/get/requestBody')).toEqual(bodyShape(sam, 'user'));
  });

  test('binary media types (api_with_binary_media_types_definition_body)', () => {
    const sam = (at(samBody('api_with_binary_media_types_definition_body', 'ExplicitApiManagedSwagger'), '/x-amazon-apigateway-binary-media-types') as unknown[]).filter((t) => typeof t === 'string');
    const mine = ours(rest(`paths: {/: {get: {${ok}}}}`, `  binaryMediaTypes: [${sam.join(', ')}]`));
    expect(at(mine, '/x-amazon-apigateway-binary-media-types')).toEqual(sam);
  });

  test('gateway responses (api_with_gateway_responses_all_openapi_3)', () => {
    const sam = at(samBody('api_with_gateway_responses_all_openapi_3'), '/x-amazon-apigateway-gateway-responses/QUOTA_EXCEEDED') as Record<string, unknown>;
    const mine = at(ours(rest(`paths: {/: {get: {${ok}}}}`, "  gatewayResponses: {QUOTA_EXCEEDED: {statusCode: 429, headers: {Retry-After: '31536000'}}}")), '/x-amazon-apigateway-gateway-responses/QUOTA_EXCEEDED') as Record<string, unknown>;
    expect(mine['statusCode']).toEqual(sam['statusCode']);
    expect(mine['responseParameters']).toEqual(sam['responseParameters']);
  });

  test('HTTP API CORS (http_api_with_cors)', () => {
    const sam = (at(samBody('http_api_with_cors', 'MyApi'), '/x-amazon-apigateway-cors/Fn::If/1') as Record<string, unknown>);
    const mine = at(ours(http(`paths: {/: {get: {${ok}}}}`, "  cors: {origins: ['https://foo.com'], methods: [GET], headers: [x-apigateway-header], exposeHeaders: [x-amzn-header]}")), '/x-amazon-apigateway-cors') as Record<string, unknown>;
    for (const key of Object.keys(sam)) expect(mine[key], key).toEqual(sam[key]);
  });

  test('HTTP API JWT and IAM authorizers, scopes and Lambda integrations (http_api_multiple_authorizers)', () => {
    const sam = samBody('http_api_multiple_authorizers');
    const mine = ours(http(`paths:
  /hello: {get: {security: [{AWS_IAM: []}], ${ok}}, put: {security: [{MyOauth2Authorizer: [scope]}], ${ok}}}
components:
  securitySchemes:
    MyOauth2Authorizer: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://www.example.com/token', scopes: {scope: s}}}, x-gateway: {jwt: {issuer: 'https://www.example.com/v1/connect/oidc', audience: [audience1, audience2]}}}
    AWS_IAM: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}`));
    const { flows, ...jwt } = at(mine, '/components/securitySchemes/MyOauth2Authorizer') as Record<string, unknown>;
    expect(flows).toEqual({});
    expect(jwt).toEqual(at(sam, '/components/securitySchemes/MyOauth2Authorizer'));
    expect(at(mine, '/components/securitySchemes/AWS_IAM')).toEqual(at(sam, '/components/securitySchemes/AWS_IAM'));
    expect(at(mine, '/paths/~1hello/put/security')).toEqual(at(sam, '/paths/~1hello/put/security'));
    const samIntegration = at(sam, '/paths/~1hello/get/x-amazon-apigateway-integration') as Record<string, unknown>;
    const myIntegration = at(mine, '/paths/~1hello/get/x-amazon-apigateway-integration') as Record<string, unknown>;
    for (const key of ['type', 'httpMethod', 'payloadFormatVersion']) expect(myIntegration[key], key).toEqual(samIntegration[key]);
    expect(invocationShape(myIntegration['uri'])).toBe(invocationShape(samIntegration['uri']));
  });

  test('HTTP API Lambda authorizer (http_api_lambda_auth_full)', () => {
    const sam = at(samBody('http_api_lambda_auth_full'), '/components/securitySchemes/LambdaAuth') as Record<string, Record<string, unknown>>;
    const mine = at(
      ours(http(`paths: {/basic: {get: {security: [{LambdaAuth: []}], ${ok}}}}
components:
  securitySchemes:
    LambdaAuth: {type: apiKey, in: header, name: Authorization, x-gateway: {lambdaAuthorizer: {handler: auth, ttl: 60, identitySources: [context.contextVar, header.Authorization, query.petId, stageVariable.stageVar]}}}`)),
      '/components/securitySchemes/LambdaAuth',
    ) as Record<string, Record<string, unknown>>;
    for (const key of ['type', 'in', 'name']) expect(mine[key], key).toEqual(sam[key]);
    const [samAuthorizer, myAuthorizer] = [sam['x-amazon-apigateway-authorizer'] ?? {}, mine['x-amazon-apigateway-authorizer'] ?? {}];
    for (const key of ['type', 'enableSimpleResponses', 'authorizerResultTtlInSeconds']) expect(myAuthorizer[key], key).toEqual(samAuthorizer[key]);
    // SAM writes the payload version as a number and the identity sources as a list; API Gateway documents a string and a comma-separated string.
    expect(myAuthorizer['authorizerPayloadFormatVersion']).toBe('2.0');
    expect(Number(myAuthorizer['authorizerPayloadFormatVersion'])).toBe(samAuthorizer['authorizerPayloadFormatVersion']);
    expect(String(myAuthorizer['identitySource']).split(', ')).toEqual(samAuthorizer['identitySource']);
  });

  test('cache key parameters (api_with_request_parameters_openapi)', () => {
    const sam = at(samBody('api_with_request_parameters_openapi'), '/paths/~1one/get') as Record<string, Record<string, unknown>>;
    const mine = at(
      ours(rest(`paths: {/one: {get: {parameters: [{name: type, in: query, required: true, schema: {type: string}}], x-gateway: {cache: {keys: [query.type]}}, ${ok}}}}`)),
      '/paths/~1one/get',
    ) as Record<string, Record<string, unknown>>;
    expect(mine['x-amazon-apigateway-integration']?.['cacheKeyParameters']).toEqual(sam['x-amazon-apigateway-integration']?.['cacheKeyParameters']);
    const parameter = (op: Record<string, unknown>): unknown => (op['parameters'] as Record<string, unknown>[]).map(({ name, in: where, required }) => ({ name, in: where, required }));
    expect(parameter(mine)).toEqual(parameter(sam));
  });

  test('resource policy (api_with_resource_policy)', () => {
    const sam = at(samBody('api_with_resource_policy', 'ExplicitApi'), '/x-amazon-apigateway-policy');
    const mine = ours(rest(`paths: {/one: {get: {${ok}}}}`, `  policy: ${JSON.stringify(sam)}`));
    expect(at(mine, '/x-amazon-apigateway-policy')).toEqual(sam);
  });

  test('disabling the execute-api endpoint (api_with_disable_api_execute_endpoint_openapi_3)', () => {
    const sam = at(samBody('api_with_disable_api_execute_endpoint_openapi_3'), '/servers/0/x-amazon-apigateway-endpoint-configuration');
    const mine = ours(rest(`paths: {/: {get: {${ok}}}}`, '  disableExecuteApiEndpoint: true'));
    expect(at(mine, '/servers/0/x-amazon-apigateway-endpoint-configuration')).toEqual(sam);
  });

  test('Lambda proxy integrations and ANY methods (api_with_cors_openapi_3)', () => {
    const sam = samBody('api_with_cors_openapi_3', 'ServerlessRestApi');
    const mine = ours(rest(`paths:
  /: {get: {${ok}}}
  /foo: {x-gateway: {any: {${ok}}}}`));
    for (const [pointer, key] of [
      ['/paths/~1/get/x-amazon-apigateway-integration', 'get'],
      ['/paths/~1foo/x-amazon-apigateway-any-method/x-amazon-apigateway-integration', 'any'],
    ] as const) {
      const samIntegration = at(sam, pointer) as Record<string, unknown>;
      const myIntegration = at(mine, pointer) as Record<string, unknown>;
      expect(myIntegration, key).toBeDefined();
      for (const property of ['type', 'httpMethod']) expect(myIntegration[property], `${key} ${property}`).toEqual(samIntegration[property]);
      expect(invocationShape(myIntegration['uri'])).toBe(invocationShape(samIntegration['uri']));
    }
  });
});

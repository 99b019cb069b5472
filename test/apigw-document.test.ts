import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixtures } from '../scripts/fixtures.mjs';
import { compileSpec } from '../src/compile.js';
import type { Api, Integration } from '../src/ir/types.js';
import { AjvDraft04, apiOf, at, documentOf, openApiProblems, templateReferences } from './helpers/apigw.js';

const draft04 = new AjvDraft04({ strict: false });
import { repoRoot } from './helpers/diagnostics.js';

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

const corsResponse = {
  'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
  'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'",
  'gatewayresponse.header.Access-Control-Expose-Headers': "'X-Request-Id'",
};

interface FeatureCase {
  readonly given: string;
  /** JSON pointer into the document, and the value expected there (undefined: absent). */
  readonly want: readonly (readonly [string, unknown])[];
}

const features: [string, FeatureCase][] = [
  [
    'an API key requirement becomes the api key scheme in the method security, with the key source',
    {
      given: rest(`security: [{key: []}]
paths:
  /a: {get: {${ok}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}`),
      want: [
        ['/paths/~1a/get/security', [{ key: [] }]],
        ['/components/securitySchemes/key', { type: 'apiKey', name: 'x-api-key', in: 'header' }],
        ['/x-amazon-apigateway-api-key-source', 'HEADER'],
      ],
    },
  ],
  [
    'an authorizer and an API key together are both in the method security',
    {
      given: rest(`paths:
  /a: {get: {security: [{key: [], iam: []}], ${ok}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
    iam: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}`),
      want: [
        ['/paths/~1a/get/security', [{ iam: [] }, { key: [] }]],
        ['/components/securitySchemes/iam', { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' }],
      ],
    },
  ],
  [
    'API keys read from an authorizer',
    { given: rest(`paths: {/a: {get: {${ok}}}}`, '  apiKeySource: authorizer'), want: [['/x-amazon-apigateway-api-key-source', 'AUTHORIZER']] },
  ],
  [
    'keys from the authorizer: a method behind the Lambda authorizer requires a key (api_key), one behind IAM does not',
    {
      given: rest(
        `paths:
  /a: {get: {security: [{gate: []}], ${ok}}}
  /b: {get: {security: [{iam: []}], ${ok}}}
components:
  securitySchemes:
    gate: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: auth}}}
    iam: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}`,
        '  apiKeySource: authorizer',
      ),
      want: [
        ['/paths/~1a/get/security', [{ gate: [] }, { api_key: [] }]],
        ['/paths/~1b/get/security', [{ iam: [] }]],
        ['/components/securitySchemes/api_key', { type: 'apiKey', name: 'x-api-key', in: 'header', description: "The usage plan's API key, which the Lambda authorizer returns as usageIdentifierKey." }],
      ],
    },
  ],
  [
    'keys from the authorizer: the api_key scheme keeps clear of a spec scheme of that name; a method with its own apiKey scheme keeps it',
    {
      given: rest(
        `paths:
  /a: {get: {security: [{api_key: []}], ${ok}}}
  /b: {get: {security: [{key: [], api_key: []}], ${ok}}}
components:
  securitySchemes:
    api_key: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: auth}}}
    key: {type: apiKey, in: header, name: x-api-key}`,
        '  apiKeySource: authorizer',
      ),
      want: [
        ['/paths/~1a/get/security', [{ api_key: [] }, { api_key2: [] }]],
        ['/paths/~1b/get/security', [{ api_key: [] }, { key: [] }]],
        ['/components/securitySchemes/api_key2/name', 'x-api-key'],
        ['/components/securitySchemes/key', { type: 'apiKey', name: 'x-api-key', in: 'header' }],
      ],
    },
  ],
  [
    'Cognito scopes land in the method security; the pool is the authorizer provider',
    {
      given: rest(`paths:
  /a: {get: {security: [{pool: [orders/read, orders/write]}], ${ok}}}
components:
  securitySchemes:
    pool:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {orders/read: r, orders/write: w}}}
      x-gateway: {cognito: {userPoolArns: [{parameter: PoolArn}, 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc']}}`),
      want: [
        ['/paths/~1a/get/security', [{ pool: ['orders/read', 'orders/write'] }]],
        ['/components/securitySchemes/pool/x-amazon-apigateway-authtype', 'cognito_user_pools'],
        [
          '/components/securitySchemes/pool/x-amazon-apigateway-authorizer',
          { type: 'cognito_user_pools', providerARNs: ['{{parameter:PoolArn}}', 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc'], identitySource: 'method.request.header.Authorization' },
        ],
      ],
    },
  ],
  [
    'a token authorizer reads its header, caches for its TTL and checks the token pattern',
    {
      given: rest(`security: [{tok: []}]
paths: {/a: {get: {${ok}}}}
components:
  securitySchemes:
    tok: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: auth, type: token, ttl: 120, validationRegex: '^T-'}}}`),
      want: [
        ['/paths/~1a/get/security', [{ tok: [] }]],
        [
          '/components/securitySchemes/tok',
          {
            type: 'apiKey',
            name: 'X-Token',
            in: 'header',
            'x-amazon-apigateway-authtype': 'custom',
            'x-amazon-apigateway-authorizer': {
              type: 'token',
              authorizerUri: 'arn:aws:apigateway:{{region}}:lambda:path/2015-03-31/functions/{{function:auth}}/invocations',
              identitySource: 'method.request.header.X-Token',
              identityValidationExpression: '^T-',
              authorizerResultTtlInSeconds: 120,
            },
          },
        ],
      ],
    },
  ],
  [
    'a request authorizer with several identity sources names them all',
    {
      given: rest(`security: [{req: []}]
paths: {/a: {get: {${ok}}}}
components:
  securitySchemes:
    req: {type: apiKey, in: header, name: Authorization, x-gateway: {lambdaAuthorizer: {handler: auth, type: request, ttl: 0, identitySources: [header.Authorization, query.tenant, stageVariable.realm, context.sourceIp]}}}`),
      want: [
        ['/components/securitySchemes/req/name', 'Unused'],
        ['/components/securitySchemes/req/x-amazon-apigateway-authorizer/type', 'request'],
        ['/components/securitySchemes/req/x-amazon-apigateway-authorizer/identitySource', 'method.request.header.Authorization, method.request.querystring.tenant, stageVariables.realm, context.sourceIp'],
        ['/components/securitySchemes/req/x-amazon-apigateway-authorizer/authorizerResultTtlInSeconds', 0],
      ],
    },
  ],
  [
    'an explicitly public operation has no auth, while the others keep the API-wide scheme',
    {
      given: rest(`security: [{key: []}]
paths:
  /open: {get: {security: [], ${ok}}}
  /closed: {get: {${ok}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}`),
      want: [
        ['/paths/~1open/get/security', []],
        ['/paths/~1closed/get/security', [{ key: [] }]],
      ],
    },
  ],
  [
    'only authorizers some method uses become authorizers',
    {
      given: rest(`paths: {/a: {get: {security: [{used: []}], ${ok}}}}
components:
  securitySchemes:
    used: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}
    unused: {type: apiKey, in: header, name: X-Other, x-gateway: {lambdaAuthorizer: {handler: other}}}`),
      want: [
        ['/components/securitySchemes/used/x-amazon-apigateway-authtype', 'awsSigv4'],
        ['/components/securitySchemes/unused', undefined],
      ],
    },
  ],
  [
    'CORS preflight on REST: an OPTIONS mock per path, with no auth and no API key',
    {
      given: rest(
        `security: [{key: []}]
paths:
  /a: {get: {${ok}}, post: {${ok}}}
  /b/{id}: {delete: {parameters: [{name: id, in: path, required: true, schema: {type: string}}], ${ok}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}`,
        "  cors: {origins: ['https://app.example.com'], headers: [Content-Type, X-Api-Key], maxAge: 60}",
      ),
      want: [
        ['/paths/~1a/options/security', []],
        ['/paths/~1a/options/x-amazon-apigateway-integration/type', 'mock'],
        ['/paths/~1a/options/x-amazon-apigateway-integration/requestTemplates', { 'application/json': '{"statusCode":204}' }],
        [
          '/paths/~1a/options/x-amazon-apigateway-integration/responses/default/responseParameters',
          {
            'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Api-Key'",
            'method.response.header.Access-Control-Allow-Methods': "'GET,POST,OPTIONS'",
            'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
            'method.response.header.Access-Control-Max-Age': "'60'",
          },
        ],
        ['/paths/~1b~1{id}/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Methods', "'DELETE,OPTIONS'"],
        ['/paths/~1a/get/security', [{ key: [] }]],
      ],
    },
  ],
  [
    'CORS with several origins: the preflight answers with the request’s origin when it is allowed',
    {
      given: rest(`paths: {/a: {get: {${ok}}}}`, "  cors: {origins: ['https://a.example.com', 'http://localhost:3000']}"),
      want: [
        ['/paths/~1a/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin', undefined],
        ['/paths/~1a/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Vary', "'Origin'"],
        [
          '/paths/~1a/options/x-amazon-apigateway-integration/responses/default/responseTemplates/application~1json',
          "#set($origin = $input.params().header.get('Origin'))\n#if(\"$!origin\" == '')#set($origin = $input.params().header.get('origin'))#end\n#if($origin == 'https://a.example.com' || $origin == 'http://localhost:3000')\n#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n#end",
        ],
        ['/paths/~1a/options/responses/204/headers/Access-Control-Allow-Origin', { schema: { type: 'string' } }],
        ['/x-amazon-apigateway-gateway-responses/DEFAULT_4XX/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin', 'method.request.header.Origin'],
      ],
    },
  ],
  [
    'the REST preflight allows by default the header the Lambda authorizer reads',
    {
      given: rest(`paths: {/a: {get: {security: [{reqAuth: []}], ${ok}}}}
components:
  securitySchemes:
    reqAuth: {type: apiKey, in: header, name: X-Internal-Token, x-gateway: {lambdaAuthorizer: {handler: authorize}}}`, "  cors: {origins: ['https://app.example.com']}"),
      want: [
        [
          '/paths/~1a/options/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Headers',
          "'Content-Type,Authorization,X-Api-Key,X-Amz-Date,X-Amz-Security-Token,X-Internal-Token'",
        ],
      ],
    },
  ],
  [
    'a cached method whose CORS answer depends on Origin (several origins) keys its cache on Origin',
    {
      given: rest(
        `paths: {/a: {get: {parameters: [{name: q, in: query, schema: {type: string}}], x-gateway: {cache: {ttl: 60, keys: [query.q]}}, ${ok}}}}`,
        "  cors: {origins: ['https://app.example.com', 'https://admin.example.com']}",
      ),
      want: [
        ['/paths/~1a/get/x-amazon-apigateway-integration/cacheKeyParameters', ['method.request.querystring.q', 'method.request.header.Origin']],
        ['/paths/~1a/get/parameters/1', { name: 'Origin', in: 'header', required: false, schema: { type: 'string' } }],
      ],
    },
  ],
  [
    'a cached Lambda proxy method keys on Origin even for one origin: the handler glue adds CORS headers only for a request from it',
    {
      given: rest(`paths: {/a: {get: {x-gateway: {cache: {ttl: 60}}, ${ok}}}}`, "  cors: {origins: ['https://app.example.com']}"),
      want: [['/paths/~1a/get/x-amazon-apigateway-integration/cacheKeyParameters', ['method.request.header.Origin']]],
    },
  ],
  [
    'a cached mock answering one fixed origin does not key on Origin',
    {
      given: rest(`paths: {/a: {get: {x-gateway: {mock: {statusCode: 200}, cache: {ttl: 60}}, ${ok}}}}`, "  cors: {origins: ['https://app.example.com'], credentials: true}"),
      want: [
        ['/paths/~1a/get/x-amazon-apigateway-integration/cacheKeyParameters', undefined],
        ['/paths/~1a/get/parameters', undefined],
      ],
    },
  ],
  [
    'a path that routes OPTIONS itself gets no preflight method',
    {
      given: rest(`paths: {/a: {get: {${ok}}, options: {x-gateway: {lambda: {handler: cors}}, ${ok}}}}`, "  cors: {origins: ['*']}"),
      want: [['/paths/~1a/options/x-amazon-apigateway-integration/type', 'aws_proxy']],
    },
  ],
  [
    'CORS headers on the gateway’s own error responses, those the spec sets included',
    {
      given: rest(
        `paths: {/a: {get: {${ok}}}}`,
        `  cors: {origins: ['https://app.example.com'], credentials: true, exposeHeaders: [X-Request-Id]}
  gatewayResponses:
    UNAUTHORIZED: {statusCode: 401, headers: {WWW-Authenticate: Bearer}, template: '{"message": "$context.error.messageString"}'}`,
      ),
      want: [
        [
          '/x-amazon-apigateway-gateway-responses',
          {
            DEFAULT_4XX: { responseParameters: corsResponse },
            DEFAULT_5XX: { responseParameters: corsResponse },
            UNAUTHORIZED: {
              statusCode: '401',
              responseParameters: { ...corsResponse, 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
              responseTemplates: { 'application/json': '{"message": "$context.error.messageString"}' },
            },
          },
        ],
      ],
    },
  ],
  [
    'HTTP API CORS is one setting; the gateway answers preflight requests itself',
    {
      given: http(`paths: {/a: {get: {${ok}}}}`, "  cors: {origins: ['https://app.example.com'], credentials: true, exposeHeaders: [X-Id], maxAge: 300}"),
      want: [
        [
          '/x-amazon-apigateway-cors',
          { allowOrigins: ['https://app.example.com'], allowCredentials: true, exposeHeaders: ['X-Id'], maxAge: 300, allowMethods: ['GET', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization', 'X-Api-Key', 'X-Amz-Date', 'X-Amz-Security-Token'] },
        ],
        ['/paths/~1a/get/operationId', 'getA'],
        ['/paths/~1a/options', undefined],
        ['/x-amazon-apigateway-gateway-responses', undefined],
      ],
    },
  ],
  [
    'HTTP API CORS allows by default the headers the Lambda authorizer and the header parameters read',
    {
      given: http(`paths: {/a: {get: {security: [{reqAuth: []}], parameters: [{name: X-Request-Id, in: header, schema: {type: string}}], ${ok}}}}
components:
  securitySchemes:
    reqAuth: {type: apiKey, in: header, name: X-Internal-Token, x-gateway: {lambdaAuthorizer: {handler: authorize, identitySources: [header.X-Internal-Token, header.X-Tenant]}}}`, "  cors: {origins: ['https://app.example.com']}"),
      want: [['/x-amazon-apigateway-cors/allowHeaders', ['Content-Type', 'Authorization', 'X-Api-Key', 'X-Amz-Date', 'X-Amz-Security-Token', 'X-Internal-Token', 'X-Tenant', 'X-Request-Id']]],
    },
  ],
  [
    'a JWT authorizer on an HTTP API, with scopes per route',
    {
      given: http(`security: [{oidc: [read]}]
paths:
  /a: {get: {${ok}}}
components:
  securitySchemes:
    oidc: {type: openIdConnect, openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration', x-gateway: {jwt: {audience: [web]}}}`),
      want: [
        ['/paths/~1a/get/security', [{ oidc: ['read'] }]],
        [
          '/components/securitySchemes/oidc',
          {
            type: 'oauth2',
            flows: {},
            'x-amazon-apigateway-authorizer': { type: 'jwt', jwtConfiguration: { issuer: 'https://id.example.com', audience: ['web'] }, identitySource: '$request.header.Authorization' },
          },
        ],
      ],
    },
  ],
  [
    'a Lambda authorizer on an HTTP API with simple responses',
    {
      given: http(`security: [{share: []}]
paths: {/a: {get: {${ok}}}}
components:
  securitySchemes:
    share: {type: apiKey, in: header, name: X-Share, x-gateway: {lambdaAuthorizer: {handler: auth, ttl: 30}}}`),
      want: [
        [
          '/components/securitySchemes/share/x-amazon-apigateway-authorizer',
          {
            type: 'request',
            authorizerUri: 'arn:aws:apigateway:{{region}}:lambda:path/2015-03-31/functions/{{function:auth}}/invocations',
            authorizerPayloadFormatVersion: '2.0',
            enableSimpleResponses: true,
            identitySource: '$request.header.X-Share',
            authorizerResultTtlInSeconds: 30,
          },
        ],
      ],
    },
  ],
  [
    'Lambda proxy integrations on REST and HTTP APIs',
    {
      given: rest(`paths: {/a: {get: {x-gateway: {lambda: {handler: orders, timeoutMs: 5000}}, ${ok}}}}`),
      want: [
        [
          '/paths/~1a/get/x-amazon-apigateway-integration',
          { type: 'aws_proxy', httpMethod: 'POST', uri: 'arn:aws:apigateway:{{region}}:lambda:path/2015-03-31/functions/{{function:orders}}/invocations', passthroughBehavior: 'when_no_match', timeoutInMillis: 5000 },
        ],
      ],
    },
  ],
  [
    'HTTP API Lambda integrations use payload format 2.0',
    { given: http(`paths: {/a: {get: {${ok}}}}`), want: [['/components/x-amazon-apigateway-integrations/main/payloadFormatVersion', '2.0']] },
  ],
  [
    'HTTP API routes share one integration per distinct integration (an HTTP API holds 300 integrations)',
    {
      given: http(`paths:
  /a: {get: {${ok}}, post: {${ok}}}
  /b: {get: {x-gateway: {lambda: {handler: other}}, ${ok}}}
  /c: {get: {operationId: proxied, x-gateway: {http: {uri: 'https://example.com/c'}}, ${ok}}}`),
      want: [
        ['/paths/~1a/get/x-amazon-apigateway-integration', { $ref: '#/components/x-amazon-apigateway-integrations/main' }],
        ['/paths/~1a/post/x-amazon-apigateway-integration', { $ref: '#/components/x-amazon-apigateway-integrations/main' }],
        ['/paths/~1b/get/x-amazon-apigateway-integration', { $ref: '#/components/x-amazon-apigateway-integrations/other' }],
        ['/paths/~1c/get/x-amazon-apigateway-integration', { $ref: '#/components/x-amazon-apigateway-integrations/proxied' }],
        ['/components/x-amazon-apigateway-integrations/proxied/uri', 'https://example.com/c'],
        ['/components/x-amazon-apigateway-integrations/other/uri', 'arn:aws:apigateway:{{region}}:lambda:path/2015-03-31/functions/{{function:other}}/invocations'],
      ],
    },
  ],
  [
    'cache key parameters, with the method parameters they need',
    {
      given: rest(`paths:
  /a/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: q, in: query, schema: {type: string}}
        - {name: Accept-Language, in: header, schema: {type: string}}
      x-gateway: {cache: {ttl: 60, keys: [path.id, query.q, header.Accept-Language]}}
      ${ok}`),
      want: [
        ['/paths/~1a~1{id}/get/x-amazon-apigateway-integration/cacheKeyParameters', ['method.request.path.id', 'method.request.querystring.q', 'method.request.header.Accept-Language']],
        [
          '/paths/~1a~1{id}/get/parameters',
          [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string' } },
          ],
        ],
      ],
    },
  ],
  [
    'request validation only where there is a model or a required parameter',
    {
      given: rest(`paths:
  /body: {post: {requestBody: {content: {application/json: {schema: {type: object}}}}, ${ok}}}
  /param: {get: {parameters: [{name: q, in: query, required: true, schema: {type: string}}], ${ok}}}
  /both: {post: {parameters: [{name: X-Id, in: header, required: true, schema: {type: string}}], requestBody: {content: {application/json: {schema: {type: object}}}}, ${ok}}}
  /nothing: {get: {parameters: [{name: q, in: query, schema: {type: string}}], ${ok}}}
  /binary: {put: {requestBody: {content: {image/png: {schema: {type: string, format: binary}}}}, ${ok}}}
  /off: {post: {x-gateway: {validation: none}, requestBody: {content: {application/json: {schema: {type: object}}}}, ${ok}}}`),
      want: [
        ['/paths/~1body/post/x-amazon-apigateway-request-validator', 'body-only'],
        ['/paths/~1param/get/x-amazon-apigateway-request-validator', 'params-only'],
        ['/paths/~1both/post/x-amazon-apigateway-request-validator', 'full'],
        ['/paths/~1nothing/get/operationId', 'getNothing'],
        ['/paths/~1nothing/get/x-amazon-apigateway-request-validator', undefined],
        ['/paths/~1binary/put/x-amazon-apigateway-request-validator', undefined],
        ['/paths/~1off/post/operationId', 'postOff'],
        ['/paths/~1off/post/x-amazon-apigateway-request-validator', undefined],
        [
          '/x-amazon-apigateway-request-validators',
          {
            full: { validateRequestBody: true, validateRequestParameters: true },
            'body-only': { validateRequestBody: true, validateRequestParameters: false },
            'params-only': { validateRequestBody: false, validateRequestParameters: true },
          },
        ],
        ['/paths/~1body/post/requestBody/content/application~1json/schema', { $ref: '#/components/schemas/PostBodyRequest' }],
        ['/components/schemas/PostBodyRequest', { type: 'object' }],
        ['/paths/~1binary/put/requestBody/content', { 'image/png': {} }],
      ],
    },
  ],
  [
    'binary media types, compression, resource policy and endpoint configuration',
    {
      given: rest(
        `paths: {/a: {get: {${ok}}}}`,
        `  endpoint: private
  vpcEndpointIds: [vpce-0123, {parameter: OtherVpce}]
  disableExecuteApiEndpoint: true
  binaryMediaTypes: [image/png, application/octet-stream]
  minimumCompressionSize: 2048
  policy: {Version: '2012-10-17', Statement: [{Effect: Allow, Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*'}]}`,
      ),
      want: [
        ['/x-amazon-apigateway-binary-media-types', ['image/png', 'application/octet-stream']],
        ['/x-amazon-apigateway-minimum-compression-size', 2048],
        ['/x-amazon-apigateway-policy/Statement/0/Resource', 'execute-api:/*'],
        ['/servers', [{ url: '/', 'x-amazon-apigateway-endpoint-configuration': { vpcEndpointIds: ['vpce-0123', '{{parameter:OtherVpce}}'], disableExecuteApiEndpoint: true } }]],
      ],
    },
  ],
  [
    'an HTTP backend with a stage variable in its URI and a path parameter passed on',
    {
      given: rest(`paths:
  /p/{proxy+}:
    x-gateway:
      any: {x-gateway: {http: {uri: 'https://\${stageVariables.host}/{proxy}', timeoutMs: 8000}}, parameters: [{name: proxy, in: path, required: true, schema: {type: string}}], ${ok}}`),
      want: [
        [
          '/paths/~1p~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration',
          {
            type: 'http_proxy',
            httpMethod: 'ANY',
            uri: 'https://${stageVariables.host}/{proxy}',
            passthroughBehavior: 'when_no_match',
            requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
            timeoutInMillis: 8000,
          },
        ],
      ],
    },
  ],
  [
    'routes the gateway cannot tell apart are one method, under the gateway’s path and parameter names',
    {
      given: rest(`paths:
  /items/{id}: {get: {parameters: [{name: id, in: path, required: true, schema: {type: integer}}, {name: q, in: query, required: true, schema: {type: string}}], ${ok}}}
  /items/{name}: {get: {parameters: [{name: name, in: path, required: true, schema: {type: string}}], ${ok}}}
  /items/{key}/parts: {get: {parameters: [{name: key, in: path, required: true, schema: {type: string, maxLength: 9}}], ${ok}}}
  /files/{base}.{ext}: {get: {parameters: [{name: base, in: path, required: true, schema: {type: string}}, {name: ext, in: path, required: true, schema: {type: string}}], ${ok}}}`),
      want: [
        ['/paths/~1items~1{name}', undefined],
        ['/paths/~1items~1{id}/get/operationId', 'getItemsById'],
        [
          '/paths/~1items~1{id}/get/parameters',
          [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
          ],
        ],
        ['/paths/~1items~1{id}~1parts/get/parameters', [{ name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 9 } }]],
        ['/paths/~1files~1{base_ext}/get/parameters', [{ name: 'base_ext', in: 'path', required: true, schema: { type: 'string' } }]],
      ],
    },
  ],
  [
    'a mock answers with its status, headers and body',
    {
      given: rest(`paths: {/a: {get: {x-gateway: {mock: {statusCode: 202, headers: {X-Mode: mock}, body: {price: '$5', tag: '#1'}}}, responses: {'202': {description: ok}}}}}`),
      want: [
        [
          '/paths/~1a/get/x-amazon-apigateway-integration/responses/default',
          {
            statusCode: '202',
            responseParameters: { 'method.response.header.X-Mode': "'mock'" },
            responseTemplates: { 'application/json': '{"price":"\\u00245","tag":"\\u00231"}' },
          },
        ],
        ['/paths/~1a/get/responses/202/headers/X-Mode', { schema: { type: 'string' } }],
      ],
    },
  ],
  [
    'S3 GetObject reads the object at the key path from the bucket',
    {
      given: rest(`paths:
  /img/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      x-gateway: {aws: {service: s3, action: GetObject, resource: {parameter: Bucket}, path: 'images/{id}.png'}}
      responses: {'200': {description: ok, content: {image/png: {schema: {type: string, format: binary}}}}, '404': {description: none}}`),
      want: [
        [
          '/paths/~1img~1{id}/get/x-amazon-apigateway-integration',
          {
            type: 'aws',
            httpMethod: 'GET',
            uri: 'arn:aws:apigateway:{{region}}:s3:path/{bucket}/images/{id}.png',
            credentials: '{{role:getImgById}}',
            requestParameters: { 'integration.request.path.bucket': "'{{parameter:Bucket}}'", 'integration.request.path.id': 'method.request.path.id' },
            passthroughBehavior: 'when_no_templates',
            responses: {
              default: {
                statusCode: '200',
                responseParameters: { 'method.response.header.Content-Length': 'integration.response.header.Content-Length', 'method.response.header.Content-Type': 'integration.response.header.Content-Type' },
              },
              '4\\d{2}': { statusCode: '404' },
              '5\\d{2}': { statusCode: '502' },
            },
            timeoutInMillis: 29000,
          },
        ],
        ['/paths/~1img~1{id}/get/responses/502', { description: 'The service failed.' }],
      ],
    },
  ],
  [
    'SQS SendMessage sends the body to the queue, with the given role',
    {
      given: rest(`paths:
  /events:
    post:
      x-gateway: {aws: {service: sqs, action: SendMessage, resource: 'https://sqs.eu-west-1.amazonaws.com/123456789012/events', roleArn: {import: sender-role}}}
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'202': {description: queued}}`),
      want: [
        ['/paths/~1events/post/x-amazon-apigateway-integration/uri', 'arn:aws:apigateway:{{region}}:sqs:action/SendMessage'],
        ['/paths/~1events/post/x-amazon-apigateway-integration/credentials', '{{import:sender-role}}'],
        ['/paths/~1events/post/x-amazon-apigateway-integration/requestParameters', { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" }],
        [
          '/paths/~1events/post/x-amazon-apigateway-integration/requestTemplates',
          { 'application/json': 'Action=SendMessage&QueueUrl=https%3A%2F%2Fsqs.eu-west-1.amazonaws.com%2F123456789012%2Fevents&MessageBody=$util.urlEncode($input.body)' },
        ],
        ['/paths/~1events/post/x-amazon-apigateway-integration/passthroughBehavior', 'never'],
        ['/paths/~1events/post/x-amazon-apigateway-integration/responses/default/statusCode', '202'],
      ],
    },
  ],
  [
    'DynamoDB GetItem keys the item by the path parameters and returns its document',
    {
      given: rest(`paths:
  /notes/{noteId}:
    get:
      parameters: [{name: noteId, in: path, required: true, schema: {type: string}}]
      x-gateway: {aws: {service: dynamodb, action: GetItem, resource: notes-table}}
      ${ok}`),
      want: [
        ['/paths/~1notes~1{noteId}/get/x-amazon-apigateway-integration/uri', 'arn:aws:apigateway:{{region}}:dynamodb:action/GetItem'],
        [
          '/paths/~1notes~1{noteId}/get/x-amazon-apigateway-integration/requestTemplates',
          { 'application/json': `{"TableName": "notes-table", "Key": {"noteId": {"S": "$util.escapeJavaScript($input.params().path.get('noteId'))"}}}` },
        ],
      ],
    },
  ],
  [
    'templates the spec writes are used as they are',
    {
      given: rest(`paths:
  /t:
    post:
      x-gateway: {aws: {service: dynamodb, action: UpdateItem, resource: t, requestTemplates: {application/json: '{"TableName": "t"}'}, responseTemplates: {application/json: '{}'}}}
      ${ok}`),
      want: [
        ['/paths/~1t/post/x-amazon-apigateway-integration/requestTemplates', { 'application/json': '{"TableName": "t"}' }],
        ['/paths/~1t/post/x-amazon-apigateway-integration/responses/default/responseTemplates', { 'application/json': '{}' }],
      ],
    },
  ],
  [
    'models: schema names reduced to letters and digits, inline response schemas hoisted, references followed',
    {
      given: rest(`paths:
  /a: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {type: string}}}}, '404': {description: no, content: {application/json: {schema: {$ref: '#/components/schemas/not-found'}}}}}}}
components:
  schemas:
    not-found: {type: object, properties: {next: {$ref: '#/components/schemas/not-found'}}}`),
      want: [
        ['/components/schemas/NotFound', { type: 'object', properties: { next: { $ref: '#/components/schemas/NotFound' } } }],
        ['/paths/~1a/get/responses/200/content/application~1json/schema', { $ref: '#/components/schemas/GetA200Response' }],
        ['/components/schemas/GetA200Response', { type: 'string' }],
        ['/paths/~1a/get/responses/404/content/application~1json/schema', { $ref: '#/components/schemas/NotFound' }],
      ],
    },
  ],
  [
    'HTTP APIs carry no models or request bodies, only what routing needs',
    {
      given: http(`paths: {'/a/{id}': {post: {parameters: [{name: id, in: path, required: true, schema: {type: integer}}], requestBody: {content: {application/json: {schema: {type: object}}}}, ${ok}}}}`),
      want: [
        ['/paths/~1a~1{id}/post/parameters', [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]],
        ['/paths/~1a~1{id}/post/requestBody', undefined],
        ['/components/schemas', undefined],
      ],
    },
  ],
  [
    'operations that declare only ranges keep a default response until an integration names a status',
    {
      given: rest(`paths: {/a: {get: {responses: {4XX: {description: bad}, default: {description: anything}}}}}`),
      want: [['/paths/~1a/get/responses', { default: { description: 'anything' } }]],
    },
  ],
];

describe('the API Gateway document, feature by feature', () => {
  test.each(features)('%s', (_, { given, want }) => {
    const { document, diagnostics } = documentOf(given);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    for (const [pointer, value] of want) expect(at(document, pointer), pointer).toEqual(value);
    expect(openApiProblems(document)).toEqual([]);
  });
});

interface ProblemCase {
  /** A spec, or IR the front end would refuse to build (the document still refuses it). */
  readonly given: string | (() => Api);
  readonly want: { readonly code: string; readonly severity: string; readonly pointer: string }[];
}

/** The IR of a spec the front end accepts, changed as the front end would not let it be. */
const changed = (spec: string, change: (api: Api) => Api) => (): Api => change(apiOf(spec));

const problems: [string, ProblemCase][] = [
  [
    'an HTTP API integration slower than the hard limit (the front end refuses it first)',
    {
      given: changed(http(`paths: {/a: {get: {x-gateway: {lambda: {handler: h}}, ${ok}}}}`), (api) => ({
        ...api,
        routes: api.routes.map((r) => ({ ...r, integration: { ...r.integration, timeoutMs: 45000 } as Integration })),
      })),
      want: [{ code: 'apigw-integration-unsupported', severity: 'error', pointer: '/paths/~1a/get/x-gateway/lambda' }],
    },
  ],
  [
    'a REST integration slower than the default quota',
    { given: rest(`paths: {/a: {get: {x-gateway: {lambda: {handler: h, timeoutMs: 60000}}, ${ok}}}}`), want: [{ code: 'apigw-limit-exceeded', severity: 'warning', pointer: '/paths/~1a/get/x-gateway/lambda' }] },
  ],
  [
    'a CORS origin that is not an origin',
    { given: rest(`paths: {/a: {get: {${ok}}}}`, "  cors: {origins: [\"https://a.example.com' || true\"]}"), want: [{ code: 'apigw-cors-invalid', severity: 'error', pointer: '/x-gateway/cors' }] },
  ],
  [
    'credentials with every origin',
    { given: http(`paths: {/a: {get: {${ok}}}}`, "  cors: {origins: ['*'], credentials: true}"), want: [{ code: 'apigw-cors-invalid', severity: 'error', pointer: '/x-gateway/cors' }] },
  ],
  [
    'routes served by one gateway method with different auth',
    {
      given: rest(`paths:
  /items/{id}: {get: {parameters: [{name: id, in: path, required: true, schema: {type: string}}], security: [{iam: []}], ${ok}}}
  /items/{name}: {get: {parameters: [{name: name, in: path, required: true, schema: {type: string}}], security: [], x-gateway: {public: true}, ${ok}}}
components:
  securitySchemes:
    iam: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}`),
      want: [{ code: 'apigw-shadowed-security-differs', severity: 'error', pointer: '/paths/~1items~1{name}/get' }],
    },
  ],
  [
    'scopes for a Lambda authorizer',
    {
      given: rest(`paths: {/a: {get: {security: [{la: [admin]}], ${ok}}}}
components:
  securitySchemes:
    la: {type: apiKey, in: header, name: Authorization, x-gateway: {lambdaAuthorizer: {handler: auth}}}`),
      want: [{ code: 'apigw-scopes-unenforced', severity: 'warning', pointer: '/paths/~1a/get/security' }],
    },
  ],
  [
    'a mock header value with a quote',
    { given: rest(`paths: {/a: {get: {x-gateway: {mock: {headers: {X-A: "it's"}}}, ${ok}}}}`), want: [{ code: 'apigw-static-value-invalid', severity: 'error', pointer: '/paths/~1a/get/x-gateway/mock' }] },
  ],
  [
    'a DynamoDB action gatewright writes no template for',
    { given: rest(`paths: {/a: {post: {x-gateway: {aws: {service: dynamodb, action: BatchWriteItem, resource: t}}, ${ok}}}}`), want: [{ code: 'apigw-integration-unsupported', severity: 'error', pointer: '/paths/~1a/post/x-gateway/aws' }] },
  ],
  [
    'an S3 integration without a key',
    { given: rest(`paths: {/a: {get: {x-gateway: {aws: {service: s3, action: GetObject, resource: b}}, ${ok}}}}`), want: [{ code: 'apigw-integration-unsupported', severity: 'error', pointer: '/paths/~1a/get/x-gateway/aws' }] },
  ],
];

describe('problems the API Gateway document reports', () => {
  test.each(problems)('%s', (_, { given, want }) => {
    const found = documentOf(typeof given === 'function' ? given() : given).diagnostics.filter((d) => d.severity !== 'info');
    expect(found.map((d) => ({ code: d.code, severity: d.severity }))).toEqual(want.map(({ code, severity }) => ({ code, severity })));
    // A diagnostic points at the object the case names, or inside it.
    found.forEach((d, i) => expect(d.origin?.pointer, d.message).toMatch(new RegExp(`^${escapeRegExp(want[i]?.pointer ?? '')}(/|$)`)));
  });
});

test('REST CORS: an HTTP proxy route is told its backend must send the CORS headers; a Lambda proxy route is not (the handler glue adds them)', () => {
  const { diagnostics } = documentOf(
    rest(`paths: {/a: {get: {x-gateway: {http: {uri: 'https://example.com/a'}}, ${ok}}}, /b: {get: {${ok}}}}`, "  cors: {origins: ['https://app.example.com']}"),
  );
  const limited = diagnostics.filter((d) => d.code === 'apigw-cors-limited');
  expect(limited.map((d) => [d.severity, d.origin?.pointer])).toEqual([['info', '/paths/~1a/get/x-gateway/http']]);
  expect(limited[0]?.message).toMatch(/backend must send Access-Control-Allow-Origin/);
});

test('a mock on an HTTP API is refused even when the IR holds one (the front end refuses it first)', () => {
  const api = apiOf(http(`paths: {/a: {get: {${ok}}}}`));
  const route = api.routes[0];
  if (!route) throw new Error('no route');
  const mock = { type: 'mock' as const, statusCode: 200, headers: {}, origin: { file: 'openapi.yaml', pointer: '/paths/~1a/get/x-gateway/mock' } };
  const { document, diagnostics } = documentOf({ ...api, routes: [{ ...route, integration: mock }] });
  expect(diagnostics.map((d) => [d.code, d.severity, d.origin?.pointer])).toEqual([['apigw-integration-unsupported', 'error', '/paths/~1a/get/x-gateway/mock']]);
  expect(at(document, '/paths/~1a/get/x-amazon-apigateway-integration')).toBeUndefined();
  expect(at(document, '/paths/~1a/get/operationId')).toBe('getA');
});

describe('HTTP API AWS service integrations are first-class integrations', () => {
  const route = (aws: string): string => http(`paths: {/e: {post: {operationId: emit, x-gateway: {aws: ${aws}}, ${ok}}}}`);
  const cases: [string, { given: string; want: Record<string, unknown> }][] = [
    ['SQS SendMessage: the body is the message', { given: '{service: sqs, action: SendMessage, resource: "https://sqs.eu-west-1.amazonaws.com/1/q"}', want: { integrationSubtype: 'SQS-SendMessage', requestParameters: { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/q', MessageBody: '$request.body' } } }],
    ['EventBridge PutEvents: the body is the detail', { given: '{service: eventbridge, action: PutEvents, resource: {parameter: Bus}}', want: { integrationSubtype: 'EventBridge-PutEvents', requestParameters: { EventBusName: '{{parameter:Bus}}', Source: 'gatewright', DetailType: 'emit', Detail: '$request.body' } } }],
    ['Kinesis PutRecord: partitioned by request', { given: '{service: kinesis, action: PutRecord, resource: s}', want: { integrationSubtype: 'Kinesis-PutRecord', requestParameters: { StreamName: 's', Data: '$request.body', PartitionKey: '$context.requestId' } } }],
    ['Step Functions StartExecution: the body is the input', { given: '{service: stepfunctions, action: StartExecution, resource: "arn:aws:states:eu-west-1:1:stateMachine:m"}', want: { integrationSubtype: 'StepFunctions-StartExecution', requestParameters: { StateMachineArn: 'arn:aws:states:eu-west-1:1:stateMachine:m', Input: '$request.body' } } }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    const { document, diagnostics } = documentOf(route(given));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(at(document, '/components/x-amazon-apigateway-integrations/emit')).toEqual({ type: 'aws_proxy', ...want, credentials: '{{role:emit}}', payloadFormatVersion: '1.0', timeoutInMillis: 30000 });
  });

  test.each([
    ['a service HTTP APIs have no first-class integration for', '{service: dynamodb, action: PutItem, resource: t}', /gatewright maps for sqs SendMessage/],
    ['mapping templates, which first-class integrations do not take', "{service: sqs, action: SendMessage, resource: q, requestTemplates: {application/json: x}}", /take no requestTemplates/],
  ])('refused: %s', (_name, given, message) => {
    const found = documentOf(route(given)).diagnostics.filter((d) => d.code === 'apigw-integration-unsupported');
    expect(found.map((d) => [d.severity, d.origin?.pointer])).toEqual([['error', '/paths/~1e/post/x-gateway/aws']]);
    expect(found[0]?.message).toMatch(message);
  });
});

describe('REST method responses hold concrete statuses only', () => {
  // API Gateway's method responses are keyed by status code: it has no ranges, and its importer skips `default`.
  const cases: [string, { given: string; want: string[] }][] = [
    ['Lambda proxy: the concrete statuses; ranges and default stay in the spec (the proxy passes any status through)', { given: `{200: {description: ok}, 404: {description: gone}, 4XX: {description: bad}, 5XX: {description: down}, default: {description: other}}`, want: ['200', '404'] }],
    ['Lambda proxy with ranges only: the default OpenAPI needs, which the import skips', { given: `{2XX: {description: fine}, 5XX: {description: down}}`, want: ['default'] }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    const { document } = documentOf(rest(`paths: {/a: {get: {responses: ${given}}}}`));
    expect(Object.keys(at(document, '/paths/~1a/get/responses') as object)).toEqual(want);
  });

  test('a non-proxy HTTP integration maps each backend status to one method response, and never an error to a success', () => {
    const { document } = documentOf(
      rest(`paths: {/a: {get: {x-gateway: {http: {uri: 'https://example.com/a', proxy: false}}, responses: {200: {description: ok}, 404: {description: gone}, 409: {description: clash}, 5XX: {description: down}}}}}`),
    );
    const integration = at(document, '/paths/~1a/get/x-amazon-apigateway-integration/responses') as Record<string, { statusCode: string }>;
    const methodResponses = Object.keys(at(document, '/paths/~1a/get/responses') as object);
    // What API Gateway answers for a backend status: the one response whose pattern matches it, else default.
    const answer = (backend: number): string[] => {
      const matching = Object.entries(integration).filter(([pattern]) => pattern !== 'default' && new RegExp(`^(?:${pattern})$`).test(String(backend)));
      return (matching.length > 0 ? matching : [['default', integration['default']!] as const]).map(([, r]) => r.statusCode);
    };
    const table: [number, string][] = [[200, '200'], [204, '200'], [302, '200'], [403, '400'], [404, '404'], [409, '409'], [500, '502'], [503, '502']];
    expect(table.map(([backend]) => answer(backend))).toEqual(table.map(([, status]) => [status]));
    for (const { statusCode } of Object.values(integration)) expect(methodResponses).toContain(statusCode);
  });
});

describe('API Gateway quotas', () => {
  test('more authorizers than an API may have', () => {
    const names = Array.from({ length: 11 }, (_, i) => `auth${i}`);
    const spec = rest(`paths:
${names.map((n) => `  /${n}: {get: {security: [{${n}: []}], ${ok}}}`).join('\n')}
components:
  securitySchemes:
${names.map((n) => `    ${n}: {type: apiKey, in: header, name: X-${n}, x-gateway: {lambdaAuthorizer: {handler: ${n}}}}`).join('\n')}`);
    expect(documentOf(spec).diagnostics.filter((d) => d.code === 'apigw-limit-exceeded').map((d) => d.message)).toEqual([expect.stringContaining('11 authorizers')]);
    const fewer = documentOf(spec.replace(/security: \[\{auth10: \[\]\}\]/, 'security: [{auth9: []}]'));
    expect(fewer.diagnostics.filter((d) => d.code === 'apigw-limit-exceeded')).toEqual([]);
  });

  test('more resources than a REST API may have', () => {
    const paths = (n: number): string => Array.from({ length: n }, (_, i) => `  /r${i}: {get: {${ok}}}`).join('\n');
    // The root resource counts too: 299 paths make 300 resources, 300 make 301.
    expect(documentOf(rest(`paths:\n${paths(299)}`)).diagnostics.filter((d) => d.code === 'apigw-limit-exceeded')).toEqual([]);
    expect(documentOf(rest(`paths:\n${paths(300)}`)).diagnostics.filter((d) => d.code === 'apigw-limit-exceeded').map((d) => d.message)).toEqual([expect.stringContaining('301 resources')]);
  });

  test('the resource warning says how to split, and names the parts too large to split by first segment', () => {
    const paths = Array.from({ length: 320 }, (_, i) => `  /${i < 310 ? 'big' : 'small'}/r${i}: {get: {${ok}}}`).join('\n');
    const [message] = documentOf(rest(`paths:\n${paths}`)).diagnostics.filter((d) => d.code === 'apigw-limit-exceeded').map((d) => d.message);
    expect(message).toMatch(/Resources per API/);
    expect(message).toMatch(/\/big: 311, \/small: 11; \/big alone is over the quota/);
  });

  const httpRoutes = (n: number, integration: (i: number) => string): string =>
    http(`paths:\n${Array.from({ length: n }, (_, i) => `  /r${i}: {get: {operationId: r${i}, x-gateway: {${integration(i)}}, ${ok}}}`).join('\n')}`);
  const limits = (spec: string): string[] => documentOf(spec).diagnostics.filter((d) => d.code === 'apigw-limit-exceeded').map((d) => d.message);

  test.each([
    ['301 routes of one handler: the route quota (raisable), one shared integration', { given: httpRoutes(301, () => 'lambda: {handler: main}'), want: [expect.stringContaining('301 routes')] }],
    ['300 routes to 300 backends: within both quotas', { given: httpRoutes(300, (i) => `http: {uri: 'https://example.com/${i}'}`), want: [] }],
    ['301 routes to 301 backends: both quotas, the integrations one not raisable', { given: httpRoutes(301, (i) => `http: {uri: 'https://example.com/${i}'}`), want: [expect.stringContaining('301 routes'), expect.stringMatching(/301 distinct integrations.*does not raise/)] }],
  ])('HTTP APIs: %s', (_name, { given, want }) => {
    expect(limits(given)).toEqual(want);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the openapi artifact', () => {
  test.each(fixtures)('$name: the document is valid OpenAPI 3.0 and every placeholder is listed (none for WebSocket APIs)', ({ spec }) => {
    const result = compileSpec(path.join(repoRoot, spec), { emit: ['openapi'] });
    if (result.api?.kind === 'websocket') {
      expect(result.files).toEqual([]);
      return;
    }
    expect(result.files.map((f) => f.path)).toEqual(['openapi.apigw.json']);
    const text = result.files[0]?.contents as string;
    const document = JSON.parse(text) as { 'x-gatewright': { placeholders: Record<string, string> } };
    expect(openApiProblems(document)).toEqual([]);
    const used = [...new Set(text.match(/\{\{[^{}]+\}\}/g))].sort();
    expect(Object.keys(document['x-gatewright'].placeholders)).toEqual(used);
    // Every model is draft 4, and every route the gateway routes is a method under its gateway path.
    for (const [name, model] of Object.entries((at(document, '/components/schemas') ?? {}) as Record<string, object>)) {
      expect(draft04.validateSchema(model), name).toBe(true);
    }
    for (const route of result.api?.routes ?? []) {
      const key = route.method === 'ANY' ? 'x-amazon-apigateway-any-method' : route.method.toLowerCase();
      const operationId = at(document, `/paths/${route.gatewayPath.replace(/~/g, '~0').replace(/\//g, '~1')}/${key}/operationId`);
      expect(operationId, `${route.method} ${route.path}`).toBe(route.shadowedBy ?? route.id);
    }
  });

  test('a problem two back ends find is reported once', () => {
    const spec = path.join(repoRoot, 'fixtures/events-31.yaml');
    const once = compileSpec(spec, { emit: ['openapi'] }).diagnostics;
    const twice = compileSpec(spec, { emit: ['openapi', 'openapi'] }).diagnostics;
    expect(once.some((d) => d.code === 'apigw-schema-keyword-moved')).toBe(true);
    expect(twice).toEqual(once);
  });


  test('the same IR gives the same bytes, whichever references name the resources', () => {
    const spec = path.join(repoRoot, 'fixtures/shop.yaml');
    const first = compileSpec(spec, { emit: ['openapi'] }).files[0]?.contents;
    expect(compileSpec(spec, { emit: ['openapi'] }).files[0]?.contents).toBe(first);
    const api = compileSpec(spec, { emit: ['ir'] }).api;
    if (!api) throw new Error('no IR');
    const inTemplate = documentOf(api, templateReferences);
    expect(inTemplate.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(at(inTemplate.document, '/paths/~1products/get/x-amazon-apigateway-integration/uri')).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${CatalogFunction.Arn}/invocations',
    });
    expect(at(inTemplate.document, '/paths/~1products~1{productId}~1image/get/x-amazon-apigateway-integration/requestParameters/integration.request.path.bucket')).toEqual({
      'Fn::Join': ['', ["'", { Ref: 'ImagesBucket' }, "'"]],
    });
    // Deploy values inside text join flat, whatever the nesting of the parts.
    expect(at(inTemplate.document, '/paths/~1orders~1{orderId}~1events/post/x-amazon-apigateway-integration/requestTemplates/application~1json')).toEqual({
      'Fn::Join': ['', ["Action=SendMessage&QueueUrl=$util.urlEncode('", { Ref: 'OrderEventsQueueUrl' }, "')&MessageBody=$util.urlEncode($input.body)"]],
    });
  });
});

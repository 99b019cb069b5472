import { describe, expect, test } from 'vitest';
import { lintText } from './helpers/lint.js';

const spec = (body: string, version = '3.0.3') => `openapi: ${version}
info: {title: T, version: '1'}
${body}`;

/** `want`: every problem the rule reports, in reading order. */
const cases: [string, { rule: string; given: string; want: { pointer: string; at: string }[] }][] = [
  [
    'a literal path that is simply more specific is not an overlap',
    {
      rule: 'path-overlap',
      given: spec(`paths:
  /users/{id}: {get: {operationId: a, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}}
  /users/me: {get: {operationId: b, responses: {'200': {description: ok}}}}
`),
      want: [],
    },
  ],
  [
    'on HTTP APIs, crossed paths with different methods do not overlap',
    {
      rule: 'path-overlap',
      given: spec(`x-gateway: {kind: http}
paths:
  /{team}/members: {get: {operationId: a, parameters: [{name: team, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}}
  /admins/{id}: {post: {operationId: b, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}}
`),
      want: [],
    },
  ],
  [
    'an HTTP proxy may answer only `default`; another integration may not',
    {
      rule: 'operation-success-response',
      given: spec(`paths:
  /legacy/{proxy+}:
    parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
    get:
      operationId: legacy
      x-gateway: {http: {uri: 'https://legacy.example.com/{proxy}', proxy: true}}
      responses: {default: {description: whatever legacy answers}}
  /report:
    get:
      operationId: report
      responses: {default: {description: a report}}
`),
      want: [{ pointer: '/paths/~1report/get/responses', at: '13:18' }],
    },
  ],
  [
    'an unregistered and an informational status code',
    {
      rule: 'response-status-code',
      given: spec(`paths:
  /a:
    get:
      operationId: a
      responses:
        '100': {description: go on}
        '299': {description: odd}
        '4XX': {description: client error}
`),
      want: [{ pointer: '/paths/~1a/get/responses/100', at: '8:9' }, { pointer: '/paths/~1a/get/responses/299', at: '9:9' }],
    },
  ],
  [
    'a 3.1 schema example array, a named media type example and a header example',
    {
      rule: 'example-valid',
      given: spec(
        `paths:
  /a:
    get:
      operationId: a
      responses:
        '200':
          description: ok
          headers:
            X-Count: {schema: {type: integer}, example: many}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
              examples:
                broken: {value: {id: 7}}
                fine: {value: {id: '7'}}
components:
  schemas:
    Item:
      type: object
      properties:
        id: {type: string, examples: ['a', 3]}
`,
        '3.1.0',
      ),
      want: [
        { pointer: '/paths/~1a/get/responses/200/headers/X-Count/example', at: '11:57' },
        { pointer: '/paths/~1a/get/responses/200/content/application~1json/examples/broken/value/id', at: '16:38' },
        { pointer: '/components/schemas/Item/properties/id/examples/1', at: '23:44' },
      ],
    },
  ],
  [
    'an example shared through components.examples is judged where it is written, once',
    {
      rule: 'example-valid',
      given: spec(`paths:
  /a:
    get:
      operationId: a
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, required: [id]}
              examples: {one: {$ref: '#/components/examples/Empty'}}
  /b:
    get:
      operationId: b
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, required: [id]}
              examples: {one: {$ref: '#/components/examples/Empty'}}
components:
  examples:
    Empty: {value: {}}
`),
      want: [{ pointer: '/components/examples/Empty/value', at: '26:20' }],
    },
  ],
  [
    'XML examples are text and are not judged against the schema',
    {
      rule: 'example-valid',
      given: spec(`paths:
  /a:
    get:
      operationId: a
      responses:
        '200':
          description: ok
          content:
            application/xml:
              schema: {type: object}
              example: '<item/>'
`),
      want: [],
    },
  ],
  [
    'a nullable enum may list null; a repeated value is reported',
    {
      rule: 'schema-enum-type',
      given: spec(`paths: {}
components:
  schemas:
    Colour: {type: string, nullable: true, enum: [red, null, red]}
`),
      want: [{ pointer: '/components/schemas/Colour/enum/2', at: '6:62' }],
    },
  ],
  [
    'a stage variable in a mapping template and in an authorizer identity source',
    {
      rule: 'x-gateway-stage-variable',
      given: spec(`x-gateway:
  stages: {prod: {variables: {table: orders}}, dev: {variables: {table: orders-dev, realm: dev}}}
security: [{auth: []}]
paths:
  /orders:
    post:
      operationId: a
      x-gateway:
        aws:
          service: dynamodb
          action: PutItem
          resource: orders
          requestTemplates: {application/json: '{"TableName": "$stageVariables.table"}'}
      responses: {'200': {description: ok}}
components:
  securitySchemes:
    auth:
      type: apiKey
      in: header
      name: Authorization
      x-gateway: {lambdaAuthorizer: {handler: auth, type: request, identitySources: [header.Authorization, stageVariable.realm]}}
`),
      want: [{ pointer: '/components/securitySchemes/auth/x-gateway/lambdaAuthorizer/identitySources/1', at: '23:108' }],
    },
  ],
  [
    'HTTP API mappings use $request expressions',
    {
      rule: 'x-gateway-integration-parameter',
      given: spec(`x-gateway: {kind: http}
paths:
  /a:
    get:
      operationId: a
      parameters: [{name: q, in: query, schema: {type: string}}]
      x-gateway:
        http: {uri: 'https://backend.example.com/a', requestParameters: {append:querystring.q: $request.querystring.q, append:header.x: $request.header.x}}
      responses: {'200': {description: ok}}
`),
      want: [{ pointer: '/paths/~1a/get/x-gateway/http/requestParameters/append:header.x', at: '10:137' }],
    },
  ],
  [
    'API keys read from an authorizer, with no authorizer',
    {
      rule: 'x-gateway-api-key-usage-plan',
      given: spec(`x-gateway:
  apiKeySource: authorizer
  usagePlans: {basic: {apiKeys: [k]}}
security: [{key: []}]
paths:
  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
`),
      want: [{ pointer: '/x-gateway/apiKeySource', at: '4:17' }],
    },
  ],
  [
    'API keys read from an authorizer, for an operation whose security names an API key but not the Lambda authorizer the API has',
    {
      rule: 'x-gateway-api-key-usage-plan',
      given: spec(`x-gateway:
  apiKeySource: authorizer
  usagePlans: {basic: {apiKeys: [k]}}
paths:
  /a: {get: {operationId: a, security: [{gate: []}], responses: {'200': {description: ok}}}}
  /b: {get: {operationId: b, security: [{key: []}], responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
    gate: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: auth}}}
`),
      want: [{ pointer: '/x-gateway/apiKeySource', at: '4:17' }],
    },
  ],
  [
    'API keys read from an authorizer: the operations behind it require a key, so the plan meters them',
    {
      rule: 'x-gateway-usage-plan-unused',
      given: spec(`x-gateway:
  apiKeySource: authorizer
  usagePlans: {basic: {apiKeys: [k]}}
security: [{gate: []}]
paths:
  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    gate: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: auth}}}
`),
      want: [],
    },
  ],
  [
    'API keys read from the header: an operation behind a Lambda authorizer alone requires none, so the plan meters nothing',
    {
      rule: 'x-gateway-usage-plan-unused',
      given: spec(`x-gateway:
  usagePlans: {basic: {apiKeys: [k]}}
security: [{gate: []}]
paths:
  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    gate: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: auth}}}
`),
      want: [{ pointer: '/x-gateway/usagePlans/basic', at: '4:16' }],
    },
  ],
  [
    'a usage plan with no stages covers them all',
    {
      rule: 'x-gateway-api-key-usage-plan',
      given: spec(`x-gateway:
  stages: {prod: {}, dev: {}}
  usagePlans: {basic: {apiKeys: [k]}}
security: [{key: []}]
paths:
  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
`),
      want: [],
    },
  ],
  [
    'a Lambda timeout from the defaults, longer than the HTTP API integration waits',
    {
      rule: 'x-gateway-handler-timeout',
      given: spec(`x-gateway:
  kind: http
  defaults: {lambda: {timeoutS: 60}}
paths:
  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
`),
      want: [{ pointer: '/x-gateway/defaults/lambda/timeoutS', at: '5:33' }],
    },
  ],
  ...(
    [
      ['an HTTP API Lambda authorizer with the default timeout', 'defaults: {lambda: {handler: app}}', []],
      ['an HTTP API Lambda authorizer under a defaults.lambda.timeoutS over 10 s', 'defaults: {lambda: {handler: app, timeoutS: 25}}', []],
      ['an HTTP API Lambda authorizer with its own timeout over 10 s', 'handlers: {authorize: {timeoutS: 20}}', [{ pointer: '/x-gateway/handlers/authorize/timeoutS', at: '5:36' }]],
    ] as const
  ).map(([name, gateway, want]): [string, { rule: string; given: string; want: { pointer: string; at: string }[] }] => [
    name,
    {
      rule: 'x-gateway-handler-timeout',
      given: spec(`x-gateway:
  kind: http
  ${gateway}
paths:
  /a: {get: {operationId: a, security: [token: []], responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    token: {type: apiKey, in: header, name: X-Internal-Token, x-gateway: {lambdaAuthorizer: {handler: authorize}}}
`),
      want: [...want],
    },
  ]),
  [
    'HTTP APIs do not validate bodies, so their models are not judged',
    {
      rule: 'apigw-model-keywords',
      given: spec(
        `x-gateway: {kind: http}
paths:
  /a:
    post:
      operationId: a
      requestBody: {content: {application/json: {schema: {type: object, propertyNames: {pattern: '^a'}}}}}
      responses: {'200': {description: ok}}
`,
        '3.1.0',
      ),
      want: [],
    },
  ],
  [
    'a discriminator on a schema reached from a validated body',
    {
      rule: 'apigw-model-keywords',
      given: spec(`paths:
  /pets:
    post:
      operationId: a
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
      responses: {'200': {description: ok}}
components:
  schemas:
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator: {propertyName: kind}
    Cat: {type: object, properties: {kind: {type: string}}}
    Dog: {type: object, properties: {kind: {type: string}}}
`),
      want: [{ pointer: '/components/schemas/Pet/discriminator', at: '13:7' }],
    },
  ],
  [
    'a 3.1 keyword the compiler cannot carry',
    {
      rule: 'apigw-openapi-31',
      given: spec(
        `paths: {}
components:
  schemas:
    Tags: {type: array, items: {type: string}, unevaluatedItems: false}
`,
        '3.1.0',
      ),
      want: [{ pointer: '/components/schemas/Tags/unevaluatedItems', at: '6:48' }],
    },
  ],
  [
    'a reserved path is fine when the domain maps the API under a base path',
    {
      rule: 'apigw-path-names',
      given: spec(`x-gateway:
  domain: {name: api.example.com, certificateArn: arn, basePath: v1}
paths:
  /ping: {get: {operationId: a, responses: {'200': {description: ok}}}}
`),
      want: [],
    },
  ],
  [
    'too many stages, too many stage variables and a CloudFormation-sized API',
    {
      rule: 'apigw-quotas',
      given: spec(`x-gateway:
  stages:
    s1: {variables: {${Array.from({ length: 101 }, (_, i) => `v${i}: x`).join(', ')}}}
    s2: {}
    s3: {}
    s4: {}
    s5: {}
    s6: {}
    s7: {}
    s8: {}
    s9: {}
    s10: {}
    s11: {}
paths:
${Array.from({ length: 170 }, (_, i) => `  /r${i}: {get: {operationId: r${i}, x-gateway: {lambda: {handler: h${i}}}, responses: {'200': {description: ok}}}}`).join('\n')}
`),
      want: [
        { pointer: '/x-gateway/stages', at: '4:3' },
        { pointer: '/x-gateway/stages/s1/variables', at: '5:10' },
        { pointer: '/paths', at: '16:1' },
      ],
    },
  ],
  [
    'REST integrations past 29 s need a raised quota: one problem, where the shared timeout is written (edge-optimized APIs are the compiler’s)',
    {
      rule: 'apigw-integration-timeout',
      given: spec(`x-gateway: {defaults: {timeoutMs: 45000}}
paths:
  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
  /b: {get: {operationId: b, responses: {'200': {description: ok}}}}
`),
      want: [{ pointer: '/x-gateway/defaults/timeoutMs', at: '3:35' }],
    },
  ],
  [
    'headers that together exceed the request header limit',
    {
      rule: 'apigw-payload-size',
      given: spec(`paths:
  /a:
    get:
      operationId: a
      parameters:
        - {name: x-one, in: header, required: true, schema: {type: string, maxLength: 6000}}
        - {name: x-two, in: header, required: true, schema: {type: string, maxLength: 6000}}
      responses: {'200': {description: ok}}
`),
      want: [{ pointer: '/paths/~1a/get/parameters/0', at: '8:11' }],
    },
  ],
  [
    '*/* among the binaryMediaTypes of a REST API',
    {
      rule: 'apigw-binary-media-types',
      given: spec(`x-gateway: {binaryMediaTypes: ['*/*']}
paths:
  /a:
    put:
      operationId: a
      requestBody: {content: {image/png: {schema: {type: string, format: binary}}}}
      responses: {'204': {description: ok}}
`),
      want: [{ pointer: '/x-gateway/binaryMediaTypes/0', at: '3:32' }],
    },
  ],
  [
    'request validation asked for by default on an HTTP API',
    {
      rule: 'apigw-kind-features',
      given: spec(`x-gateway: {kind: http, defaults: {validation: all}}
paths: {}
`),
      want: [{ pointer: '/x-gateway/defaults/validation', at: '3:48' }],
    },
  ],
  [
    'a disabled default endpoint with no custom domain',
    {
      rule: 'apigw-endpoint-reachable',
      given: spec(`x-gateway: {kind: http, disableExecuteApiEndpoint: true}
paths: {}
`),
      want: [{ pointer: '/x-gateway/disableExecuteApiEndpoint', at: '3:52' }],
    },
  ],
  [
    'a WebSocket API whose $connect route is open',
    {
      rule: 'security-defined',
      given: spec(
        `x-gateway:
  kind: websocket
  routes:
    $connect: {lambda: {handler: connect}}
    $default: {lambda: {handler: messages}}
paths: {}
`,
        '3.1.0',
      ),
      want: [{ pointer: '/x-gateway/routes/$connect', at: '6:15' }],
    },
  ],
  [
    'a Lambda authorizer reading a token from the query string',
    {
      rule: 'security-credentials-in-query',
      given: spec(`security: [{auth: []}]
paths:
  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    auth: {type: apiKey, in: query, name: token, x-gateway: {lambdaAuthorizer: {handler: auth, type: request}}}
`),
      want: [{ pointer: '/components/securitySchemes/auth/in', at: '8:30' }],
    },
  ],
  [
    'an authorizer cached under the caller, asked for different scopes by different operations',
    {
      rule: 'security-authorizer-cache',
      given: spec(`paths:
  /a: {get: {operationId: a, security: [{auth: [read]}], responses: {'200': {description: ok}}}}
  /b: {post: {operationId: b, security: [{auth: [write]}], responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    auth: {type: apiKey, in: header, name: Authorization, x-gateway: {lambdaAuthorizer: {handler: auth, type: request, ttl: 300}}}
`),
      want: [{ pointer: '/components/securitySchemes/auth/x-gateway/lambdaAuthorizer/ttl', at: '8:125' }],
    },
  ],
  [
    'responses cached per caller through the Authorization header',
    {
      rule: 'security-response-cache',
      given: spec(`x-gateway: {stages: {prod: {cache: {sizeGb: 0.5}}}}
security: [{pool: []}]
paths:
  /a: {get: {operationId: a, x-gateway: {cache: {ttl: 60, keys: [header.Authorization]}}, responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    pool: {type: http, scheme: bearer, x-gateway: {cognito: {userPoolArns: [arn]}}}
`),
      want: [],
    },
  ],
  [
    'a throttle on the operation is enough for a public route',
    {
      rule: 'security-public-throttle',
      given: spec(`paths:
  /a: {get: {operationId: a, security: [], x-gateway: {throttle: {rate: 5, burst: 10}}, responses: {'200': {description: ok}}}}
  /b: {get: {operationId: b, x-gateway: {public: true}, responses: {'200': {description: ok}}}}
`),
      want: [{ pointer: '/paths/~1b/get', at: '5:8' }],
    },
  ],
  [
    'an AWS access key id in a description',
    {
      rule: 'security-secrets',
      given: spec(`paths:
  /a:
    get:
      operationId: a
      description: 'Call it with AKIAABCDEFGHIJKLMNOP.'
      x-gateway: {public: true}
      responses: {'200': {description: ok}}
`),
      want: [{ pointer: '/paths/~1a/get/description', at: '7:20' }],
    },
  ],
  [
    'placeholders are not secrets; real-looking values beside them are',
    {
      rule: 'security-secrets',
      given: spec(`x-gateway:
  handlers:
    orders:
      environment:
        A_TOKEN: '<token>'
        B_API_KEY: YOUR_API_KEY
        C_SECRET: xxxxxxxxxxxx
        D_PASSWORD: example
        E_PASSWORD: changeme
        F_API_KEY: \${PAYMENT_API_KEY}
        G_SECRET: s3cr3t-Value-9
paths:
  /a:
    get:
      operationId: a
      description: 'Keys look like AKIAIOSFODNN7EXAMPLE or AKIAXXXXXXXXXXXXXXXX, unlike AKIAZ7Q2M4T6W8Y1B3C5.'
      x-gateway: {public: true, lambda: {handler: orders}}
      responses: {'200': {description: ok}}
`),
      want: [
        { pointer: '/x-gateway/handlers/orders/environment/G_SECRET', at: '13:19' },
        { pointer: '/paths/~1a/get/description', at: '18:20' },
      ],
    },
  ],
  [
    'a schema reached only through a discriminator mapping is used; a security scheme no operation requires is not',
    {
      rule: 'unused-components',
      given: spec(`paths:
  /a:
    get:
      operationId: a
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
components:
  schemas:
    Pet: {oneOf: [{$ref: '#/components/schemas/Cat'}], discriminator: {propertyName: kind, mapping: {dog: Dog}}}
    Cat: {type: object}
    Dog: {type: object}
  securitySchemes:
    unused: {type: apiKey, in: header, name: x-api-key}
`),
      want: [{ pointer: '/components/securitySchemes/unused', at: '15:5' }],
    },
  ],
  [
    'server variables that are declared but not used, and a default outside the enum',
    {
      rule: 'server-url',
      given: spec(`servers:
  - url: https://api.shop.com/v1
    variables:
      region: {default: eu, enum: [us]}
  - url: /v1
paths: {}
`),
      want: [{ pointer: '/servers/0/url', at: '4:10' }],
    },
  ],
  [
    'a gateway response that sends any origin with credentials, header values written as sent',
    {
      rule: 'security-cors-credentials',
      given: spec(`x-gateway:
  gatewayResponses:
    DEFAULT_4XX: {headers: {Access-Control-Allow-Origin: '*', Access-Control-Allow-Credentials: 'true'}}
paths: {}
`),
      want: [{ pointer: '/x-gateway/gatewayResponses/DEFAULT_4XX/headers', at: '5:28' }],
    },
  ],
  [
    'header values compare as browsers do: a quoted origin or a capitalised TRUE is not any origin with credentials',
    {
      rule: 'security-cors-credentials',
      given: spec(`x-gateway:
  gatewayResponses:
    DEFAULT_4XX: {headers: {Access-Control-Allow-Origin: "'*'", Access-Control-Allow-Credentials: 'true'}}
    DEFAULT_5XX: {headers: {Access-Control-Allow-Origin: '*', Access-Control-Allow-Credentials: 'TRUE'}}
paths: {}
`),
      want: [],
    },
  ],
];

describe('rule behaviour beyond the docs examples', () => {
  test.each(cases)('%s', (_name, { rule, given, want }) => {
    const all = lintText(given);
    const position = (at: string | undefined) => (at ?? '0:0').split(':').map(Number) as [number, number];
    const found = all
      .filter((d) => d.code === rule)
      .map((d) => ({ pointer: d.pointer, at: d.at }))
      .sort((a, b) => position(a.at)[0] - position(b.at)[0] || position(a.at)[1] - position(b.at)[1]);
    expect(found).toEqual(want);
    // Every case is a spec the compiler accepts, so only the rule decides.
    expect(all.filter((d) => d.severity === 'error' && /^(openapi-|x-gateway-(invalid|unknown-key|reference)|ref-|path-invalid|security-scheme-unsupported)/.test(d.code))).toEqual([]);
  });
});

describe('example checking stays bounded', () => {
  test('a deeply nested union over a recursive schema is given up on rather than checked for ever', () => {
    // Every level is a oneOf of two branches that both recurse: naive checking is 2^depth.
    const value = JSON.stringify(Array.from({ length: 40 }).reduce((inner: unknown) => ({ next: inner }), { next: null }));
    const found = lintText(`openapi: 3.0.3
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Node:
      oneOf:
        - {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}
        - {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}, required: [next]}
      example: ${value}
`).filter((d) => d.code === 'example-valid');
    // An exhaustive check would take 2^40 steps before it could say "matches 2 of the oneOf
    // schemas"; the validator runs out of its step budget and takes the example as valid.
    expect(found).toEqual([]);
  });
});

import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildApi } from '../src/frontend/build-api.js';
import { loadSpec } from '../src/load/load-spec.js';
import { check } from './helpers/diagnostics.js';
import { writeFiles } from './helpers/temp.js';

/** How x-gateway values are decoded into the IR: defaults, inheritance and what each kind refuses. */

const build = (yaml: string) => {
  const dir = writeFiles({ 'openapi.yaml': yaml });
  const { api, diagnostics } = check(path.join(dir, 'openapi.yaml'));
  return { api, problems: diagnostics.filter((d) => d.severity !== 'info') };
};

const getHello = `paths:
  /hello:
    get:
      security: []
      responses: {'200': {description: ok}}
`;

describe('defaults.lambda', () => {
  test('policies and reservedConcurrency apply to every function; a handler adds its own policies and may override the concurrency', () => {
    const { api, problems } = build(`openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  defaults:
    lambda:
      policies: [arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess]
      reservedConcurrency: 5
  handlers:
    b: {policies: [{Effect: Allow, Action: 'sqs:SendMessage', Resource: '*'}], reservedConcurrency: 1}
paths:
  /a: {get: {security: [], x-gateway: {lambda: {handler: a}}, responses: {'200': {description: ok}}}}
  /b: {get: {security: [], x-gateway: {lambda: {handler: b}}, responses: {'200': {description: ok}}}}
`);
    expect(problems).toEqual([]);
    expect(api?.handlers.map((h) => [h.name, h.policies, h.reservedConcurrency])).toEqual([
      ['a', ['arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess'], 5],
      ['b', ['arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess', { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }], 1],
    ]);
  });
});

const head = (gateway: string) => `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway: ${gateway}
`;

interface RefusalCase {
  readonly given: string;
  readonly want: readonly { readonly code: string; readonly pointer: string }[];
}

const refusals: [string, RefusalCase][] = [
  [
    'a mock integration on an HTTP API (HTTP APIs have only Lambda and HTTP proxy integrations)',
    {
      given: `${head('{kind: http}')}paths:
  /health: {get: {security: [], x-gateway: {mock: {statusCode: 200}}, responses: {'200': {description: ok}}}}
`,
      want: [{ code: 'x-gateway-kind-mismatch', pointer: '/paths/~1health/get/x-gateway/mock' }],
    },
  ],
  [
    'a WebSocket route with two integrations',
    {
      given: `${head(`
  kind: websocket
  routes:
    $default: {lambda: {handler: a}, mock: {statusCode: 200}}`)}paths: {}
`,
      want: [{ code: 'x-gateway-invalid', pointer: '/x-gateway/routes/$default' }],
    },
  ],
  [
    'a JWT authorizer on a WebSocket API (WebSocket APIs have IAM and Lambda authorizers only)',
    {
      given: `${head(`
  kind: websocket
  routes:
    $connect: {lambda: {handler: connect}, security: [{oidc: []}]}`)}paths: {}
components:
  securitySchemes:
    oidc: {type: openIdConnect, openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration', x-gateway: {jwt: {audience: [chat]}}}
`,
      want: [{ code: 'security-scheme-unsupported', pointer: '/components/securitySchemes/oidc' }],
    },
  ],
  [
    'an authorizer cache on a WebSocket API',
    {
      given: `${head(`
  kind: websocket
  routes:
    $connect: {lambda: {handler: connect}, security: [{token: []}]}`)}paths: {}
components:
  securitySchemes:
    token: {type: apiKey, in: query, name: token, x-gateway: {lambdaAuthorizer: {handler: auth, ttl: 300}}}
`,
      want: [{ code: 'x-gateway-kind-mismatch', pointer: '/components/securitySchemes/token/x-gateway/lambdaAuthorizer/ttl' }],
    },
  ],
  [
    'simple responses with payload format 1.0 on an HTTP API',
    {
      given: `${head('{kind: http}')}${getHello}components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key, x-gateway: {lambdaAuthorizer: {handler: auth, payloadVersion: '1.0', simpleResponses: true}}}
`,
      want: [{ code: 'x-gateway-invalid', pointer: '/components/securitySchemes/key/x-gateway/lambdaAuthorizer/simpleResponses' }],
    },
  ],
  [
    'a route.NAME identity source (header.NAME and query.NAME name the $connect request on WebSocket APIs)',
    {
      given: `${head(`
  kind: websocket
  routes:
    $connect: {lambda: {handler: connect}, security: [{token: []}]}`)}paths: {}
components:
  securitySchemes:
    token: {type: apiKey, in: query, name: token, x-gateway: {lambdaAuthorizer: {handler: auth, identitySources: [route.querystring.token]}}}
`,
      want: [{ code: 'x-gateway-invalid', pointer: '/components/securitySchemes/token/x-gateway/lambdaAuthorizer/identitySources/0' }],
    },
  ],
  [
    'routeSelectionExpression: $default, which WebSocket APIs do not take',
    {
      given: `${head(`
  kind: websocket
  routeSelectionExpression: $default
  routes:
    $default: {lambda: {handler: a}}`)}paths: {}
`,
      want: [{ code: 'x-gateway-invalid', pointer: '/x-gateway/routeSelectionExpression' }],
    },
  ],
];

describe('settings API Gateway cannot build are refused where they are written', () => {
  test.each(refusals)('%s', (_name, { given, want }) => {
    const { problems } = build(given);
    expect(problems.map((d) => ({ code: d.code, pointer: d.pointer }))).toEqual(want);
    for (const d of problems) expect(d.message).toMatch(/[.?]$/);
  });
});

describe('Lambda authorizers', () => {
  const authorizer = (kind: string, scheme: string) =>
    build(`${head(`{kind: ${kind}}`)}${getHello}components:
  securitySchemes:
    auth: ${scheme}
`);

  test.each([
    ['REST, the scheme names one header', 'rest', '{type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: check}}}', 'token', ['header.X-Token']],
    ['REST, the scheme names a query parameter', 'rest', '{type: apiKey, in: query, name: token, x-gateway: {lambdaAuthorizer: {handler: check}}}', 'request', ['query.token']],
    [
      'REST, several identity sources',
      'rest',
      '{type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: check, identitySources: [header.X-Token, query.tenant]}}}',
      'request',
      ['header.X-Token', 'query.tenant'],
    ],
    ['HTTP', 'http', '{type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: check}}}', 'request', ['header.X-Token']],
  ])('the default type: %s', (_name, kind, scheme, wantKind, wantSources) => {
    const { api, problems } = authorizer(kind, scheme);
    expect(problems).toEqual([]);
    const decoded = api?.securitySchemes[0];
    expect(decoded?.type === 'lambda' ? [decoded.kind, decoded.identitySources.map((s) => `${s.in}.${s.name}`)] : decoded).toEqual([wantKind, wantSources]);
  });

  test.each([
    ['payload 2.0 (the default) answers simply by default', '{handler: check}', '2.0', true],
    ['payload 1.0 answers with an IAM policy', "{handler: check, payloadVersion: '1.0'}", '1.0', false],
    ['simple responses can be turned off', '{handler: check, simpleResponses: false}', '2.0', false],
  ])('HTTP APIs: %s', (_name, settings, wantVersion, wantSimple) => {
    const { api, problems } = authorizer('http', `{type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: ${settings}}}`);
    expect(problems).toEqual([]);
    const decoded = api?.securitySchemes[0];
    expect(decoded?.type === 'lambda' ? [decoded.payloadVersion, decoded.simpleResponses] : decoded).toEqual([wantVersion, wantSimple]);
  });
});

test('WebSocket identity sources are written as on other APIs: query.NAME is a query parameter of $connect', () => {
  const { api, problems } = build(`${head(`
  kind: websocket
  routes:
    $connect: {lambda: {handler: connect}, security: [{token: []}]}`)}paths: {}
components:
  securitySchemes:
    token: {type: apiKey, in: query, name: token, x-gateway: {lambdaAuthorizer: {handler: auth, identitySources: [query.token, header.X-Tenant]}}}
`);
  expect(problems).toEqual([]);
  const scheme = api?.securitySchemes[0];
  expect(scheme?.type === 'lambda' ? scheme.identitySources : scheme).toEqual([
    { in: 'query', name: 'token' },
    { in: 'header', name: 'X-Tenant' },
  ]);
});

test('header values of mock integrations and gateway responses are kept as literal text', () => {
  const { api, problems } = build(`${head(`
  gatewayResponses:
    THROTTLED: {headers: {Retry-After: '10', X-Request: $context.requestId}}`)}paths:
  /health: {get: {security: [], x-gateway: {mock: {headers: {Cache-Control: no-store}}}, responses: {'200': {description: ok}}}}
`);
  expect(problems).toEqual([]);
  expect(api?.gateway.gatewayResponses[0]?.headers).toEqual({ 'Retry-After': '10', 'X-Request': '$context.requestId' });
  const integration = api?.routes[0]?.integration;
  expect(integration?.type === 'mock' ? integration.headers : integration).toEqual({ 'Cache-Control': 'no-store' });
});

test('two integrations side by side are named in the message', () => {
  const { problems } = build(`${head('{kind: rest}')}paths:
  /a: {get: {security: [], x-gateway: {lambda: {handler: a}, http: {uri: 'https://example.com'}}, responses: {'200': {description: ok}}}}
`);
  expect(problems.map((d) => [d.code, d.pointer, d.message])).toEqual([
    ['x-gateway-invalid', '/paths/~1a/get/x-gateway', 'x-gateway: has 2 integrations (lambda, http), but it is served by exactly one; keep one of them.'],
  ]);
});

describe('operations without an integration', () => {
  test('are reported (info) when they fall back to the built-in handler name', () => {
    const { api } = build(`${head('{kind: rest}')}${getHello}`);
    expect(api?.routes[0]?.integration).toMatchObject({ type: 'lambda', handler: 'api' });
    const dir = writeFiles({ 'openapi.yaml': `${head('{kind: rest}')}${getHello}` });
    expect(check(path.join(dir, 'openapi.yaml')).diagnostics.map((d) => d.code)).toEqual(['integration-missing']);
  });

  test('are served quietly by defaults.lambda.handler when the spec names it', () => {
    const yaml = `${head('{defaults: {lambda: {handler: app}}}')}${getHello}`;
    const dir = writeFiles({ 'openapi.yaml': yaml });
    const { api, diagnostics } = check(path.join(dir, 'openapi.yaml'));
    expect(api?.routes[0]?.integration).toMatchObject({ type: 'lambda', handler: 'app' });
    expect(diagnostics).toEqual([]);
  });
});

describe('schema problems read as sentences', () => {
  test.each([
    ['{defaults: {lambda: {timeoutS: 1000}}}', 'x-gateway at /defaults/lambda/timeoutS: must be at most 900 (Function timeout in seconds. Default 29).'],
    ['{defaults: {lambda: {memoryMb: 64}}}', 'x-gateway at /defaults/lambda/memoryMb: must be at least 128 (Memory in MB. Default 256).'],
    ['{cors: {origins: []}}', 'x-gateway at /cors/origins: must list at least 1 item(s) (Allowed origins).'],
    ['{binaryMediaTypes: [image/png, image/png]}', 'x-gateway at /binaryMediaTypes: lists the same item twice; remove one.'],
    ['{alarms: {periodS: 10}}', 'x-gateway at /alarms/periodS: must be one of 60, 300, 900, 3600.'],
    [
      "{stages: {prod: {logging: {access: '$context.status'}}}}",
      'x-gateway at /stages/prod/logging/access: does not match the expected form (A custom access log format; it must contain $context.requestId or $context.extendedRequestId).',
    ],
  ])('%s', (gateway, message) => {
    const { problems } = build(`${head(gateway)}paths: {}\n`);
    expect(problems.map((d) => d.message)).toEqual([message]);
  });
});

interface LimitCase {
  readonly given: string;
  readonly want: readonly { readonly code: string; readonly severity: string; readonly pointer: string }[];
}

const hello = (gateway: string) => `paths:
  /hello:
    get:
      security: []
      x-gateway: ${gateway}
      responses: {'200': {description: ok}}
`;

const deployRefusals: [string, LimitCase][] = [
  [
    'an HTTP API integration timeout over 30 s',
    {
      given: `${head('{kind: http}')}${hello('{lambda: {handler: a, timeoutMs: 30001}}')}`,
      want: [{ code: 'x-gateway-limit', severity: 'error', pointer: '/paths/~1hello/get/x-gateway/lambda/timeoutMs' }],
    },
  ],
  ['an HTTP API integration timeout of exactly 30 s', { given: `${head('{kind: http}')}${hello('{lambda: {handler: a, timeoutMs: 30000}}')}`, want: [] }],
  [
    'a WebSocket default timeout over 29 s',
    {
      given: `${head(`
  kind: websocket
  defaults: {timeoutMs: 30000}
  routes:
    $default: {lambda: {handler: a}}`)}paths: {}
`,
      want: [{ code: 'x-gateway-limit', severity: 'error', pointer: '/x-gateway/defaults/timeoutMs' }],
    },
  ],
  [
    'a WebSocket route timeout over 29 s',
    {
      given: `${head(`
  kind: websocket
  routes:
    $default: {http: {uri: 'https://example.com', timeoutMs: 29001}}`)}paths: {}
`,
      want: [{ code: 'x-gateway-limit', severity: 'error', pointer: '/x-gateway/routes/$default/http/timeoutMs' }],
    },
  ],
  [
    'a regional REST API timeout over 29 s, which deploys after a quota increase (the API Gateway document warns)',
    { given: `${head('{defaults: {timeoutMs: 60000}}')}${hello('{lambda: {handler: a}}')}`, want: [] },
  ],
  [
    'a private REST API AWS integration timeout over 29 s, likewise',
    { given: `${head('{endpoint: private, policy: {}}')}${hello('{aws: {service: sqs, action: SendMessage, resource: q, timeoutMs: 45000}}')}`, want: [] },
  ],
  [
    'an edge-optimized REST API timeout over 29 s: no quota raises it',
    {
      given: `${head('{endpoint: edge}')}${hello('{lambda: {handler: a, timeoutMs: 29001}}')}`,
      want: [{ code: 'x-gateway-limit', severity: 'error', pointer: '/paths/~1hello/get/x-gateway/lambda/timeoutMs' }],
    },
  ],
  [
    'a non-proxy HTTP integration on an HTTP API',
    {
      given: `${head('{kind: http}')}${hello("{http: {uri: 'https://example.com', proxy: false}}")}`,
      want: [{ code: 'x-gateway-kind-mismatch', severity: 'error', pointer: '/paths/~1hello/get/x-gateway/http/proxy' }],
    },
  ],
  ['a non-proxy HTTP integration on a REST API', { given: `${head('{kind: rest}')}${hello("{http: {uri: 'https://example.com', proxy: false}}")}`, want: [] }],
  [
    'an edge-optimized custom domain on an HTTP API',
    {
      given: `${head('{kind: http, domain: {name: api.example.com, certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/x, endpoint: edge}}')}${hello('{lambda: {handler: a}}')}`,
      want: [{ code: 'x-gateway-kind-mismatch', severity: 'error', pointer: '/x-gateway/domain/endpoint' }],
    },
  ],
  [
    'TLS 1.0 on a WebSocket API custom domain',
    {
      given: `${head(`
  kind: websocket
  domain: {name: ws.example.com, certificateArn: {parameter: Cert}, securityPolicy: TLS_1_0}
  routes:
    $default: {lambda: {handler: a}}`)}paths: {}
`,
      want: [{ code: 'x-gateway-kind-mismatch', severity: 'error', pointer: '/x-gateway/domain/securityPolicy' }],
    },
  ],
];

describe('values API Gateway refuses at deploy are reported where they are written', () => {
  test.each(deployRefusals)('%s', (_name, { given, want }) => {
    const { problems } = build(given);
    expect(problems.map((d) => ({ code: d.code, severity: d.severity, pointer: d.pointer }))).toEqual(want);
    for (const d of problems) expect(d.message).toMatch(/[.?]$/);
  });

  test('they are gateway-only, so an SDK can still be generated', () => {
    const dir = writeFiles({
      'openapi.yaml': `${head('{kind: http}')}paths:
  /a: {get: {security: [], x-gateway: {lambda: {handler: a, timeoutMs: 40000}}, responses: {'200': {description: ok}}}}
  /b: {get: {security: [], x-gateway: {http: {uri: 'https://example.com', proxy: false}}, responses: {'200': {description: ok}}}}
`,
    });
    const { diagnostics } = buildApi(loadSpec(path.join(dir, 'openapi.yaml')));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.gatewayOnly]).sort()).toEqual([
      ['x-gateway-kind-mismatch', true],
      ['x-gateway-limit', true],
    ]);
  });
});

const withParam = (name: string, gateway: string) => `paths:
  /hello:
    get:
      security: []
      parameters: [{name: ${name}, in: query, schema: {type: string}}]
      x-gateway: ${gateway}
      responses: {'200': {description: ok}}
`;

const websocket = (extra: string, routes: string) => `${head(`
  kind: websocket${extra}
  routes:
${routes}`)}paths: {}
components:
  securitySchemes:
    token: {type: apiKey, in: query, name: token, x-gateway: {lambdaAuthorizer: {handler: auth}}}
`;

const silentSettings: [string, LimitCase][] = [
  [
    'VPC endpoints on a regional REST API',
    {
      given: `${head('{vpcEndpointIds: [vpce-0123456789abcdef0]}')}${hello('{lambda: {handler: a}}')}`,
      want: [{ code: 'x-gateway-ineffective', severity: 'warning', pointer: '/x-gateway/vpcEndpointIds' }],
    },
  ],
  [
    'cursor pagination that does not say where the next cursor is',
    {
      given: `${head('{}')}${withParam('cursor', '{lambda: {handler: a}, pagination: {param: cursor, items: /items}}')}`,
      want: [{ code: 'x-gateway-invalid', severity: 'error', pointer: '/paths/~1hello/get/x-gateway/pagination' }],
    },
  ],
  ['cursor pagination with the next cursor in a header', { given: `${head('{}')}${withParam('cursor', '{lambda: {handler: a}, pagination: {param: cursor, nextHeader: X-Next, items: /items}}')}`, want: [] }],
  ['page pagination, which computes the next page', { given: `${head('{}')}${withParam('page', '{lambda: {handler: a}, pagination: {param: page, style: page, items: /items}}')}`, want: [] }],
  [
    'two Cognito pools on an HTTP API, which trusts only the first',
    {
      given: `${head('{kind: http}')}${hello('{lambda: {handler: a}}')}components:
  securitySchemes:
    pool:
      type: http
      scheme: bearer
      x-gateway:
        cognito:
          userPoolArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_A', 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_B']
          clientIds: [web]
`,
      want: [{ code: 'x-gateway-kind-mismatch', severity: 'warning', pointer: '/components/securitySchemes/pool/x-gateway/cognito/userPoolArns/1' }],
    },
  ],
  [
    'root security on a WebSocket API without a $connect route: anyone could connect',
    {
      given: `security: [{token: []}]\n${websocket('', '    $default: {lambda: {handler: a}}')}`,
      want: [{ code: 'websocket-route-invalid', severity: 'error', pointer: '/security' }],
    },
  ],
  ['root security on a WebSocket API with a $connect route', { given: `security: [{token: []}]\n${websocket('', '    $connect: {lambda: {handler: connect}}\n    $default: {lambda: {handler: a}}')}`, want: [] }],
];

describe('settings that would do nothing are reported', () => {
  test.each(silentSettings)('%s', (_name, { given, want }) => {
    const { problems } = build(given);
    expect(problems.map((d) => ({ code: d.code, severity: d.severity, pointer: d.pointer }))).toEqual(want);
    for (const d of problems) expect(d.message).toMatch(/[.?]$/);
  });

  test('VPC endpoints of an API that is not private are left out of the IR', () => {
    expect(build(`${head('{vpcEndpointIds: [vpce-0123456789abcdef0]}')}${hello('{lambda: {handler: a}}')}`).api?.gateway.vpcEndpointIds).toEqual([]);
    expect(build(`${head('{endpoint: private, policy: {}, vpcEndpointIds: [vpce-0123456789abcdef0]}')}${hello('{lambda: {handler: a}}')}`).api?.gateway.vpcEndpointIds).toEqual([
      { literal: 'vpce-0123456789abcdef0' },
    ]);
  });
});

describe('which routes require an API key (Route.apiKeyRequired)', () => {
  const schemes = `components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
    gate: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: auth, identitySources: [header.X-Token]}}}
    iam: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}
`;
  const operation = (security: string) => `{get: {security: ${security}, x-gateway: {lambda: {handler: h}}, responses: {'200': {description: ok}}}}`;
  const restSpec = (source: string) => `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway: {kind: rest${source === '' ? '' : `, apiKeySource: ${source}`}}
paths:
  /key: ${operation('[{key: []}]')}
  /gate: ${operation('[{gate: []}]')}
  /gateAndKey: ${operation('[{gate: [], key: []}]')}
  /iam: ${operation('[{iam: []}]')}
  /open: ${operation('[]')}
${schemes}`;
  const cases: [string, { given: { source: '' | 'header' | 'authorizer' }; want: Record<string, boolean> }][] = [
    ['REST, keys from the header: only an apiKey scheme', { given: { source: '' }, want: { '/key': true, '/gate': false, '/gateAndKey': true, '/iam': false, '/open': false } }],
    ['REST, keys from the header, said so', { given: { source: 'header' }, want: { '/key': true, '/gate': false, '/gateAndKey': true, '/iam': false, '/open': false } }],
    [
      'REST, keys from the authorizer: an apiKey scheme, or a Lambda authorizer',
      { given: { source: 'authorizer' }, want: { '/key': true, '/gate': true, '/gateAndKey': true, '/iam': false, '/open': false } },
    ],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    const { api, problems } = build(restSpec(given.source));
    expect(problems).toEqual([]);
    expect(Object.fromEntries(api?.routes.map((r) => [r.path, r.apiKeyRequired]) ?? [])).toEqual(want);
  });

  test('HTTP APIs have no API keys: no route requires one, whatever apiKeySource says', () => {
    const dir = writeFiles({
      'openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway: {kind: http, apiKeySource: authorizer}
paths:
  /gate: ${operation('[{gate: []}]')}
${schemes}`,
    });
    const { api } = buildApi(loadSpec(path.join(dir, 'openapi.yaml')));
    expect(api?.routes.map((r) => r.apiKeyRequired)).toEqual([false]);
  });

  const webSocket = (source: string, security: string) => `openapi: 3.1.0
info: {title: T, version: '1'}
x-gateway:
  kind: websocket
  apiKeySource: ${source}
  routes:
    $connect: {lambda: {handler: connect}, security: ${security}}
    $default: {lambda: {handler: messages}}
paths: {}
${schemes}`;
  const connectCases: [string, { given: { source: string; security: string }; want: { connect: boolean; default: boolean } }][] = [
    ['a Lambda authorizer, keys from the header', { given: { source: 'header', security: '[{gate: []}]' }, want: { connect: false, default: false } }],
    ['a Lambda authorizer, keys from the authorizer', { given: { source: 'authorizer', security: '[{gate: []}]' }, want: { connect: true, default: false } }],
    ['an API key from the header', { given: { source: 'header', security: '[{key: []}]' }, want: { connect: true, default: false } }],
    ['IAM, keys from the authorizer', { given: { source: 'authorizer', security: '[{iam: []}]' }, want: { connect: false, default: false } }],
  ];
  test.each(connectCases)('WebSocket $connect: %s', (_name, { given, want }) => {
    const { api, problems } = build(webSocket(given.source, given.security));
    expect(problems).toEqual([]);
    expect(Object.fromEntries(api?.messageRoutes.map((r) => [r.routeKey.slice(1), r.apiKeyRequired]) ?? [])).toEqual(want);
  });
});

import path from 'node:path';
import { describe, expect, test } from 'vitest';
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
    [
      "{stages: {prod: {logging: {access: '$context.status'}}}}",
      'x-gateway at /stages/prod/logging/access: does not match the expected form (A custom access log format; it must contain $context.requestId or $context.extendedRequestId).',
    ],
  ])('%s', (gateway, message) => {
    const { problems } = build(`${head(gateway)}paths: {}\n`);
    expect(problems.map((d) => d.message)).toEqual([message]);
  });
});

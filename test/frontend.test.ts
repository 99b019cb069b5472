import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixtures, mistakes } from '../scripts/fixtures.mjs';
import { runCli } from './helpers/cli.js';
import { check, repoRoot } from './helpers/diagnostics.js';
import { writeFiles } from './helpers/temp.js';

describe('fixtures', () => {
  test.each(fixtures)('$spec compiles to IR with no errors', async ({ spec }) => {
    const result = await runCli(['compile', spec, '--emit', 'ir'], repoRoot);
    expect(result.stderr).not.toMatch(/^\s+\d+:\d+\s+error\s/m);
    expect(result.code).toBe(0);
    const ir = JSON.parse(result.stdout) as { routes: unknown[]; messageRoutes: unknown[] };
    expect(ir.routes.length + ir.messageRoutes.length).toBeGreaterThan(0);
  });

  test('the mistakes fixture reports every expected diagnostic, with file:line:col, and exits 1', async () => {
    const result = await runCli(['compile', mistakes.spec, '--emit', 'ir'], repoRoot);
    expect(result.code).toBe(1);
    const expected = fs.readFileSync(path.join(repoRoot, mistakes.expected), 'utf8').trim().split('\n');
    const json = await runCli(['compile', mistakes.spec, '--emit', 'ir', '--format', 'json'], repoRoot);
    const found = (JSON.parse(json.stdout) as { diagnostics: { file: string; line: number; column: number; severity: string; code: string }[] }).diagnostics.map(
      (d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`,
    );
    expect(found).toEqual(expected);
    // The human format prints each of them with its position too.
    for (const line of expected) {
      const [where, , code] = line.split(' ');
      const position = (where as string).split(':').slice(1).join(':');
      expect(result.stderr).toMatch(new RegExp(`${position}\\s+\\w+\\s+.*${code}`));
    }
  });
});

const spec = (body: string) => `openapi: 3.0.3
info: {title: T, version: '1'}
${body}`;

interface FrontEndCase {
  readonly given: string;
  readonly want: { readonly code: string; readonly at: string; readonly pointer?: string }[];
}

const corsHeadersSpec = (headers: string) => spec(`x-gateway:
  kind: http
  cors: {origins: ['https://app.example.com'], headers: ${headers}}
paths:
  /a:
    get:
      security: [{reqAuth: []}]
      parameters: [{name: X-Request-Id, in: header, schema: {type: string}}, {name: Accept-Language, in: header, schema: {type: string}}]
      responses: {'200': {description: ok}}
components:
  securitySchemes:
    reqAuth: {type: apiKey, in: header, name: X-Internal-Token, x-gateway: {lambdaAuthorizer: {handler: authorize}}}
`);

const anyRouteSpec = (kind: string, options: string) => spec(`x-gateway:
  kind: ${kind}
  defaults: {lambda: {handler: api}}
  cors: {origins: ['https://app.example.com']}
paths:
  /p/{proxy+}:
    parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
    x-gateway:
      any:
        security: [{reqAuth: []}]
        responses: {'200': {description: ok}}
${options}components:
  securitySchemes:
    reqAuth: {type: apiKey, in: header, name: X-Internal-Token, x-gateway: {lambdaAuthorizer: {handler: authorize}}}
`);
const publicOptions = `    options:
      security: []
      responses: {'204': {description: preflight}}
`;

const cases: [string, FrontEndCase][] = [
  [
    'an authorized ANY route of an HTTP API with CORS gets the preflights its authorizer refuses',
    { given: anyRouteSpec('http', ''), want: [{ code: 'apigw-cors-any-route-auth', at: '12:9', pointer: '/paths/~1p~1{proxy+}/x-gateway/any' }] },
  ],
  ['an authorized ANY route beside a public OPTIONS operation: the preflights go to that', { given: anyRouteSpec('http', publicOptions), want: [] }],
  ['an authorized ANY route of a REST API: its OPTIONS mock answers preflights', { given: anyRouteSpec('rest', ''), want: [] }],
  [
    'CORS headers listed by the spec that leave out what the authorizer and a parameter read (a safelisted one may be left out)',
    { given: corsHeadersSpec('[Content-Type]'), want: [{ code: 'x-gateway-cors-header-missing', at: '5:57', pointer: '/x-gateway/cors/headers' }] },
  ],
  [
    'CORS headers listed by the spec that hold every header the API reads, in any case',
    { given: corsHeadersSpec('[Content-Type, x-internal-token, X-Request-Id]'), want: [] },
  ],
  [
    'a schema that is only a $ref to itself',
    {
      given: spec(`paths: {}
components:
  schemas:
    Loop: {$ref: '#/components/schemas/Loop'}
`),
      want: [{ code: 'ref-cycle', at: '6:18', pointer: '/components/schemas/Loop/$ref' }],
    },
  ],
  [
    'schemas that are only $refs, allOf or oneOf of each other, each loop reported once',
    {
      given: spec(`paths: {}
components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: '#/components/schemas/A'}
    C: {allOf: [{$ref: '#/components/schemas/D'}, {type: object}]}
    D: {oneOf: [{type: string}, {$ref: '#/components/schemas/C'}]}
`),
      want: [
        { code: 'ref-cycle', at: '6:15', pointer: '/components/schemas/A/$ref' },
        { code: 'ref-cycle', at: '8:24', pointer: '/components/schemas/C/allOf/0/$ref' },
      ],
    },
  ],
  [
    'recursion through properties, items and additionalProperties is fine',
    {
      given: spec(`paths: {}
components:
  schemas:
    Tree: {type: object, properties: {kids: {type: array, items: {$ref: '#/components/schemas/Tree'}}}}
    List: {type: array, items: {$ref: '#/components/schemas/List'}}
    Map: {type: object, additionalProperties: {$ref: '#/components/schemas/Map'}}
    Node: {oneOf: [{type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}, {type: string}]}
    Alias: {$ref: '#/components/schemas/Tree'}
`),
      want: [],
    },
  ],
  [
    'duplicate operationIds',
    {
      given: spec(`paths:
  /a: {get: {operationId: same, responses: {'200': {description: ok}}}}
  /b: {get: {operationId: same, responses: {'200': {description: ok}}}}
`),
      want: [{ code: 'operation-id-duplicate', at: '5:27', pointer: '/paths/~1b/get/operationId' }],
    },
  ],
  [
    'paths the same up to parameter names, with the same method and different handlers',
    {
      given: spec(`paths:
  /items/{id}: {get: {parameters: [{name: id, in: path, required: true, schema: {type: string}}], x-gateway: {lambda: {handler: a}}, responses: {'200': {description: ok}}}}
  /items/{key}: {get: {parameters: [{name: key, in: path, required: true, schema: {type: string}}], x-gateway: {lambda: {handler: b}}, responses: {'200': {description: ok}}}}
`),
      want: [{ code: 'path-ambiguous', at: '5:18' }],
    },
  ],
  [
    'a path parameter that is not declared',
    {
      given: spec(`paths:
  /items/{id}:
    get:
      responses: {'200': {description: ok}}
`),
      want: [{ code: 'path-parameter-undeclared', at: '6:7' }],
    },
  ],
  [
    'a parameter $ref to a missing file: the missing file, not the undeclared parameter it would declare',
    {
      given: spec(`paths:
  /items/{id}:
    get:
      parameters: [{$ref: 'missing.yaml#/Id'}]
      responses: {'200': {description: ok}}
`),
      want: [{ code: 'ref-file-not-found', at: '6:27', pointer: '/paths/~1items~1{id}/get/parameters/0/$ref' }],
    },
  ],
  [
    'a path-item parameter $ref that points at nothing: only the dead reference',
    {
      given: spec(`paths:
  /items/{id}:
    parameters: [{$ref: '#/components/parameters/Id'}]
    get:
      responses: {'200': {description: ok}}
components:
  parameters:
    Key: {name: id, in: path, required: true, schema: {type: string}}
`),
      want: [{ code: 'ref-unresolved', at: '5:25', pointer: '/paths/~1items~1{id}/parameters/0/$ref' }],
    },
  ],
  [
    'a dead parameter $ref does not hide a declared parameter that is not in the path',
    {
      given: spec(`paths:
  /items/{id}:
    get:
      parameters:
        - {$ref: '#/components/parameters/Id'}
        - {name: note, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
`),
      want: [
        { code: 'ref-unresolved', at: '7:18', pointer: '/paths/~1items~1{id}/get/parameters/0/$ref' },
        { code: 'path-parameter-not-in-path', at: '8:11', pointer: '/paths/~1items~1{id}/get/parameters/1' },
      ],
    },
  ],
  [
    'a declared path parameter missing from the template',
    {
      given: spec(`paths:
  /items:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
`),
      want: [{ code: 'path-parameter-not-in-path', at: '6:20' }],
    },
  ],
  [
    'a header name that is not an RFC 9110 token',
    {
      given: spec(`paths:
  /a:
    get:
      parameters: [{name: 'X Trace:Id', in: header, schema: {type: string}}]
      responses:
        '200':
          description: ok
          headers:
            'Bad(Header)': {schema: {type: string}}
`),
      want: [
        { code: 'header-name-invalid', at: '6:27' },
        { code: 'header-name-invalid', at: '11:13' },
      ],
    },
  ],
  [
    'an unknown x-gateway key, with a suggestion',
    {
      given: spec(`x-gateway: {kind: rest, stagse: {prod: {}}}
paths: {}
`),
      want: [{ code: 'x-gateway-unknown-key', at: '3:25', pointer: '/x-gateway/stagse' }],
    },
  ],
  [
    'a feature the API kind does not have',
    {
      given: spec(`x-gateway: {kind: http, stages: {prod: {cache: {sizeGb: 0.5}}}}
paths: {}
`),
      want: [{ code: 'x-gateway-kind-mismatch', at: '3:48' }],
    },
  ],
  [
    'a bearer scheme on REST without Cognito or an authorizer',
    {
      given: spec(`paths: {}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
`),
      want: [{ code: 'security-scheme-unsupported', at: '6:13' }],
    },
  ],
  [
    'x-gateway.any is checked as an OpenAPI Operation Object: a misspelled key',
    {
      given: spec(`paths:
  /p/{proxy+}:
    parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
    x-gateway:
      any:
        security: []
        x-gateway: {http: {uri: 'https://example.com/{proxy}'}}
        respnses: {default: {description: ok}}
`),
      want: [{ code: 'openapi-schema', at: '10:9', pointer: '/paths/~1p~1{proxy+}/x-gateway/any/respnses' }],
    },
  ],
  [
    'x-gateway.any is checked as an OpenAPI Operation Object: responses are required in 3.0',
    {
      given: spec(`paths:
  /p/{proxy+}:
    parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
    x-gateway:
      any:
        security: []
        x-gateway: {http: {uri: 'https://example.com/{proxy}'}}
`),
      want: [
        { code: 'openapi-schema', at: '8:9', pointer: '/paths/~1p~1{proxy+}/x-gateway/any' },
      ],
    },
  ],
];

describe('front-end checks', () => {
  test.each(cases)('%s', (_name, { given, want }) => {
    const dir = writeFiles({ 'openapi.yaml': given });
    const { diagnostics } = check(path.join(dir, 'openapi.yaml'));
    const errors = diagnostics.filter((d) => d.severity !== 'info');
    expect(errors.map((d) => ({ code: d.code, at: d.at, ...(want.some((w) => w.pointer) ? { pointer: d.pointer } : {}) }))).toEqual(
      want.map((w) => ({ code: w.code, at: w.at, ...(w.pointer ? { pointer: w.pointer } : {}) })),
    );
    if (errors[0]) expect(errors[0].message).toMatch(/[.?]$/);
  });

  test('a CORS header left out is named in the warning, with what reads it', () => {
    const dir = writeFiles({ 'openapi.yaml': corsHeadersSpec('[Content-Type, X-Request-Id]') });
    const warnings = check(path.join(dir, 'openapi.yaml')).diagnostics.filter((d) => d.code === 'x-gateway-cors-header-missing');
    expect(warnings.map((d) => d.message)).toEqual([
      'x-gateway.cors.headers leaves out X-Internal-Token (the security scheme reqAuth), so browsers refuse to send it after the preflight; add X-Internal-Token to headers.',
    ]);
  });

  test('x-gateway.any is checked against the Operation Object of the spec’s version: 3.1 operations need no responses', () => {
    const any = `paths:
  /p/{proxy+}:
    parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
    x-gateway:
      any:
        security: []
        x-gateway: {http: {uri: 'https://example.com/{proxy}'}}
        deprecated: maybe
`;
    const problems = (version: string) => {
      const dir = writeFiles({ 'openapi.yaml': `openapi: ${version}\ninfo: {title: T, version: '1'}\n${any}` });
      return check(path.join(dir, 'openapi.yaml')).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.pointer, d.message]);
    };
    expect(problems('3.0.3')).toEqual([
      ['openapi-schema', '/paths/~1p~1{proxy+}/x-gateway/any', 'x-gateway.any (an OpenAPI 3.0 Operation Object): the required key "responses" is missing; add it.'],
      ['openapi-schema', '/paths/~1p~1{proxy+}/x-gateway/any/deprecated', 'x-gateway.any (an OpenAPI 3.0 Operation Object) at /deprecated: must be a boolean.'],
    ]);
    expect(problems('3.1.0')).toEqual([
      ['openapi-schema', '/paths/~1p~1{proxy+}/x-gateway/any/deprecated', 'x-gateway.any (an OpenAPI 3.1 Operation Object) at /deprecated: must be a boolean.'],
    ]);
  });

  test.each([
    ['a misspelled component name', { given: "'#/components/schemas/Pett'", want: ' Did you mean "#/components/schemas/Pet"?' }],
    ['a misspelled section of the pointer', { given: "'#/components/schema/Pet'", want: ' Did you mean "#/components/schemas/Pet"?' }],
    ['a misspelled name in another file', { given: "'pets.yaml#/Kitten'", want: ' Did you mean "pets.yaml#/Kitty"?' }],
    ['nothing close', { given: "'#/components/schemas/Invoice'", want: '' }],
  ])('ref-unresolved suggests the nearest pointer: %s', (_name, { given, want }) => {
    const dir = writeFiles({
      'openapi.yaml': spec(`paths:
  /pets:
    get:
      operationId: listPets
      security: []
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: ${given}}}}}}
components:
  schemas:
    Pet: {type: object}
    Kitty: {$ref: 'pets.yaml#/Kitty'}
`),
      'pets.yaml': 'Kitty: {type: object}\n',
    });
    const unresolved = check(path.join(dir, 'openapi.yaml')).diagnostics.filter((d) => d.code === 'ref-unresolved');
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]?.message).toMatch(/Fix the path or add the target\.(.*)$/);
    expect(unresolved[0]?.message.replace(/^.*Fix the path or add the target\./, '')).toBe(want);
  });

  test.each([
    ['a misspelled scheme', { given: 'bearerAuht', want: ' Did you mean "bearerAuth"?' }],
    ['a scheme unlike any declared', { given: 'oauth', want: '' }],
  ])('security-scheme-unknown suggests the nearest declared scheme: %s', (_name, { given, want }) => {
    const dir = writeFiles({
      'openapi.yaml': spec(`paths:
  /pets: {get: {operationId: listPets, security: [{${given}: []}], responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer, x-gateway: {cognito: {userPoolArns: [arn]}}}
    apiKey: {type: apiKey, in: header, name: x-api-key}
`),
    });
    const unknown = check(path.join(dir, 'openapi.yaml')).diagnostics.filter((d) => d.code === 'security-scheme-unknown');
    expect(unknown.map((d) => d.message.replace(/^.*declare it or fix the name\./, ''))).toEqual([want]);
  });

  test('the suggestion names the closest key', () => {
    const dir = writeFiles({ 'openapi.yaml': spec(`x-gateway: {kind: rest, stagse: {prod: {}}}\npaths: {}\n`) });
    expect(check(path.join(dir, 'openapi.yaml')).diagnostics[0]?.message).toContain('Did you mean "stages"?');
  });

  test('operations that share a handler and the same gateway path are both kept; the later is shadowed', () => {
    const dir = writeFiles({
      'openapi.yaml': spec(`paths:
  /compare/{basehead}: {get: {operationId: a, parameters: [{name: basehead, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}}
  /compare/{base}...{head}:
    get:
      operationId: b
      parameters:
        - {name: base, in: path, required: true, schema: {type: string}}
        - {name: head, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
`),
    });
    const { api, diagnostics } = check(path.join(dir, 'openapi.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(api?.routes.map((r) => [r.id, r.gatewayPath, r.shadowedBy])).toEqual([
      ['a', '/compare/{basehead}', undefined],
      ['b', '/compare/{basehead}', 'a'],
    ]);
  });
});

test('a property named __proto__ stays a property of the IR schema', () => {
  const dir = writeFiles({
    'openapi.yaml': spec(`paths: {}
components:
  schemas:
    Odd:
      type: object
      properties:
        __proto__: {type: string}
        constructor: {type: integer}
`),
  });
  const { api } = check(path.join(dir, 'openapi.yaml'));
  const odd = api?.schemas.find((s) => s.name === 'Odd')?.schema as { properties: Record<string, unknown> };
  expect(Object.keys(odd.properties)).toEqual(['__proto__', 'constructor']);
  expect(Object.getPrototypeOf(odd.properties)).toBe(Object.prototype);
  expect(JSON.parse(JSON.stringify(odd.properties))).toEqual({ ['__proto__']: { type: 'string' }, constructor: { type: 'integer' } });
});

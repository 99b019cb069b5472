import fs from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { fixtures } from '../scripts/fixtures.mjs';
import { diff, type DiffOptions } from '../src/diff.js';
import { changeKinds } from '../src/diff/changes.js';
import { diffCases } from './diff-cases.js';
import { runCli } from './helpers/cli.js';
import { locate, repoRoot } from './helpers/diagnostics.js';
import { writeFiles } from './helpers/temp.js';

function diffTexts(base: string, head: string, options: DiffOptions = { failOn: 'breaking' }) {
  const dir = writeFiles({ 'base.yaml': base, 'head.yaml': head });
  const result = diff(path.join(dir, 'base.yaml'), path.join(dir, 'head.yaml'), options);
  const located = [
    ...result.base.diagnostics.map((d) => ({ side: 'base', ...locate(d, result.base.sources) })),
    ...result.head.diagnostics.map((d) => ({ side: 'head', ...locate(d, result.head.sources) })),
  ];
  return { result, located, dir };
}

const lead = { clients: 'Breaks clients: ', gateway: 'Breaks the deployed gateway: ' } as const;

describe('gatewright diff, one pair of specs per change class', () => {
  test('the pairs cover every change class', () => {
    expect(diffCases.map(([kind]) => kind).sort()).toEqual(Object.keys(changeKinds).sort());
  });

  test.each(diffCases)('%s', (kind, { base, head, breaks, opens, side, pointer, at }) => {
    const { result, located } = diffTexts(base, head);
    expect(result.specErrors).toBe(false);
    const found = located.find((d) => d.code === kind);
    expect(found, JSON.stringify(located, null, 1)).toMatchObject({ side, pointer, at, severity: breaks ? 'error' : opens ? 'warning' : 'info' });
    if (breaks) expect(found?.message.startsWith(lead[breaks])).toBe(true);
    else expect(found?.message).not.toMatch(/^Breaks/);
    expect(result.breaking).toBe(located.some((d) => d.severity === 'error'));
  });
});

describe('severity follows --fail-on', () => {
  const [, removed] = diffCases.find(([kind]) => kind === 'operation-removed') as (typeof diffCases)[number];
  const [, added] = diffCases.find(([kind]) => kind === 'operation-added') as (typeof diffCases)[number];
  test.each([
    ['a breaking change, failing on breaking changes', { given: { pair: removed, failOn: 'breaking' as const }, want: 'error' }],
    ['a breaking change, not failing on them', { given: { pair: removed, failOn: undefined }, want: 'warning' }],
    ['a change that breaks nothing, failing on breaking changes', { given: { pair: added, failOn: 'breaking' as const }, want: 'info' }],
    ['a change that breaks nothing, not failing on them', { given: { pair: added, failOn: undefined }, want: 'info' }],
  ])('%s: %s', (_name, { given, want }) => {
    const { located } = diffTexts(given.pair.base, given.pair.head, given.failOn ? { failOn: given.failOn } : {});
    expect(located.map((d) => d.severity)).toEqual([want]);
  });

  test('a removed API key says what to do for its callers', () => {
    const [, pair] = diffCases.find(([kind]) => kind === 'api-key-removed') as (typeof diffCases)[number];
    const { located } = diffTexts(pair.base, pair.head);
    expect(located.find((d) => d.code === 'api-key-removed')?.message).toMatch(/Give them a new key .* before removing this one\.$/);
  });
});

describe('what is not a change', () => {
  test.each(fixtures)('$spec against itself', ({ spec }) => {
    const file = path.join(repoRoot, spec);
    expect(diff(file, file).changes).toEqual([]);
  });

  test('renaming a path parameter changes no URL', () => {
    const spec = (name: string) => `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /orders/{${name}}:
    get:
      operationId: getOrder
      security: []
      parameters: [{name: ${name}, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
`;
    expect(diffTexts(spec('id'), spec('orderId')).result.changes).toEqual([]);
  });

  test('a change in a shared schema is reported once, not once per operation', () => {
    const spec = (type: string) => `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a: {post: {operationId: a, security: [], requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}, responses: {'200': {description: ok}}}}
  /b: {post: {operationId: b, security: [], requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}, responses: {'200': {description: ok}}}}
components:
  schemas:
    Item: {type: object, properties: {qty: {type: ${type}}}}
`;
    expect(diffTexts(spec('number'), spec('integer')).result.changes.map((c) => c.kind)).toEqual(['request-narrowed']);
  });
});

describe('the diff command', () => {
  const base = diffCases.find(([kind]) => kind === 'operation-removed')?.[1] as (typeof diffCases)[number][1];
  const added = diffCases.find(([kind]) => kind === 'operation-added')?.[1] as (typeof diffCases)[number][1];

  test.each([
    ['breaking changes, without --fail-on', base.base, base.head, [], 0],
    ['breaking changes, with --fail-on breaking', base.base, base.head, ['--fail-on', 'breaking'], 1],
    ['only changes that break nothing, with --fail-on breaking', added.base, added.head, ['--fail-on', 'breaking'], 0],
    ['a head spec the compiler refuses', base.base, 'openapi: 3.0.3\ninfo: {title: T}\npaths: {}\n', [], 1],
  ] as const)('%s exits %i', async (_name, baseText, headText, args, code) => {
    const dir = writeFiles({ 'base.yaml': baseText, 'head.yaml': headText });
    const result = await runCli(['diff', path.join(dir, 'base.yaml'), path.join(dir, 'head.yaml'), ...args]);
    expect(result.code, result.stdout + result.stderr).toBe(code);
  });

  test.each([
    ['without --fail-on, a breaking change is a warning', [], /^ {2}\S+ +warning +Breaks clients/m, '1 change, 1 breaking change.\n'],
    ['with --fail-on breaking, it is an error', ['--fail-on', 'breaking'], /^ {2}\S+ +error +Breaks clients/m, '1 change, 1 breaking change.\n'],
  ] as const)('%s', async (_name, args, line, summary) => {
    const dir = writeFiles({ 'base.yaml': base.base, 'head.yaml': base.head });
    const result = await runCli(['diff', path.join(dir, 'base.yaml'), path.join(dir, 'head.yaml'), ...args]);
    expect(result.stdout).toMatch(line);
    expect(result.stderr).toBe(summary);
  });

  test('the summary counts changes and breaking changes', async () => {
    const dir = writeFiles({ 'base.yaml': added.base, 'head.yaml': added.head.replace('title: T,', 'title: Shop,') });
    expect((await runCli(['diff', path.join(dir, 'base.yaml'), path.join(dir, 'head.yaml')])).stderr).toBe('2 changes, 0 breaking changes.\n');
  });

  test('a missing spec or an unknown --fail-on is a usage error', async () => {
    const dir = writeFiles({ 'base.yaml': base.base });
    expect((await runCli(['diff', path.join(dir, 'base.yaml'), path.join(dir, 'nope.yaml')])).code).toBe(2);
    expect((await runCli(['diff', path.join(dir, 'base.yaml'), path.join(dir, 'base.yaml'), '--fail-on', 'everything'])).code).toBe(2);
  });

  test('SARIF output points into both specs and is valid SARIF 2.1.0', async () => {
    const dir = writeFiles({
      'base.yaml': base.base,
      'head.yaml': base.head.replace("    get: {operationId: listOrders, security: [], responses: {'200': {description: ok}}}", "    get: {operationId: listOrders, security: [], responses: {'200': {description: ok}}}\n    post: {operationId: createOrder, security: [], responses: {'201': {description: ok}}}"),
    });
    const result = await runCli(['diff', path.join(dir, 'base.yaml'), path.join(dir, 'head.yaml'), '--format', 'sarif'], dir);
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, '../shared/schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run?.results.map((r) => `${r.ruleId} ${r.level} ${r.locations[0]?.physicalLocation.artifactLocation.uri}:${r.locations[0]?.physicalLocation.region.startLine}`)).toEqual([
      'operation-removed warning base.yaml:9',
      'operation-added note head.yaml:8',
    ]);
    expect(run?.tool.driver.rules.find((r) => r.id === 'operation-removed')?.shortDescription.text).toBe(changeKinds['operation-removed'].summary);
  });
});

describe('changes to the authorizers behind the security schemes', () => {
  const notes = (scheme: string, security = '[{auth: [notes.read]}]', kind = 'http') => `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway: {kind: ${kind}, stages: {prod: {}}}
paths:
  /notes:
    get: {operationId: listNotes, security: ${security}, responses: {'200': {description: ok}}}
    post: {operationId: addNote, security: ${security}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    auth: ${scheme}
`;
  const jwt = (settings: string, security?: string) => notes(`{type: http, scheme: bearer, x-gateway: {jwt: {${settings}}}}`, security);
  const pools = (arns: string) => notes(`{type: http, scheme: bearer, x-gateway: {cognito: {userPoolArns: [${arns}]}}}`, '[{auth: []}]', 'rest');
  const lambda = (settings: string) => notes(`{type: apiKey, in: header, name: Authorization, x-gateway: {lambdaAuthorizer: {handler: auth, ${settings}}}}`, '[{auth: []}]', 'rest');
  const issuer = "issuer: 'https://auth.example.com'";

  test.each([
    ['the audience changes', { given: { base: jwt(`${issuer}, audience: [notes-web]`), head: jwt(`${issuer}, audience: [notes-mobile]`) }, want: { kinds: ['authorizer-audience-removed', 'authorizer-audience-added'], breaking: true } }],
    ['the issuer changes', { given: { base: jwt(`${issuer}, audience: [web]`), head: jwt("issuer: 'https://login.example.com', audience: [web]") }, want: { kinds: ['authorizer-issuer-changed'], breaking: true } }],
    ['an audience is added', { given: { base: jwt(`${issuer}, audience: [web]`), head: jwt(`${issuer}, audience: [web, mobile]`) }, want: { kinds: ['authorizer-audience-added'], breaking: false } }],
    ['a scope is added to the operations', { given: { base: jwt(`${issuer}, audience: [web]`), head: jwt(`${issuer}, audience: [web]`, '[{auth: [notes.read, notes.admin]}]') }, want: { kinds: ['security-changed', 'security-changed'], breaking: true } }],
    ['a scope is removed from the operations', { given: { base: jwt(`${issuer}, audience: [web]`, '[{auth: [notes.read, notes.admin]}]'), head: jwt(`${issuer}, audience: [web]`) }, want: { kinds: [], breaking: false } }],
    ['a user pool is removed', { given: { base: pools('arn-a, arn-b'), head: pools('arn-a') }, want: { kinds: ['user-pool-removed'], breaking: true } }],
    ['a user pool is added', { given: { base: pools('arn-a'), head: pools('arn-a, arn-b') }, want: { kinds: ['user-pool-added'], breaking: false } }],
    ['a Lambda authorizer reads another header', { given: { base: lambda('identitySources: [header.Authorization]'), head: lambda('identitySources: [header.X-Other]') }, want: { kinds: ['authorizer-identity-source-changed'], breaking: true } }],
    ['a Lambda authorizer needs one more identity source', { given: { base: lambda('type: request, identitySources: [header.Authorization]'), head: lambda('type: request, identitySources: [header.Authorization, query.key]') }, want: { kinds: ['authorizer-identity-source-changed'], breaking: true } }],
    ['a validationRegex is added', { given: { base: lambda('ttl: 60'), head: lambda("validationRegex: '^Bearer .+$'") }, want: { kinds: ['authorizer-validation-regex-changed'], breaking: true } }],
    ['a validationRegex changes', { given: { base: lambda("validationRegex: '^Bearer .+$'"), head: lambda("validationRegex: '^Bearer [A-Za-z0-9._-]+$'") }, want: { kinds: ['authorizer-validation-regex-changed'], breaking: true } }],
    ['a validationRegex is removed', { given: { base: lambda("validationRegex: '^Bearer .+$'"), head: lambda('ttl: 60') }, want: { kinds: [], breaking: false } }],
    ['a scheme no operation uses changes its issuer', { given: { base: jwt(`${issuer}, audience: [web]`, '[]'), head: jwt("issuer: 'https://login.example.com', audience: [web]", '[]') }, want: { kinds: [], breaking: false } }],
  ])('%s', (_name, { given, want }) => {
    const { result } = diffTexts(given.base, given.head);
    expect(result.specErrors).toBe(false);
    expect(result.changes.map((c) => c.kind)).toEqual(want.kinds);
    expect(result.breaking).toBe(want.breaking);
  });

  test('a changed audience says which operations refuse which tokens, and what clients must do', () => {
    const { result } = diffTexts(jwt(`${issuer}, audience: [notes-web]`), jwt(`${issuer}, audience: [notes-mobile]`));
    expect(result.changes.find((c) => c.kind === 'authorizer-audience-removed')?.message).toBe(
      'Breaks clients: the JWT authorizer "auth" no longer accepts tokens issued for the audience "notes-web", so GET /notes and POST /notes refuse them with 401. Clients must get tokens for "notes-mobile"; keep "notes-web" in the audience until they have.',
    );
  });
});

describe('an operation made public', () => {
  const [, pair] = diffCases.find(([kind]) => kind === 'security-removed') as (typeof diffCases)[number];

  test.each([
    ['failing on breaking changes', { given: { failOn: 'breaking' as const }, want: 'warning' }],
    ['not failing on them', { given: { failOn: undefined }, want: 'warning' }],
  ])('is a warning, %s, and breaks nothing', (_name, { given, want }) => {
    const { result, located } = diffTexts(pair.base, pair.head, given.failOn ? { failOn: given.failOn } : {});
    expect(located.map((d) => [d.code, d.severity])).toEqual([['security-removed', want]]);
    expect(located[0]?.message).toMatch(/^GET \/orders no longer requires auth: it is now open to anyone/);
    expect(result.breaking).toBe(false);
  });
});

describe('a change in a shared parameter or schema names the operations it affects', () => {
  const todos = (type: string, operations: number) => `openapi: 3.0.3
info: {title: Todos, version: '1'}
paths:
  /todos:
    get: {operationId: listTodos, security: [], responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Todo'}}}}}}}
    post: {operationId: addTodo, security: [], responses: {'201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Todo'}}}}}}
  /todos/{id}:
    parameters: [{$ref: '#/components/parameters/Id'}]
${['get', 'put', 'patch', 'delete', 'head'].slice(0, operations).map((method) => `    ${method}: {operationId: ${method}Todo, security: [], responses: {'204': {description: ok}}}\n`).join('')}components:
  parameters:
    Id: {name: id, in: path, required: true, schema: {type: ${type}}}
  schemas:
    Todo: {type: object, properties: {id: {type: ${type}}}}
`;

  test.each([
    ['two operations share the parameter', { given: 2, want: 'in GET /todos/{id} and PUT /todos/{id}, ' }],
    ['three share it', { given: 3, want: 'in GET /todos/{id}, PUT /todos/{id} and PATCH /todos/{id}, ' }],
    ['five share it', { given: 5, want: 'in GET /todos/{id}, PUT /todos/{id}, PATCH /todos/{id} and 2 more, ' }],
  ])('%s', (_name, { given, want }) => {
    const { result } = diffTexts(todos('string', given), todos('integer', given));
    const changes = result.changes.filter((c) => c.kind === 'parameter-narrowed');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.message).toBe(`Breaks clients: the type of the path parameter "id" changed from string to integer ${want}so existing calls that send a string are refused. Accept the old type too.`);
  });

  test('a type change in a shared response schema says the type changed, in every operation at its own place', () => {
    const { result } = diffTexts(todos('string', 1), todos('integer', 1));
    expect(result.changes.filter((c) => c.kind === 'response-widened').map((c) => c.message)).toEqual([
      'Breaks clients: the type of a response value changed from string to integer in GET /todos (200 at /0/id) and POST /todos (201 at /id); clients built on the old spec expect a string there. Keep the old type, or add a field with the new one.',
    ]);
  });
});

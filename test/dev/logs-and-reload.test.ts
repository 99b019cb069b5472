import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.js';
import { entry, eventually, json, startDev, startDevIn } from '../helpers/dev.js';
import { snapshotTree, writeFiles } from '../helpers/temp.js';

const spec = (access: string, message = 'one'): string => `openapi: 3.0.3
info: {title: Logs, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {logging: {access: '${access}'}}}
security: []
paths:
  /hello:
    get: {operationId: hello, x-gateway: {lambda: {handler: hello}}, responses: {'200': {description: ok}}}
  /mocked:
    get: {operationId: mocked, x-gateway: {mock: {statusCode: 200, body: {says: ${message}}}}, responses: {'200': {description: ok}}}
`;

const hello = (word: string): Record<string, string> => entry('hello', `export const handler = async () => ({ statusCode: 200, body: '${word}' });`);

describe('access logs', () => {
  test.each([
    ['json', { given: 'json', want: (id: string) => expect.stringMatching(new RegExp(`^\\{"requestId":"${id}","ip":"127.0.0.1",.*"httpMethod":"GET","resourcePath":"/hello","status":200`)) }],
    ['clf', { given: 'clf', want: (id: string) => expect.stringMatching(new RegExp(`^127\\.0\\.0\\.1 - - \\[[^\\]]+\\] "GET /hello HTTP/1\\.1" 200 5 ${id}$`)) }],
    ['a custom $context format', { given: '$context.httpMethod $context.status $context.requestId $context.identity.apiKey', want: (id: string) => `GET 200 ${id} -` }],
  ])('one line per request: %s', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': spec(given), ...hello('hello') });
    const response = await fetch(`${dev.url}/hello`);
    const id = response.headers.get('x-amzn-requestid') as string;
    const lines = dev.lines.filter((l) => l.includes(id));
    expect(lines).toEqual([want(id)]);
  });

  test('--verbose shows the event and the response', async () => {
    const dev = await startDev({ 'api.yaml': spec('clf'), ...hello('hello') }, { verbose: true });
    await fetch(`${dev.url}/hello`);
    const output = dev.lines.join('\n');
    expect(output).toMatch(/^event .+ \(hello\)\n\{\n {2}"resource": "\/hello"/m);
    expect(output).toMatch(/^response .+\n\{\n {2}"status": 200/m);
  });
});

describe('reload', () => {
  test('a spec change is served without restarting the server', async () => {
    const dev = await startDev({ 'api.yaml': spec('clf', 'one'), ...hello('hello') }, { watch: true });
    expect(await json(await fetch(`${dev.url}/mocked`))).toEqual({ says: 'one' });
    fs.writeFileSync(path.join(dev.dir, 'api.yaml'), spec('clf', 'two'));
    await eventually(async () => expect(await json(await fetch(`${dev.url}/mocked`))).toEqual({ says: 'two' }));
  });

  test('a handler change is served without restarting the server', async () => {
    const dev = await startDev({ 'api.yaml': spec('clf'), ...hello('before') }, { watch: true });
    expect(await (await fetch(`${dev.url}/hello`)).text()).toBe('before');
    fs.writeFileSync(path.join(dev.dir, 'gatewright/entries/hello.ts'), `export const handler = async () => ({ statusCode: 200, body: 'after' });`);
    await eventually(async () => expect(await (await fetch(`${dev.url}/hello`)).text()).toBe('after'));
  });

  test('a broken spec or handler is reported and the last good version keeps serving', async () => {
    const dev = await startDev({ 'api.yaml': spec('clf', 'one'), ...hello('good') });
    fs.writeFileSync(path.join(dev.dir, 'api.yaml'), 'openapi: 3.0.3\ninfo: {title: Broken}\npaths: {/x: 12}\n');
    expect(await dev.server.reload()).toBe(false);
    expect(dev.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(await (await fetch(`${dev.url}/hello`)).text()).toBe('good');

    fs.writeFileSync(path.join(dev.dir, 'api.yaml'), spec('clf', 'two'));
    fs.writeFileSync(path.join(dev.dir, 'gatewright/entries/hello.ts'), 'export const handler = async () => ({ statusCode: 200, body: ');
    dev.diagnostics.length = 0;
    expect(await dev.server.reload()).toBe(false);
    expect(dev.diagnostics.map((d) => d.code)).toContain('dev-handler-build-failed');
    expect(await (await fetch(`${dev.url}/hello`)).text()).toBe('good');
  });
});

describe('reload of generated handler glue', () => {
  const itemsSpec = (maximum: number, extra = ''): string => `openapi: 3.0.3
info: {title: Items, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
security: []
paths:
  /items:
    get:
      operationId: listItems
      parameters: [{name: limit, in: query, schema: {type: integer, maximum: ${maximum}}}${extra}]
      x-gateway: {lambda: {handler: items}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
`;
  const stub = `import type { Handlers } from '../gatewright/handlers/items.js';

const items: Handlers = {
  listItems: async (request) => ({ status: 200, body: { query: request.query } }),
};

export default items;
`;

  test('a spec change regenerates the glue the handlers run in, without touching the compiled output folder', async () => {
    const dir = writeFiles({ 'api.yaml': itemsSpec(50), 'handlers/items.ts': stub });
    expect(compile(path.join(dir, 'api.yaml'), dir, { emit: ['handlers'] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const compiled = snapshotTree(path.join(dir, 'gatewright'));
    const dev = await startDevIn(dir, { watch: true });
    // The glue validates and coerces: 80 is over the maximum, 20 arrives as a number.
    expect((await fetch(`${dev.url}/items?limit=80`)).status).toBe(400);
    expect(await json(await fetch(`${dev.url}/items?limit=20`))).toEqual({ query: { limit: 20 } });

    fs.writeFileSync(path.join(dir, 'api.yaml'), itemsSpec(100, `, {name: tag, in: query, schema: {type: boolean}}`));
    await eventually(async () => expect(await json(await fetch(`${dev.url}/items?limit=80&tag=true`))).toEqual({ query: { limit: 80, tag: true } }));
    expect((await fetch(`${dev.url}/items?limit=120`)).status).toBe(400);
    expect(snapshotTree(path.join(dir, 'gatewright'))).toEqual(compiled);
    expect(dev.diagnostics).toEqual([]);
  });

  test('a handler written as its own entry point is bundled as it is', async () => {
    const dev = await startDev({ 'api.yaml': itemsSpec(50), 'handlers/items.ts': stub, ...entry('items', `export const handler = async () => ({ statusCode: 200, body: 'own' });`) });
    expect(await (await fetch(`${dev.url}/items?limit=80`)).text()).toBe('own');
  });
});

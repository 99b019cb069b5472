import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { compile } from '../src/compile.js';
import { entryPath, sharedValidatorsPath } from '../src/targets/handlers/layout.js';
import { fixtures } from '../scripts/fixtures.mjs';
import { repoRoot } from './helpers/diagnostics.js';
import { httpEvent, lambdaContext, requestAuthorizerEvent, requestAuthorizerEventV2, restEvent, tokenAuthorizerEvent, webSocketEvent } from './helpers/events.js';
import { tempDir } from './helpers/temp.js';
import { linkNodeModules, typecheck, type TypecheckResult } from './helpers/typescript.js';

/**
 * Every fixture (and test/specs/glue.yaml) is compiled twice: `pristine/` keeps the
 * generated stubs, `service/` gets the implementations in test/stubs. Both are
 * type-checked in one tsc run; the service entry points are bundled with esbuild, as SAM
 * does, and called with API Gateway events.
 */
const specs = [
  ...fixtures.map((f) => ({ name: f.name, spec: path.join(repoRoot, f.spec) })),
  { name: 'glue', spec: path.join(repoRoot, 'test/specs/glue.yaml') },
  { name: 'hostile', spec: path.join(repoRoot, 'test/specs/hostile.json') },
];
const implemented = ['shop', 'notes-http', 'chat-websocket', 'glue', 'hostile'];

type Entry = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
let root: string;
let checked: Promise<TypecheckResult>;
const entries = new Map<string, Entry>();

beforeAll(async () => {
  root = tempDir('gatewright-handlers-');
  fs.writeFileSync(path.join(root, 'package.json'), '{"type": "module"}\n');
  linkNodeModules(root);
  const entryPoints: Record<string, string> = {};
  for (const { name, spec } of specs) {
    for (const copy of ['pristine', 'service']) {
      const result = compile(spec, path.join(root, copy, name), { emit: copy === 'pristine' ? ['template', 'handlers'] : ['handlers'] });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (copy === 'pristine') continue;
      const stubs = path.join(repoRoot, 'test/stubs', name);
      if (implemented.includes(name)) for (const file of fs.readdirSync(stubs)) fs.copyFileSync(path.join(stubs, file), path.join(root, copy, name, 'handlers', file));
      for (const handler of result.api?.handlers ?? []) entryPoints[`${name}/${handler.name}`] = path.join(root, copy, name, entryPath(handler.name));
    }
  }
  fs.copyFileSync(path.join(repoRoot, 'test/stubs/type-expectations.ts'), path.join(root, 'service/shop/handlers/type-expectations.ts'));
  // The events below are typed with @types/aws-lambda: checking them here proves they have the real shapes.
  fs.copyFileSync(path.join(repoRoot, 'test/helpers/events.ts'), path.join(root, 'events.ts'));
  checked = typecheck(root);
  // As SAM's esbuild build does: one bundle per function, nothing external but Node.js.
  await build({ entryPoints, outdir: path.join(root, 'bundles'), outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'silent' });
  for (const key of Object.keys(entryPoints)) {
    const module = (await import(pathToFileURL(path.join(root, 'bundles', `${key}.mjs`)).href)) as { handler: Entry };
    entries.set(key, module.handler);
  }
});

/** Calls an entry point the way the Lambda runtime does and returns its answer with what reached the implementation. */
async function invoke(entry: string, event: unknown): Promise<{ response: Record<string, unknown>; handled: unknown[] }> {
  const handler = entries.get(entry);
  if (!handler) throw new Error(`no entry ${entry}`);
  const handled: unknown[] = [];
  (globalThis as { handled?: unknown[] }).handled = handled;
  const response = await handler(event, lambdaContext(entry));
  return { response, handled };
}

const json = (response: Record<string, unknown>): unknown => JSON.parse(response['body'] as string);

test('generated handler code, stubs, implementations and the test events compile under tsc --strict, and wrong statuses and bodies do not', async () => {
  const { errors } = await checked;
  expect(errors).toEqual([]);
});

describe('REST API, payload format 1.0', () => {
  test('a valid request reaches the handler with typed values: numbers coerced, arrays exploded, defaults applied', async () => {
    const { response, handled } = await invoke('shop/catalog', restEvent({
      method: 'GET',
      resource: '/products',
      path: '/products',
      query: { category: ['games'], tags: ['new,sale'], cursor: ['abc'] },
      headers: { 'x-api-key': 'k', Origin: 'https://shop.example.com' },
      identity: { apiKeyId: 'key-1', apiKey: 'k' },
    }));
    expect(handled).toEqual([
      { operationId: 'listProducts', method: 'GET', path: {}, query: { category: 'games', cursor: 'abc', limit: 20, tags: ['new', 'sale'] }, headers: {}, cookies: {}, auth: { partnerKey: { type: 'apiKey', apiKeyId: 'key-1' } }, contentType: undefined, body: undefined },
    ]);
    expect(response).toMatchObject({ statusCode: 200, isBase64Encoded: false, headers: { 'content-type': 'application/json', 'x-next-cursor': 'after-20', 'access-control-allow-origin': 'https://shop.example.com', 'access-control-allow-credentials': 'true' } });
    expect(json(response)).toEqual({ items: [], nextCursor: 'abc' });
  });

  test('a JSON body is parsed and checked, readOnly properties are not required, Cognito claims reach the handler', async () => {
    const product = { name: 'Lamp', price: { amount: 1999, currency: 'EUR' }, category: 'kitchen', tags: ['light'] };
    const { response, handled } = await invoke('shop/catalog', restEvent({
      method: 'POST',
      resource: '/products',
      path: '/products',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(product),
      authorizer: { claims: { sub: 'user-1', scope: 'shop/admin openid', 'cognito:groups': 'staff' } },
    }));
    expect(handled).toMatchObject([{ contentType: 'application/json', body: product, auth: { shopperPool: { type: 'cognito', claims: { sub: 'user-1' }, scopes: ['shop/admin', 'openid'] } } }]);
    expect(response).toMatchObject({ statusCode: 201, headers: { location: '/products/prd_000000000001', 'x-created-by': 'user-1' } });
    expect(json(response)).toEqual({ ...product, id: 'prd_000000000001', createdAt: '2024-01-01T00:00:00Z' });
  });

  test('an invalid request gets 400 listing every problem, and never reaches the handler', async () => {
    const { response, handled } = await invoke('shop/catalog', restEvent({
      method: 'POST',
      resource: '/products',
      path: '/products',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', price: { amount: -1 }, category: 'toys', tags: 'x' }),
    }));
    expect(handled).toEqual([]);
    expect(response).toMatchObject({ statusCode: 400, headers: { 'content-type': 'application/json' } });
    expect(json(response)).toEqual({
      message: 'The request is not valid (5 problems).',
      problems: [
        { in: 'body', pointer: '/name', message: 'must NOT have fewer than 1 characters' },
        { in: 'body', pointer: '/price/currency', message: 'is required' },
        { in: 'body', pointer: '/price/amount', message: 'must be >= 0' },
        { in: 'body', pointer: '/category', message: 'must be one of "books", "games", "garden", "kitchen"' },
        { in: 'body', pointer: '/tags', message: 'must be array' },
      ],
    });
  });

  test('parameters and body problems are reported together', async () => {
    const { response } = await invoke('shop/orders', restEvent({
      method: 'POST',
      resource: '/orders',
      path: '/orders',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': 'not-a-uuid' },
      body: JSON.stringify({ lines: [], delivery: { method: 'home' } }),
    }));
    expect(response['statusCode']).toBe(400);
    const { problems } = json(response) as { problems: { in: string; name?: string; pointer?: string }[] };
    expect(problems.map((p) => `${p.in} ${p.name ?? ''}${p.pointer ?? ''}`)).toEqual(
      expect.arrayContaining(['header Idempotency-Key', 'body /lines', 'body /delivery/address', 'body /delivery/storeId']),
    );
  });

  test('malformed JSON, a missing body and an unsupported media type are refused', async () => {
    const post = (headers: Record<string, string>, body?: string) => invoke('shop/catalog', restEvent({ method: 'POST', resource: '/products', path: '/products', headers, ...(body !== undefined ? { body } : {}) }));
    const malformed = await post({ 'content-type': 'application/json' }, '{"name":');
    expect(malformed.response['statusCode']).toBe(400);
    expect((json(malformed.response) as { problems: { message: string }[] }).problems[0]?.message).toMatch(/^is not valid JSON/);
    expect(json((await post({})).response)).toEqual({ message: 'The request is not valid (1 problem).', problems: [{ in: 'body', message: 'is required' }] });
    const xml = await post({ 'content-type': 'application/xml' }, '<product/>');
    expect(xml.response['statusCode']).toBe(415);
    expect(json(xml.response)).toEqual({ message: 'The media type application/xml is not accepted here; send one of: application/json.' });
  });

  test('a binary body arrives as a Buffer when API Gateway base64-encodes it', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    const { response, handled } = await invoke('shop/uploads', restEvent({
      method: 'PUT',
      resource: '/products/{productId}/image',
      path: '/products/prd_abcdefghijkl/image',
      pathParameters: { productId: 'prd_abcdefghijkl' },
      headers: { 'content-type': 'image/png' },
      body: png,
      base64: true,
    }));
    expect(response).toMatchObject({ statusCode: 204, body: '' });
    const request = handled[0] as { body: Buffer; contentType: string; path: unknown };
    expect(request.contentType).toBe('image/png');
    expect(Buffer.isBuffer(request.body) && request.body.equals(png)).toBe(true);
    expect(request.path).toEqual({ productId: 'prd_abcdefghijkl' });
  });

  test('a Lambda authorizer’s principal and context reach the operation; default responses keep their status', async () => {
    const { response, handled } = await invoke('shop/orders', restEvent({
      method: 'GET',
      resource: '/orders/{orderId}',
      path: '/orders/ord_abcdefghijkl',
      pathParameters: { orderId: 'ord_abcdefghijkl' },
      authorizer: { principalId: 'partner-7', tier: 'gold', seats: '3', integrationLatency: 12 },
    }));
    expect(handled).toMatchObject([{ auth: { partnerAuth: { type: 'lambda', principalId: 'partner-7', context: { tier: 'gold', seats: '3' } } } }]);
    expect(json(response)).toMatchObject({ id: 'ord_abcdefghijkl', metadata: { partner: 'partner-7', tier: 'gold' } });
  });

  test('statuses of ranges, cookies and failures', async () => {
    const order = { lines: [{ productId: 'p1', quantity: 2 }], delivery: { method: 'pickup', storeId: 's1' } };
    const place = (body: object) =>
      invoke('shop/orders', restEvent({ method: 'POST', resource: '/orders', path: '/orders', headers: { 'content-type': 'application/json', 'idempotency-key': '6f1c1a4e-4b7e-4c8e-9f3e-2a1b3c4d5e6f' }, body: JSON.stringify(body) }));
    const placed = await place({ ...order, note: 'ring twice' });
    expect(placed.handled).toMatchObject([{ headers: { 'Idempotency-Key': '6f1c1a4e-4b7e-4c8e-9f3e-2a1b3c4d5e6f' }, body: { ...order, note: 'ring twice' } }]);
    expect(placed.response['statusCode']).toBe(201);
    expect((await place({ ...order, note: 'busy' })).response).toMatchObject({ statusCode: 503 });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = await place({ ...order, lines: [{ productId: 'boom', quantity: 1 }] });
    expect(logged).toHaveBeenCalledWith('placeOrder failed (request c6af9ac6-7b61-11e6-9a41-93e8deadbeef):', new Error('the warehouse is on fire'));
    logged.mockRestore();
    expect(failed.response['statusCode']).toBe(500);
    expect(json(failed.response)).toEqual({ message: 'Internal server error.', requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' });
    const listed = await invoke('shop/orders', restEvent({ method: 'GET', resource: '/orders', path: '/orders', query: { status: ['paid', 'shipped'], page: ['3'] } }));
    expect(listed.handled).toMatchObject([{ query: { status: ['paid', 'shipped'], page: 3 } }]);
    expect(listed.response['multiValueHeaders']).toEqual({ 'set-cookie': ['seen=1; Path=/; HttpOnly', 'page=3'] });
  });

  test('path parameters are checked against their patterns', async () => {
    const { response } = await invoke('shop/orders', restEvent({ method: 'DELETE', resource: '/orders/{orderId}', path: '/orders/42', pathParameters: { orderId: '42' } }));
    expect(json(response)).toEqual({ message: 'The request is not valid (1 problem).', problems: [{ in: 'path', name: 'orderId', message: 'must match pattern "^ord_[A-Za-z0-9]{12}$"' }] });
  });
});

describe('parameter styles and media types (test/specs/glue.yaml)', () => {
  const search = (overrides: Partial<Parameters<typeof restEvent>[0]>) =>
    invoke('glue/glue', restEvent({
      method: 'GET',
      resource: '/search/{label}/{matrix}',
      path: '/search/.1.2.3/;matrix=x,1.5,y,-2',
      pathParameters: { label: '.1.2.3', matrix: ';matrix=x,1.5,y,-2' },
      headers: { 'x-trace': ['a, b', 'c'], Cookie: 'other=1; session=s3cr3t' },
      query: {
        ids: ['7', '8'],
        tags: ['red,green'],
        words: ['hello world'],
        pipes: ['true|false'],
        'filter[color]': ['blue'],
        'filter[size]': ['4'],
        where: ['{"near":"Paris"}'],
      },
      ...overrides,
    }));

  test('every style is read and coerced to the schema’s types', async () => {
    const { response, handled } = await search({});
    expect(handled).toEqual([
      {
        operationId: 'search',
        method: 'GET',
        path: { label: [1, 2, 3], matrix: { x: 1.5, y: -2 } },
        query: { ids: [7, 8], tags: ['red', 'green'], words: ['hello', 'world'], pipes: [true, false], filter: { color: 'blue', size: 4 }, limit: 10, where: { near: 'Paris' } },
        headers: { 'X-Trace': ['a', 'b', 'c'] },
        cookies: { session: 's3cr3t' },
        auth: {},
        contentType: undefined,
        body: undefined,
      },
    ]);
    expect(response).toMatchObject({ statusCode: 200, headers: { 'x-total': '5', 'x-list': 'a,b' } });
  });

  test('every problem with the parameters is listed', async () => {
    const { response, handled } = await search({
      pathParameters: { label: '.1.x', matrix: ';matrix=x,1' },
      query: { ids: ['seven'], limit: ['500'], 'filter[size]': ['big'], where: ['{near'] },
      headers: { cookie: 'session=abc' },
    });
    expect(handled).toEqual([]);
    expect(response['statusCode']).toBe(400);
    expect((json(response) as { problems: unknown[] }).problems).toEqual([
      { in: 'path', name: 'label', pointer: '/1', message: 'must be integer' },
      { in: 'query', name: 'ids', pointer: '/0', message: 'must be integer' },
      { in: 'query', name: 'filter', pointer: '/size', message: 'must be integer' },
      { in: 'query', name: 'limit', message: 'must be <= 50' },
      { in: 'query', name: 'where', message: expect.stringMatching(/^is not valid JSON/) },
      { in: 'cookie', name: 'session', message: 'must NOT have fewer than 4 characters' },
    ]);
  });

  test('paths the gateway routes as one are told apart: the most specific first', async () => {
    const file = (value: string) => invoke('glue/glue', restEvent({ method: 'GET', resource: '/files/{name_ext}', path: `/files/${value}`, pathParameters: { name_ext: value } }));
    const byName = await file('report.txt');
    expect(byName.handled).toMatchObject([{ operationId: 'getFileByName', path: { name: 'report', ext: 'txt' } }]);
    expect(byName.response).toMatchObject({ statusCode: 200, body: 'report as txt', isBase64Encoded: false, headers: { 'content-type': 'text/plain' } });
    const byId = await file('42');
    expect(byId.handled).toMatchObject([{ operationId: 'getFileById', path: { fileId: 42 } }]);
    expect(byId.response).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: { 'content-type': 'image/png' } });
    expect(Buffer.from(byId.response['body'] as string, 'base64')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 42]));
    expect((await file('missing.png')).response).toMatchObject({ statusCode: 404, body: '' });
  });

  test('one operation, three media types: JSON, form fields (coerced) and text; the response picks its own', async () => {
    const create = (contentType: string, body: string) => invoke('glue/glue', restEvent({ method: 'POST', resource: '/items', path: '/items', headers: { 'content-type': contentType }, body }));
    const fromJson = await create('application/json', JSON.stringify({ name: 'cup', count: 2, secret: 'x' }));
    expect(fromJson.handled).toMatchObject([{ contentType: 'application/json', body: { name: 'cup', count: 2, secret: 'x' } }]);
    expect(json(fromJson.response)).toEqual({ name: 'cup', count: 2, id: 'item-1' });
    const fromForm = await create('application/x-www-form-urlencoded', 'name=cup&count=3&tags=a&kind=small');
    expect(fromForm.handled).toMatchObject([{ contentType: 'application/x-www-form-urlencoded', body: { name: 'cup', count: 3, tags: ['a'], kind: 'small' } }]);
    const fromText = await create('text/plain', 'mug');
    expect(fromText.response).toMatchObject({ statusCode: 201, body: 'name\nmug', headers: { 'content-type': 'text/csv' } });
    // A readOnly property may be sent (OpenAPI says it should not be), but it is not required; unknown fields are refused.
    const bad = await create('application/x-www-form-urlencoded', 'name=&count=many&id=9&colour=red');
    expect((json(bad.response) as { problems: unknown[] }).problems).toEqual([
      { in: 'body', pointer: '/colour', message: 'is not allowed' },
      { in: 'body', pointer: '/name', message: 'must NOT have fewer than 1 characters' },
      { in: 'body', pointer: '/count', message: 'must be integer' },
    ]);
    expect((json((await create('text/plain', 'a much longer text than twenty')).response) as { problems: unknown[] }).problems).toEqual([{ in: 'body', message: 'must NOT have more than 20 characters' }]);
  });

  test('an optional binary body may be left out', async () => {
    const put = (body?: Buffer) =>
      invoke('glue/glue', restEvent({ method: 'PUT', resource: '/items/{id}/blob', path: '/items/abc/blob', pathParameters: { id: 'abc' }, headers: { 'content-type': 'application/octet-stream' }, ...(body ? { body, base64: true } : {}) }));
    expect((await put()).response).toMatchObject({ statusCode: 204, headers: { 'x-length': '0' } });
    expect((await put(Buffer.alloc(300, 1))).response).toMatchObject({ statusCode: 204, headers: { 'x-length': '300' } });
  });

  test('the same entry point reads payload format 2.0 events', async () => {
    const { handled } = await invoke('glue/glue', httpEvent({
      method: 'GET',
      route: '/search/{label}/{matrix}',
      rawPath: '/search/.4/;matrix=x,0',
      rawQueryString: 'ids=1&ids=2&tags=a%2Cb,c&filter%5Bcolor%5D=red',
      pathParameters: { label: '.4', matrix: ';matrix=x,0' },
      cookies: ['session=abcd'],
    }));
    expect(handled).toMatchObject([{ path: { label: [4], matrix: { x: 0 } }, query: { ids: [1, 2], tags: ['a', 'b', 'c'], filter: { color: 'red' }, limit: 10 }, cookies: { session: 'abcd' } }]);
  });
});

describe('HTTP API, payload format 2.0', () => {
  test('a JWT authorizer’s claims and scopes reach the handler; query text is coerced', async () => {
    const { response, handled } = await invoke('notes-http/notes', httpEvent({
      method: 'GET',
      route: '/notes',
      rawPath: '/notes',
      rawQueryString: 'pinned=true&limit=5&q=shopping%20list',
      authorizer: { jwt: { claims: { sub: 'ada', email_verified: true }, scopes: ['notes:read'] } },
    }));
    expect(handled).toMatchObject([{ query: { pinned: true, limit: 5, q: 'shopping list' }, auth: { oidc: { type: 'jwt', claims: { sub: 'ada', email_verified: true }, scopes: ['notes:read'] } } }]);
    expect(response).toMatchObject({ statusCode: 200, headers: { 'x-next-cursor': 'n2' } });
    expect(response).not.toHaveProperty('multiValueHeaders');
  });

  test('a form body is coerced to the schema; a JSON body of the other media type is not', async () => {
    const create = (contentType: string, body: string) => invoke('notes-http/notes', httpEvent({ method: 'POST', route: '/notes', rawPath: '/notes', headers: { 'Content-Type': contentType }, body, authorizer: { jwt: { claims: {}, scopes: [] } } }));
    const form = await create('application/x-www-form-urlencoded', 'title=Groceries&pinned=true&tags=food&tags=weekly');
    expect(form.handled).toMatchObject([{ contentType: 'application/x-www-form-urlencoded', body: { title: 'Groceries', pinned: true, tags: ['food', 'weekly'] } }]);
    expect(form.response['statusCode']).toBe(201);
    const typed = await create('application/json', '{"title": "Groceries", "pinned": "true"}');
    expect((json(typed.response) as { problems: unknown[] }).problems).toEqual([{ in: 'body', pointer: '/pinned', message: 'must be boolean' }]);
  });

  test('a base64 binary body, a text response, and a merge-patch body', async () => {
    const bytes = Buffer.from('%PDF-1.7 \u0000\u00ff', 'latin1');
    const put = await invoke('notes-http/attachments', httpEvent({
      method: 'PUT',
      route: '/notes/{noteId}/attachments/{name}',
      rawPath: '/notes/8d2f5b8e-3c1a-4b7e-9f3e-2a1b3c4d5e6f/attachments/a%20b.pdf',
      pathParameters: { noteId: '8d2f5b8e-3c1a-4b7e-9f3e-2a1b3c4d5e6f', name: 'a b.pdf' },
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
      base64: true,
    }));
    expect(put.response).toMatchObject({ statusCode: 201, headers: { 'x-bytes': String(bytes.length) } });
    expect((put.handled[0] as { path: unknown }).path).toEqual({ noteId: '8d2f5b8e-3c1a-4b7e-9f3e-2a1b3c4d5e6f', name: 'a b.pdf' });
    const status = await invoke('notes-http/status', httpEvent({ method: 'GET', route: '/status', rawPath: '/status' }));
    expect(status.response).toEqual({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'all good', isBase64Encoded: false });
    const patch = await invoke('notes-http/notes', httpEvent({ method: 'PATCH', route: '/notes/{noteId}', rawPath: '/notes/x', pathParameters: { noteId: 'not-a-uuid' }, headers: { 'content-type': 'application/merge-patch+json' }, body: '{}' }));
    expect((json(patch.response) as { problems: unknown[] }).problems).toEqual([
      { in: 'path', name: 'noteId', message: 'must match format "uuid"' },
      { in: 'body', message: 'must NOT have fewer than 1 properties' },
    ]);
  });

  test('a simple-response Lambda authorizer’s context reaches the route', async () => {
    const { handled } = await invoke('notes-http/notes', httpEvent({ method: 'GET', route: '/share/{token}', rawPath: '/share/abc', pathParameters: { token: 'abc' }, authorizer: { lambda: { owner: 'ada', level: 2 } } }));
    expect(handled).toMatchObject([{ path: { token: 'abc' }, auth: { shareLink: { type: 'lambda', context: { owner: 'ada', level: 2 } } } }]);
  });
});

describe('WebSocket API', () => {
  test('$connect gets the handshake’s query and the authorizer’s context; a non-2xx status refuses the connection', async () => {
    const connect = (banned: string) =>
      invoke('chat-websocket/connect', webSocketEvent({ routeKey: '$connect', eventType: 'CONNECT', query: { token: 'chat-ada' }, headers: { Host: 'chat.example.com' }, authorizer: { principalId: 'ada', banned } }));
    const allowed = await connect('false');
    expect(allowed.response).toEqual({ statusCode: 200 });
    expect(allowed.handled).toMatchObject([{ routeKey: '$connect', connectionId: 'Ij0vVdBpoAMCJ4Q=', query: { token: 'chat-ada' }, headers: { Host: 'chat.example.com' }, auth: { chatToken: { type: 'lambda', principalId: 'ada', context: { banned: 'false' } } } }]);
    expect((await connect('true')).response).toEqual({ statusCode: 403 });
    expect((await invoke('chat-websocket/connect', webSocketEvent({ routeKey: '$disconnect', eventType: 'DISCONNECT' }))).response).toEqual({ statusCode: 200 });
  });

  test('a message is parsed and checked against its route’s schema; two-way routes answer with a body', async () => {
    const send = (routeKey: string, body: unknown) => invoke('chat-websocket/messages', webSocketEvent({ routeKey, eventType: 'MESSAGE', body: typeof body === 'string' ? body : JSON.stringify(body) }));
    const said = await send('sendMessage', { action: 'sendMessage', roomId: 'r1', text: 'hi', replyTo: null });
    expect(said.handled).toMatchObject([{ routeKey: 'sendMessage', body: { action: 'sendMessage', roomId: 'r1', text: 'hi', replyTo: null } }]);
    expect(said.response).toEqual({ statusCode: 200 });
    const joined = await send('joinRoom', { action: 'joinRoom', roomId: 'r2' });
    expect(json(joined.response)).toEqual({ joined: 'r2' });
    const invalid = await send('sendMessage', { action: 'sendMessage', roomId: '', text: 7 });
    expect(invalid.handled).toEqual([]);
    expect(invalid.response['statusCode']).toBe(400);
    expect((json(invalid.response) as { problems: unknown[] }).problems).toEqual([
      { in: 'body', pointer: '/roomId', message: 'must NOT have fewer than 1 characters' },
      { in: 'body', pointer: '/text', message: 'must be string' },
    ]);
    const other = await send('$default', 'not json');
    expect(json(other.response)).toEqual({ error: 'Unknown action.', received: 'not json' });
  });
});

describe('Lambda authorizers', () => {
  test('a token authorizer answers with an IAM policy for the whole stage when its decision is cached', async () => {
    const { response, handled } = await invoke('shop/authorize', tokenAuthorizerEvent('Bearer good-token'));
    expect(handled).toEqual([{ kind: 'token', token: 'Bearer good-token', methodArn: 'arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/GET/orders/ord_123' }]);
    expect(response).toEqual({
      principalId: 'partner-7',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/*' }] },
      context: { tier: 'gold', seats: 3, active: true },
    });
    const denied = await invoke('shop/authorize', tokenAuthorizerEvent('Bearer someone-else'));
    expect(denied.response).toMatchObject({ principalId: 'stranger', policyDocument: { Statement: [{ Effect: 'Deny', Resource: 'arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/GET/orders/ord_123' }] } });
    await expect(invoke('shop/authorize', tokenAuthorizerEvent('Bearer expired'))).rejects.toThrow('Unauthorized');
  });

  test('a request authorizer reads its identity sources; without them the caller is refused unheard', async () => {
    const allowed = await invoke('chat-websocket/authorizeConnection', requestAuthorizerEvent({}, { token: 'chat-ada' }));
    expect(allowed.response).toMatchObject({ principalId: 'ada', policyDocument: { Statement: [{ Effect: 'Allow' }] }, context: { banned: false } });
    await expect(invoke('chat-websocket/authorizeConnection', requestAuthorizerEvent({}, {}))).rejects.toThrow('Unauthorized');
  });

  test('an HTTP API simple-response authorizer answers isAuthorized', async () => {
    expect((await invoke('notes-http/checkShareLink', requestAuthorizerEventV2({ 'x-share-token': 'open-sesame' }))).response).toEqual({ isAuthorized: true, context: { owner: 'ada' } });
    expect((await invoke('notes-http/checkShareLink', requestAuthorizerEventV2({ 'x-share-token': 'guess' }))).response).toEqual({ isAuthorized: false, context: {} });
  });
});

test('spec text that tries to escape its place in the code is data: names with quotes, comment ends and __proto__ round-trip', async () => {
  const body = { '*/ drop': 'x', "a'b": 1, '${x}': '`${y}`', constructor: true, ['__proto__']: 'own', '\u2028': 'line', toString: 'text' };
  const json = JSON.stringify(body).replace('"__proto__"', '"__proto__"');
  const { response, handled } = await invoke('hostile/my-handler_v2', restEvent({
    method: 'POST',
    resource: '/things/{th.ing-x}',
    path: '/things/one',
    pathParameters: { 'th.ing-x': 'one' },
    query: { "we'ird */ ${name}": ['7'] },
    headers: { "x-ab'c": 'c"d', 'content-type': 'application/json' },
    body: json,
  }));
  const request = handled[0] as { path: object; query: object; headers: object; body: Record<string, unknown> };
  expect(request.path).toEqual({ 'th.ing-x': 'one' });
  expect(request.query).toEqual({ "we'ird */ ${name}": 7 });
  expect(request.headers).toEqual({ "X-Ab'c": 'c"d' });
  expect(Object.getPrototypeOf(request.body)).toBe(Object.prototype);
  expect(Object.hasOwn(request.body, '__proto__')).toBe(true);
  expect(response).toMatchObject({ statusCode: 200, headers: { "x-re'ply": 'c"d' } });
  expect(JSON.parse(response['body'] as string)).toEqual(JSON.parse(JSON.stringify({ ...JSON.parse(json), "a'b": 7 })));
  const refused = await invoke('hostile/my-handler_v2', restEvent({ method: 'POST', resource: '/things/{th.ing-x}', path: '/things/one', pathParameters: { 'th.ing-x': 'one' }, headers: { "X-Ab'c": '*/ nope' }, body: '{}' }));
  expect((JSON.parse(refused.response['body'] as string) as { problems: { name?: string; pointer?: string }[] }).problems.map((p) => p.name ?? p.pointer)).toEqual(["X-Ab'c", '/*~1 drop', "/a'b", '/${x}', '/constructor', '/__proto__', '/\u2028']);
});

test('the SAM template’s functions build as `sam build` builds them, and their Handler setting names the export', async () => {
  for (const fixture of ['shop', 'notes-http', 'chat-websocket']) {
    const out = path.join(root, 'pristine', fixture);
    const template = parse(fs.readFileSync(path.join(out, 'template.yaml'), 'utf8')) as { Resources: Record<string, { Type: string; Metadata?: { BuildMethod: string; BuildProperties: { EntryPoints: string[]; Target: string; Minify: boolean } }; Properties: { CodeUri?: string; Handler: string } }> };
    const functions = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Serverless::Function');
    expect(functions.length, fixture).toBeGreaterThan(0);
    for (const [id, resource] of functions) {
      const codeUri = path.join(out, resource.Properties.CodeUri ?? '.');
      // SAM's esbuild build runs npm in CodeUri: it needs a package.json there.
      expect(fs.existsSync(path.join(codeUri, 'package.json')), `${fixture} ${id}`).toBe(true);
      const { EntryPoints, Target, Minify } = resource.Metadata?.BuildProperties ?? { EntryPoints: [], Target: 'node20', Minify: false };
      expect(resource.Metadata?.BuildMethod).toBe('esbuild');
      // SAM's default output: CommonJS, one <entry file name>.js per entry point in the function's artifact folder.
      const artifacts = path.join(out, '.aws-sam/build', id);
      await build({ entryPoints: EntryPoints.map((e) => path.join(codeUri, e)), outdir: artifacts, bundle: true, platform: 'node', target: Target, minify: Minify, format: 'cjs', logLevel: 'silent' });
      const [file, exported] = resource.Properties.Handler.split('.') as [string, string];
      const module = createRequire(import.meta.url)(path.join(artifacts, `${file}.js`)) as Record<string, unknown>;
      expect(typeof module[exported], `${fixture} ${id} ${resource.Properties.Handler}`).toBe('function');
    }
  }
  const orders = createRequire(import.meta.url)(path.join(root, 'pristine/shop/.aws-sam/build/OrdersFunction/orders.js')) as { handler: Entry };
  const response = await orders.handler(restEvent({ method: 'DELETE', resource: '/orders/{orderId}', path: '/orders/ord_abcdefghijkl', pathParameters: { orderId: 'ord_abcdefghijkl' } }), lambdaContext());
  expect(response).toMatchObject({ statusCode: 204, body: '' });
});

test('an untouched stub answers with its typed placeholder', async () => {
  const { response } = await invoke('library/library', restEvent({ method: 'GET', resource: '/books/{isbn}', path: '/books/9780552166591', pathParameters: { isbn: '9780552166591' } }));
  expect(response).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json' } });
  expect(json(response)).toEqual({ isbn: '', title: '', authors: [{ name: '' }] });
});

test('a function’s bundle holds the validators its handler uses, not every handler’s', () => {
  const definitions = (code: string): number => code.match(/function validate\d+\(/g)?.length ?? 0;
  const shared = ['strict', 'coercing'].map((mode) => fs.readFileSync(path.join(root, 'service/shop', sharedValidatorsPath(mode)), 'utf8'));
  const everyValidator = shared.reduce((count, code) => count + definitions(code), 0);
  const bundled = (handler: string): number => definitions(fs.readFileSync(path.join(root, 'bundles/shop', `${handler}.mjs`), 'utf8'));
  // uploads checks one path parameter; catalog and orders check bodies and parameters of their own.
  expect(bundled('uploads')).toBe(1);
  expect(bundled('catalog')).toBeLessThan(everyValidator);
  expect(bundled('orders')).toBeLessThan(everyValidator);
});

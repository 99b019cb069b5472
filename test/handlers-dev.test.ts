import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile } from '../src/compile.js';
import { repoRoot } from './helpers/diagnostics.js';
import { devToken, json, startDevIn, type StartedDev } from './helpers/dev.js';
import { writeFiles } from './helpers/temp.js';

/**
 * The generated handlers behind the local gateway, over real HTTP on 127.0.0.1: the spec
 * is compiled, the test implementations (test/stubs) take the stubs' place, and
 * `gatewright dev` builds the entry points and turns requests into API Gateway events.
 */
function devProject(fixture: string, spec: string): () => StartedDev {
  let started: StartedDev | undefined;
  beforeAll(async () => {
    const files: Record<string, string> = { 'api.yaml': fs.readFileSync(path.join(repoRoot, spec), 'utf8') };
    for (const stub of fs.readdirSync(path.join(repoRoot, 'test/stubs', fixture))) files[`handlers/${stub}`] = fs.readFileSync(path.join(repoRoot, 'test/stubs', fixture, stub), 'utf8');
    const dir = writeFiles(files);
    // The implementations are in place first; compiling keeps them, as it keeps a user's.
    const result = compile(path.join(dir, 'api.yaml'), dir, { emit: ['handlers'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    started = await startDevIn(dir, {}, { shared: true });
  });
  afterAll(async () => {
    await started?.server.close();
  });
  return () => {
    if (!started) throw new Error('the gateway did not start');
    return started;
  };
}

const handled = (): unknown[] => {
  const list: unknown[] = [];
  (globalThis as { handled?: unknown[] }).handled = list;
  return list;
};

describe('a REST API (test/specs/glue.yaml)', () => {
  const dev = devProject('glue', 'test/specs/glue.yaml');

  test('parameters in every style arrive typed; the declared response header is set', async () => {
    const seen = handled();
    const query = new URLSearchParams([['ids', '7'], ['ids', '8'], ['tags', 'red,green'], ['filter[color]', 'blue'], ['filter[size]', '4']]);
    const response = await fetch(`${dev().url}/search/.1.2.3/;matrix=x,1.5,y,-2?${query}`, { headers: { 'X-Trace': 'a, b', Cookie: 'session=s3cr3t' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-total')).toBe('5');
    expect(seen).toMatchObject([{ path: { label: [1, 2, 3], matrix: { x: 1.5, y: -2 } }, query: { ids: [7, 8], tags: ['red', 'green'], filter: { color: 'blue', size: 4 }, limit: 10 }, headers: { 'X-Trace': ['a', 'b'] }, cookies: { session: 's3cr3t' } }]);
  });

  test('a bad request is answered 400 with every problem, and never reaches the handler', async () => {
    const seen = handled();
    const response = await fetch(`${dev().url}/search/.1.x/;matrix=x,1?ids=seven&limit=500`);
    expect(response.status).toBe(400);
    expect(seen).toEqual([]);
    expect(((await json(response)) as { problems: unknown[] }).problems).toEqual([
      { in: 'path', name: 'label', pointer: '/1', message: 'must be integer' },
      { in: 'query', name: 'ids', pointer: '/0', message: 'must be integer' },
      { in: 'query', name: 'limit', message: 'must be <= 50' },
      { in: 'cookie', name: 'session', message: 'is required' },
    ]);
  });

  test('bytes go out as bytes, and the gateway’s one route serves both of its operations', async () => {
    // A REST API turns base64 back into bytes when the client accepts a binary media type.
    const png = await fetch(`${dev().url}/files/42`, { headers: { accept: 'image/png' } });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 42]));
    const text = await fetch(`${dev().url}/files/notes.txt`);
    expect(await text.text()).toBe('notes as txt');
  });

  test('a form body is coerced and the JSON answer comes back', async () => {
    const response = await fetch(`${dev().url}/items`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=cup&count=3&tags=a' });
    expect(response.status).toBe(201);
    expect(await json(response)).toEqual({ name: 'cup', count: 3, tags: ['a'], id: 'item-1' });
  });
});

describe('an HTTP API (fixtures/notes-http.yaml)', () => {
  const dev = devProject('notes-http', 'fixtures/notes-http.yaml');

  test('the JWT the gateway verified reaches the handler as typed claims', async () => {
    const seen = handled();
    const token = await devToken(dev(), 'oidc', { subject: 'ada', scopes: ['notes:read'] });
    const response = await fetch(`${dev().url}/notes?pinned=true&limit=5`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-next-cursor')).toBe('n2');
    expect(seen).toMatchObject([{ operationId: 'listNotes', query: { pinned: true, limit: 5 }, auth: { oidc: { type: 'jwt', claims: { sub: 'ada' } } } }]);
  });
});

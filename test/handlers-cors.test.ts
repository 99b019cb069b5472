import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, expect, test, vi } from 'vitest';
import { compile } from '../src/compile.js';
import { entryPath, stubPath } from '../src/targets/handlers/layout.js';
import { httpEvent, lambdaContext, restEvent, type HttpRequest, type RestRequest } from './helpers/events.js';
import { tempDir } from './helpers/temp.js';

/**
 * The CORS headers the handler glue adds to a REST API's Lambda proxy responses (docs/targets.md,
 * "CORS"): the generated entry point of one handler, compiled for each CORS setting, bundled
 * as SAM bundles it and called with events that carry an `Origin`.
 */

const settings = {
  listed: `{origins: ['https://a.example', 'https://b.example'], credentials: true, exposeHeaders: [X-Request-Id], methods: [GET, POST, OPTIONS], headers: [Content-Type, X-Api-Key], maxAge: 600}`,
  any: `{origins: ['*']}`,
  anyWithCredentials: `{origins: ['*'], credentials: true}`,
  anyAndListed: `{origins: ['*', 'https://a.example']}`,
} as const;
type Setting = keyof typeof settings;

const spec = (kind: 'rest' | 'http', cors: string): string => `openapi: 3.0.3
info: {title: Cors, version: '1'}
x-gateway:
  kind: ${kind}
  defaults: {lambda: {handler: web}}
  cors: ${cors}
paths:
  /things:
    get: {operationId: listThings, responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}}
    post: {operationId: addThing, requestBody: {required: true, content: {application/json: {schema: {type: object}}}}, responses: {'201': {description: ok}}}
    options: {operationId: thingsPreflight, responses: {'204': {description: ok}}}
  /things/{id}:
    get: {operationId: getThing, parameters: [{name: id, in: path, required: true, schema: {type: integer}}], responses: {'200': {description: ok}}}
  /own: {get: {operationId: ownCors, responses: {'200': {description: ok}}}}
  /star: {get: {operationId: varyStar, responses: {'200': {description: ok}}}}
  /boom: {get: {operationId: boom, responses: {'200': {description: ok}}}}
`;

const implementation = `export default {
  listThings: async () => ({ status: 200, headers: { Vary: 'Accept-Encoding' }, body: { things: [] } }),
  addThing: async () => ({ status: 201 }),
  thingsPreflight: async () => ({ status: 204 }),
  getThing: async () => ({ status: 200 }),
  ownCors: async () => ({ status: 200, headers: { 'Access-Control-Allow-Origin': 'https://own.example', 'Access-Control-Expose-Headers': 'X-Own' } }),
  varyStar: async () => ({ status: 200, headers: { vary: '*' } }),
  boom: async () => { throw new Error('boom'); },
};
`;

type Entry = (event: unknown, context: unknown) => Promise<{ statusCode: number; headers: Record<string, string> }>;
const entries = new Map<string, Entry>();

beforeAll(async () => {
  const root = tempDir('gatewright-cors-');
  const variants = [...Object.entries(settings).map(([name, cors]) => [name, spec('rest', cors)] as const), ['http', spec('http', settings.listed)] as const];
  const entryPoints: Record<string, string> = {};
  for (const [name, text] of variants) {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'openapi.yaml'), text);
    const result = compile(path.join(dir, 'openapi.yaml'), path.join(dir, 'out'), { emit: ['handlers'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    fs.writeFileSync(path.join(dir, 'out', stubPath('web')), implementation);
    entryPoints[name] = path.join(dir, 'out', entryPath('web'));
  }
  await build({ entryPoints, outdir: path.join(root, 'bundles'), outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'silent' });
  for (const name of Object.keys(entryPoints)) {
    entries.set(name, ((await import(pathToFileURL(path.join(root, 'bundles', `${name}.mjs`)).href)) as { handler: Entry }).handler);
  }
});

const corsHeaderNames = ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age', 'vary'];

const a = 'https://a.example';
const get = (resource: string, origin?: string, extra: Partial<RestRequest> = {}): RestRequest => ({ method: 'GET', resource, path: resource, headers: origin === undefined ? {} : { Origin: origin }, ...extra });
const listedCors = { 'access-control-allow-origin': a, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'X-Request-Id' };

const cases: [string, { given: { setting: Setting; request: RestRequest }; want: { status: number; headers: Record<string, string> } }][] = [
  ['a listed origin, with credentials and exposed headers; Origin is added to the handler’s Vary', { given: { setting: 'listed', request: get('/things', a) }, want: { status: 200, headers: { ...listedCors, vary: 'Accept-Encoding, Origin' } } }],
  ['an origin not listed gets no CORS header', { given: { setting: 'listed', request: get('/things', 'https://evil.example') }, want: { status: 200, headers: { vary: 'Accept-Encoding' } } }],
  ['a request without Origin gets no CORS header', { given: { setting: 'listed', request: get('/things') }, want: { status: 200, headers: { vary: 'Accept-Encoding' } } }],
  [
    'CORS headers the handler set itself win, whatever their case; the glue adds only the ones it left out',
    { given: { setting: 'listed', request: get('/own', a) }, want: { status: 200, headers: { 'access-control-allow-origin': 'https://own.example', 'access-control-expose-headers': 'X-Own', 'access-control-allow-credentials': 'true' } } },
  ],
  ['a Vary of * stays as it is', { given: { setting: 'listed', request: get('/star', a) }, want: { status: 200, headers: { ...listedCors, vary: '*' } } }],
  ['the glue’s 400 carries the CORS headers', { given: { setting: 'listed', request: get('/things/{id}', a, { path: '/things/abc', pathParameters: { id: 'abc' } }) }, want: { status: 400, headers: { ...listedCors, vary: 'Origin' } } }],
  [
    'the glue’s 415 carries the CORS headers',
    { given: { setting: 'listed', request: { method: 'POST', resource: '/things', path: '/things', headers: { Origin: a, 'content-type': 'application/xml' }, body: '<thing/>' } }, want: { status: 415, headers: { ...listedCors, vary: 'Origin' } } },
  ],
  ['the glue’s 500 for a handler that threw carries the CORS headers', { given: { setting: 'listed', request: get('/boom', a) }, want: { status: 500, headers: { ...listedCors, vary: 'Origin' } } }],
  ['the glue’s 404 for an operation it does not serve carries the CORS headers', { given: { setting: 'listed', request: get('/elsewhere', a) }, want: { status: 404, headers: { ...listedCors, vary: 'Origin' } } }],
  [
    'a preflight on a path whose spec routes OPTIONS: the handler answers it with the allowed methods, headers and max age',
    {
      given: { setting: 'listed', request: { method: 'OPTIONS', resource: '/things', path: '/things', headers: { Origin: a, 'Access-Control-Request-Method': 'POST' } } },
      want: {
        status: 204,
        headers: { ...listedCors, 'access-control-allow-methods': 'GET,POST,OPTIONS', 'access-control-allow-headers': 'Content-Type,X-Api-Key', 'access-control-max-age': '600', vary: 'Origin' },
      },
    },
  ],
  ['an OPTIONS request that is no preflight gets the headers of any answer', { given: { setting: 'listed', request: { method: 'OPTIONS', resource: '/things', path: '/things', headers: { Origin: a } } }, want: { status: 204, headers: { ...listedCors, vary: 'Origin' } } }],
  ['any origin without credentials: *, and the answer does not vary by Origin', { given: { setting: 'any', request: get('/things', a) }, want: { status: 200, headers: { 'access-control-allow-origin': '*', vary: 'Accept-Encoding' } } }],
  [
    'any origin with credentials: the request’s own origin, since browsers refuse *',
    { given: { setting: 'anyWithCredentials', request: get('/things', 'https://x.example') }, want: { status: 200, headers: { 'access-control-allow-origin': 'https://x.example', 'access-control-allow-credentials': 'true', vary: 'Accept-Encoding, Origin' } } },
  ],
  ['any origin and a listed one: the listed origin is echoed', { given: { setting: 'anyAndListed', request: get('/things', a) }, want: { status: 200, headers: { 'access-control-allow-origin': a, vary: 'Accept-Encoding, Origin' } } }],
  ['any origin and a listed one: another origin gets *, and the answer varies by Origin', { given: { setting: 'anyAndListed', request: get('/things', 'https://x.example') }, want: { status: 200, headers: { 'access-control-allow-origin': '*', vary: 'Accept-Encoding, Origin' } } }],
];

test.each(cases)('%s', async (_name, { given, want }) => {
  const entry = entries.get(given.setting) as Entry;
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const response = await entry(restEvent(given.request), lambdaContext('web'));
  logged.mockRestore();
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => corsHeaderNames.includes(name.toLowerCase())).map(([name, value]) => [name.toLowerCase(), value]));
  expect({ status: response.statusCode, headers }).toEqual(want);
});

test('HTTP APIs add CORS headers themselves: the glue adds none', async () => {
  const request: HttpRequest = { method: 'GET', route: '/things', rawPath: '/things', headers: { origin: a } };
  const response = await (entries.get('http') as Entry)(httpEvent(request), lambdaContext('web'));
  expect(response.statusCode).toBe(200);
  expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  expect(response.headers['vary']).toBe('Accept-Encoding');
});

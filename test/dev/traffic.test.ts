import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, test } from 'vitest';
import { entry, json, startDev } from '../helpers/dev.js';

const spec = `openapi: 3.0.3
info: {title: Catalog, version: '1'}
x-gateway:
  kind: rest
  stages:
    prod:
      throttle: {rate: 1, burst: 2}
      cache: {sizeGb: 0.5, ttl: 300}
  cors:
    origins: ['https://shop.example.com']
    credentials: true
    exposeHeaders: [X-Request-Id]
  gatewayResponses:
    THROTTLED:
      statusCode: 429
      headers: {Retry-After: "'1'"}
      template: '{"message": "Slow down", "requestId": "$context.requestId"}'
security: []
paths:
  /products/{productId}:
    get:
      operationId: getProduct
      parameters:
        - {name: productId, in: path, required: true, schema: {type: string}}
        - {name: lang, in: query, schema: {type: string}}
        - {name: page, in: query, schema: {type: string}}
      x-gateway: {lambda: {handler: counter}, cache: {ttl: 60, keys: [path.productId, query.lang]}, throttle: {rate: 1000, burst: 1000}}
      responses: {'200': {description: ok}}
  /internal/{productId}:
    get:
      operationId: getInternal
      security: [{iam: []}]
      parameters: [{name: productId, in: path, required: true, schema: {type: string}}]
      x-gateway: {lambda: {handler: counter}, cache: {ttl: 60, keys: [path.productId]}, throttle: {rate: 1000, burst: 1000}}
      responses: {'200': {description: ok}}
  /limited:
    get: {operationId: limited, x-gateway: {mock: {statusCode: 200, body: {}}}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    iam: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}
`;

const counter = entry('counter', `let n = 0;\nexport const handler = async (event: any) => ({ statusCode: 200, body: JSON.stringify({ n: ++n, id: event.pathParameters.productId, page: event.queryStringParameters?.page ?? null }) });`);

describe('throttling', () => {
  test('the stage’s default method throttle answers 429 with the spec’s THROTTLED gateway response', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...counter });
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await fetch(`${dev.url}/limited`)).status);
    expect(statuses).toEqual([200, 200]);
    const throttled = await fetch(`${dev.url}/limited`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    const body = (await json(throttled)) as { message: string; requestId: string };
    expect(body).toEqual({ message: 'Slow down', requestId: throttled.headers.get('x-amzn-requestid') });
  });

  test('a method throttle replaces the stage’s', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...counter });
    for (let i = 0; i < 5; i++) expect((await fetch(`${dev.url}/products/p${i}`)).status).toBe(200);
  });
});

describe('response cache', () => {
  test.each([
    ['the same key is served from the cache', { given: ['/products/p1?lang=en', '/products/p1?lang=en'], want: [1, 1] }],
    ['a parameter outside the key does not tell entries apart', { given: ['/products/p1?page=1', '/products/p1?page=2'], want: [1, 1] }],
    ['a different key value is another entry', { given: ['/products/p1?lang=en', '/products/p1?lang=fr'], want: [1, 2] }],
    ['Cache-Control: max-age=0 from an unauthorized caller is 403', { given: ['/products/p1', '/products/p1 max-age=0'], want: [1, 403] }],
  ])('%s', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': spec, ...counter });
    const got = [];
    for (const request of given) {
      const [path, control] = request.split(' ') as [string, string | undefined];
      const response = await fetch(dev.url + path, { headers: control ? { 'cache-control': control } : {} });
      got.push(response.status === 200 ? ((await json(response)) as { n: number }).n : response.status);
    }
    expect(got).toEqual(want);
  });

  test('a caller allowed to invalidate (signed with the dev credentials) refreshes the entry with max-age=0', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...counter });
    const call = async (cacheControl?: string): Promise<number> => {
      const url = new URL(`${dev.url}/internal/p9`);
      const signer = new SignatureV4({ credentials: dev.server.app.iam, region: 'us-east-1', service: 'execute-api', sha256: Sha256 });
      const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host } });
      const response = await fetch(url, { headers: { ...(signed.headers as Record<string, string>), ...(cacheControl ? { 'cache-control': cacheControl } : {}) } });
      const body = (await json(response)) as { n: number };
      expect(response.status, JSON.stringify(body)).toBe(200);
      return body.n;
    };
    expect([await call(), await call(), await call('max-age=0'), await call()]).toEqual([1, 1, 2, 2]);
  });
});

describe('CORS', () => {
  test('a cached answer is not replayed to another allowed origin: with several origins the cache keys on Origin', async () => {
    const twoOrigins = spec.replace("origins: ['https://shop.example.com']", "origins: ['https://shop.example.com', 'https://admin.example.com']");
    // As the handler glue does on REST APIs: the function answers with the caller's origin.
    const echoOrigin = entry(
      'counter',
      `let n = 0;\nexport const handler = async (event: any) => ({ statusCode: 200, headers: { 'access-control-allow-origin': event.headers.origin ?? event.headers.Origin, vary: 'Origin' }, body: JSON.stringify({ n: ++n }) });`,
    );
    const dev = await startDev({ 'api.yaml': twoOrigins, ...echoOrigin });
    const got = [];
    for (const origin of ['https://shop.example.com', 'https://admin.example.com', 'https://shop.example.com']) {
      const response = await fetch(`${dev.url}/products/p1?lang=en`, { headers: { origin } });
      got.push([((await json(response)) as { n: number }).n, response.headers.get('access-control-allow-origin')]);
    }
    expect(got).toEqual([
      [1, 'https://shop.example.com'],
      [2, 'https://admin.example.com'],
      [1, 'https://shop.example.com'],
    ]);
  });

  test('a preflight from an allowed origin gets the allowed methods and headers', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...counter });
    const response = await fetch(`${dev.url}/products/p1`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-api-key');
  });

  test('a preflight from another origin is told the one allowed origin, which the browser then refuses', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...counter });
    const response = await fetch(`${dev.url}/products/p1`, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
  });

  test('actual responses, errors included, carry the allowed origin and exposed headers', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...counter });
    const ok = await fetch(`${dev.url}/products/p1`, { headers: { origin: 'https://shop.example.com' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(ok.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
    const missing = await fetch(`${dev.url}/nope`, { headers: { origin: 'https://shop.example.com' } });
    expect(missing.status).toBe(403);
    expect(missing.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
  });
});

describe('CORS on HTTP APIs', () => {
  const httpSpec = `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
  stages: {$default: {}}
  cors: {origins: ['http://localhost:5173'], headers: [Authorization, Content-Type], maxAge: 600}
security: []
paths:
  /notes:
    get: {operationId: listNotes, x-gateway: {lambda: {handler: notes}}, responses: {'200': {description: ok}}}
`;

  test('the gateway answers preflights itself with 204, on any path', async () => {
    const dev = await startDev({ 'api.yaml': httpSpec, ...entry('notes', `export const handler = async () => ({ notes: [] });`) });
    for (const path of ['/notes', '/anything']) {
      const response = await fetch(dev.url + path, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' } });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('access-control-max-age')).toBe('600');
    }
  });
});

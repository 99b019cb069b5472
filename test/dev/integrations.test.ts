import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { json, startDev } from '../helpers/dev.js';

const upstreams: http.Server[] = [];
afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A backend on 127.0.0.1 that echoes what it received; `/slow` answers after a second, `/trickle` sends its body a byte at a time over a second. */
async function upstream(): Promise<number> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (): void => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' });
        res.end(JSON.stringify({ method: req.method, url: req.url, header: req.headers['x-thing'] ?? null, body: Buffer.concat(chunks).toString() }));
      };
      if (req.url?.startsWith('/slow')) setTimeout(answer, 1000);
      else if (req.url?.startsWith('/trickle')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || ++sent > 20) {
            clearInterval(timer);
            res.end();
          } else res.write('.');
        }, 50);
      } else answer();
    });
  });
  upstreams.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const spec = (port: number): string => `openapi: 3.0.3
info: {title: Proxy, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {variables: {backend: '127.0.0.1:${port}'}}}
security: []
paths:
  /health:
    get: {operationId: health, x-gateway: {mock: {statusCode: 202, headers: {X-Mocked: "'yes'"}, body: {status: ok}}}, responses: {'202': {description: ok}}}
  /inventory/{proxy+}:
    parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
    x-gateway:
      any: {operationId: inventory, x-gateway: {http: {uri: 'http://\${stageVariables.backend}/v2/{proxy}', proxy: true}}, responses: {default: {description: any}}}
  /slow:
    get: {operationId: slow, x-gateway: {http: {uri: 'http://\${stageVariables.backend}/slow', proxy: true, timeoutMs: 100}}, responses: {default: {description: any}}}
  /trickle:
    get: {operationId: trickle, x-gateway: {http: {uri: 'http://\${stageVariables.backend}/trickle', proxy: true, timeoutMs: 300}}, responses: {default: {description: any}}}
  /unreachable:
    get: {operationId: unreachable, x-gateway: {http: {uri: 'http://127.0.0.1:1/nothing', proxy: true}}, responses: {default: {description: any}}}
`;

describe('mock integrations', () => {
  test('answer with the spec’s status, headers and body', async () => {
    const dev = await startDev({ 'api.yaml': spec(1) });
    const response = await fetch(`${dev.url}/health`);
    expect(response.status).toBe(202);
    expect(response.headers.get('x-mocked')).toBe('yes');
    expect(await json(response)).toEqual({ status: 'ok' });
  });
});

describe('HTTP proxy integrations', () => {
  test('pass method, greedy path, query, headers and body through, with stage variables in the URI', async () => {
    const port = await upstream();
    const dev = await startDev({ 'api.yaml': spec(port) });
    const response = await fetch(`${dev.url}/inventory/items/a%20b?x=1`, { method: 'PATCH', headers: { 'x-thing': 'thing' }, body: 'payload' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect(await json(response)).toEqual({ method: 'PATCH', url: '/v2/items/a%20b?x=1', header: 'thing', body: 'payload' });
  });

  test.each([
    ['a backend slower than the timeout is 504 Endpoint request timed out', { given: '/slow', want: { status: 504, body: '{"message": "Endpoint request timed out"}' } }],
    ['a backend still sending its body at the timeout is 504 Endpoint request timed out', { given: '/trickle', want: { status: 504, body: '{"message": "Endpoint request timed out"}' } }],
    ['a backend that cannot be reached is 504 Internal server error', { given: '/unreachable', want: { status: 504, body: '{"message":"Internal server error"}' } }],
  ])('%s', async (_name, { given, want }) => {
    const port = await upstream();
    const dev = await startDev({ 'api.yaml': spec(port) });
    const response = await fetch(dev.url + given);
    expect({ status: response.status, body: await response.text() }).toEqual(want);
  });

  test.each([
    ['a backend slower than the timeout', { given: '/slow' }],
    ['a backend still sending its body at the timeout', { given: '/trickle' }],
  ])('on an HTTP API, %s is 503 Service Unavailable', async (_name, { given }) => {
    const port = await upstream();
    const httpApi = `openapi: 3.0.3
info: {title: Proxy, version: '1'}
x-gateway:
  kind: http
  stages: {$default: {}}
security: []
paths:
  ${given}:
    get: {operationId: slowOne, x-gateway: {http: {uri: 'http://127.0.0.1:${port}${given}', proxy: true, timeoutMs: 300}}, responses: {default: {description: any}}}
`;
    const dev = await startDev({ 'api.yaml': httpApi });
    const response = await fetch(dev.url + given);
    expect({ status: response.status, body: await response.text() }).toEqual({ status: 503, body: '{"message":"Service Unavailable"}' });
  });
});

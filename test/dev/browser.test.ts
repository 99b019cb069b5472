import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ensureChromium, launchChromium } from '../helpers/chromium.js';
import { entry, startDev } from '../helpers/dev.js';

const spec = (pageOrigin: string): string => `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
  cors:
    origins: ['${pageOrigin}']
    credentials: true
  usagePlans: {web: {apiKeys: [storefront]}}
paths:
  /orders:
    get:
      operationId: listOrders
      security: [{partnerKey: [], shopperPool: [shop/orders.read]}]
      x-gateway: {lambda: {handler: orders}}
      responses: {'200': {description: ok}}
components:
  securitySchemes:
    partnerKey: {type: apiKey, in: header, name: x-api-key}
    shopperPool:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: https://auth.example.com/token, scopes: {shop/orders.read: read}}}
      x-gateway: {cognito: {userPoolArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Shop1']}}
`;

const orders = entry(
  'orders',
  `export const handler = async (event: any) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ shopper: event.requestContext.authorizer.claims.sub, key: event.requestContext.identity.apiKeyId, orders: [{ id: 'ord_1' }] }),
});`,
);

/** The storefront page: served from its own origin, it calls the API with an API key and a bearer token. */
const page = `<!doctype html>
<html><body><pre id="result">pending</pre>
<script type="module">
  const params = new URLSearchParams(location.search);
  const out = document.getElementById('result');
  try {
    const response = await fetch(params.get('api') + '/orders', {
      headers: { 'x-api-key': params.get('key'), authorization: params.get('token') },
      credentials: 'include',
    });
    out.textContent = JSON.stringify({ status: response.status, body: await response.json() });
  } catch (error) {
    out.textContent = 'failed: ' + error;
  }
</script></body></html>`;

describe('a browser page on another origin', () => {
  let pageServer: http.Server;
  let pageOrigin: string;

  beforeAll(async () => {
    ensureChromium();
    pageServer = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
    });
    await new Promise<void>((r) => pageServer.listen(0, '127.0.0.1', r));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  }, 600_000);

  afterAll(async () => {
    await new Promise((r) => pageServer.close(r));
  });

  test('passes the CORS preflight with an API key and a JWT and reads the answer', async () => {
    const dev = await startDev({ 'api.yaml': spec(pageOrigin), ...orders });
    const token = (await runCli(['dev', `${dev.dir}/api.yaml`, '--mint-token', 'shopperPool', '--scopes', 'shop/orders.read', '--subject', 'shopper-42'], dev.dir)).stdout.trim();
    const browser = await launchChromium();
    try {
      const tab = await browser.context.newPage();
      const query = new URLSearchParams({ api: dev.url, key: dev.apiKey('storefront'), token });
      await tab.goto(`${pageOrigin}/?${query}`);
      await tab.waitForFunction(() => document.getElementById('result')?.textContent !== 'pending');
      const result = JSON.parse((await tab.textContent('#result')) as string) as { status: number; body: { shopper: string; orders: unknown[] } };
      expect(result).toMatchObject({ status: 200, body: { shopper: 'shopper-42', orders: [{ id: 'ord_1' }] } });
    } finally {
      await browser.close();
    }
    // The browser really sent a preflight, and the gateway answered it.
    expect(dev.lines.some((line) => line.includes('"OPTIONS /orders HTTP/1.1" 200'))).toBe(true);
  });
});

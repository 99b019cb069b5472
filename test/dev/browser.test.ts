import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ensureChromium, launchChromium } from '../helpers/chromium.js';
import { entry, startDev } from '../helpers/dev.js';
import { buildSdkPackage, generateSdkPackage } from '../helpers/sdk.js';
import { writeFiles } from '../helpers/temp.js';

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
      responses:
        '200':
          description: The shopper's orders.
          content:
            application/json:
              schema:
                type: object
                required: [shopper, orders]
                properties:
                  shopper: {type: string}
                  key: {type: string}
                  orders: {type: array, items: {type: object, properties: {id: {type: string}}}}
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

/**
 * The storefront page: served from its own origin, it calls the API through the generated
 * SDK (ES modules from /sdk/), with an API key and a Cognito token.
 */
const page = `<!doctype html>
<html><body><pre id="result">pending</pre>
<script type="module">
  import { ShopClient } from '/sdk/index.js';
  const params = new URLSearchParams(location.search);
  const out = document.getElementById('result');
  try {
    const shop = new ShopClient({ baseUrl: params.get('api'), auth: { partnerKey: params.get('key'), shopperPool: () => params.get('token') } });
    const answer = await shop.listOrders();
    out.textContent = JSON.stringify({ status: answer.status, body: answer.data });
  } catch (error) {
    out.textContent = 'failed: ' + error + ' ' + JSON.stringify(error.body ?? null);
  }
</script></body></html>`;

/** Serves the page at / and the SDK's compiled modules under /sdk/. */
function pageHandler(sdkDist: string): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://page');
    if (url.pathname.startsWith('/sdk/')) {
      const file = path.join(sdkDist, path.normalize(url.pathname.slice('/sdk/'.length)));
      if (!file.startsWith(sdkDist) || !fs.existsSync(file)) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(fs.readFileSync(file));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  };
}

describe('a browser page on another origin', () => {
  let pageServer: http.Server;
  let pageOrigin: string;

  beforeAll(async () => {
    ensureChromium();
    // The SDK is generated from the same spec dev serves; the page origin is only known once it listens, and CORS settings do not change the SDK.
    const sdkDir = generateSdkPackage(path.join(writeFiles({ 'api.yaml': spec('https://page.example') }), 'api.yaml'));
    buildSdkPackage(sdkDir);
    pageServer = http.createServer(pageHandler(path.join(sdkDir, 'dist')));
    await new Promise<void>((r) => pageServer.listen(0, '127.0.0.1', r));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  }, 600_000);

  afterAll(async () => {
    await new Promise((r) => pageServer.close(r));
  });

  test('calls the API through the generated SDK, passing the CORS preflight with an API key and a JWT', async () => {
    const dev = await startDev({ 'api.yaml': spec(pageOrigin), ...orders });
    const token = (await runCli(['dev', `${dev.dir}/api.yaml`, '--mint-token', 'shopperPool', '--scopes', 'shop/orders.read', '--subject', 'shopper-42'], dev.dir)).stdout.trim();
    const browser = await launchChromium();
    try {
      const tab = await browser.context.newPage();
      const query = new URLSearchParams({ api: dev.url, key: dev.apiKey('storefront'), token });
      await tab.goto(`${pageOrigin}/?${query}`);
      await tab.waitForFunction(() => document.getElementById('result')?.textContent !== 'pending');
      const result = JSON.parse((await tab.textContent('#result')) as string) as { status: number; body: { shopper: string; orders: unknown[] } };
      expect(result).toMatchObject({ status: 200, body: { shopper: 'shopper-42', key: dev.server.app.apiKeys[0]?.id, orders: [{ id: 'ord_1' }] } });
    } finally {
      await browser.close();
    }
    // The browser really sent a preflight, and the gateway answered it.
    expect(dev.lines.some((line) => line.includes('"OPTIONS /orders HTTP/1.1" 204'))).toBe(true);
  });
});

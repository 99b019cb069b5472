import { describe, expect, test } from 'vitest';
import { devApiKeys } from '../../src/dev/api-keys.js';
import { echoHandler, entry, json, startDev } from '../helpers/dev.js';

const spec = `openapi: 3.0.3
info: {title: Partners, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}, staging: {}}
  usagePlans:
    free: {throttle: {rate: 1, burst: 2}, stages: [prod], apiKeys: [acme]}
    tiny: {quota: {limit: 2, period: DAY}, stages: [prod], apiKeys: [initech]}
    elsewhere: {stages: [staging], apiKeys: [globex]}
security:
  - partnerKey: []
paths:
  /items:
    get: {operationId: listItems, x-gateway: {lambda: {handler: echo}}, responses: {'200': {description: ok}}}
  /public:
    get: {operationId: open, security: [], x-gateway: {public: true, mock: {statusCode: 200, body: {open: true}}}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    partnerKey: {type: apiKey, in: header, name: x-api-key}
`;

describe('API keys and usage plans', () => {
  test('a key from a plan of the stage is let through, and the event names it', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...entry('echo', echoHandler) });
    const key = dev.apiKey('acme');
    const response = await fetch(`${dev.url}/items`, { headers: { 'x-api-key': key } });
    expect(response.status).toBe(200);
    const { event } = (await json(response)) as { event: { requestContext: { identity: { apiKey: string; apiKeyId: string } } } };
    expect(event.requestContext.identity.apiKey).toBe(key);
    expect(event.requestContext.identity.apiKeyId).toMatch(/^[a-z0-9]{10}$/);
  });

  test.each([
    ['no key', { given: undefined }],
    ['an unknown key', { given: 'not-a-key' }],
    ['a key whose plan covers another stage', { given: 'globex' }],
  ])('%s is 403 Forbidden', async (_name, { given }) => {
    const dev = await startDev({ 'api.yaml': spec, ...entry('echo', echoHandler) });
    const value = given === 'globex' ? dev.apiKey('globex') : given;
    const response = await fetch(`${dev.url}/items`, { headers: value === undefined ? {} : { 'x-api-key': value } });
    expect(response.status).toBe(403);
    expect(await json(response)).toEqual({ message: 'Forbidden' });
  });

  test('a public operation needs no key', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...entry('echo', echoHandler) });
    expect(await json(await fetch(`${dev.url}/public`))).toEqual({ open: true });
  });

  test('past the plan’s burst a key is throttled: 429 Too Many Requests', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...entry('echo', echoHandler) });
    const headers = { 'x-api-key': dev.apiKey('acme') };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${dev.url}/items`, { headers })).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    const throttled = await fetch(`${dev.url}/items`, { headers });
    expect(throttled.status).toBe(429);
    expect(await json(throttled)).toEqual({ message: 'Too Many Requests' });
  });

  test('past the quota a key gets 429 Limit Exceeded', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...entry('echo', echoHandler) });
    const headers = { 'x-api-key': dev.apiKey('initech') };
    expect((await fetch(`${dev.url}/items`, { headers })).status).toBe(200);
    expect((await fetch(`${dev.url}/items`, { headers })).status).toBe(200);
    const over = await fetch(`${dev.url}/items`, { headers });
    expect(over.status).toBe(429);
    expect(await json(over)).toEqual({ message: 'Limit Exceeded' });
  });

  test('key values are derived from the API and key names: the same on every run', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...entry('echo', echoHandler) });
    const again = devApiKeys(dev.server.app.api);
    expect(again.map((k) => k.value)).toEqual(dev.server.app.apiKeys.map((k) => k.value));
    expect(new Set(again.map((k) => k.value)).size).toBe(3);
  });
});

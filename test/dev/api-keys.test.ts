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

/** Keys read from the Lambda authorizer: its usageIdentifierKey is whatever the caller sent in X-Usage-Key (none when absent). */
const fromAuthorizerSpec = `openapi: 3.0.3
info: {title: Vault, version: '1'}
x-gateway:
  kind: rest
  apiKeySource: authorizer
  stages: {prod: {}}
  usagePlans:
    internal: {throttle: {rate: 1, burst: 1}, apiKeys: [batch]}
security:
  - gate: []
paths:
  /secrets:
    get: {operationId: readSecrets, x-gateway: {lambda: {handler: echo}}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    gate:
      type: apiKey
      in: header
      name: X-Token
      x-gateway:
        lambdaAuthorizer: {handler: gate, type: request, identitySources: [header.X-Token], ttl: 0}
`;

const gate = entry(
  'gate',
  `export const handler = async (event: any) => {
  const key = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'x-usage-key')?.[1];
  return {
    principalId: 'job',
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
    ...(key === undefined ? {} : { usageIdentifierKey: key }),
  };
};`,
);

describe('API keys from the Lambda authorizer (apiKeySource: authorizer)', () => {
  const cases: [string, { given: { usageKey?: 'batch' | 'unknown'; header?: 'batch' }; want: number }][] = [
    ['the authorizer supplies a key of the plan: let through', { given: { usageKey: 'batch' }, want: 200 }],
    ['the authorizer supplies no key: 403', { given: {}, want: 403 }],
    ['the authorizer supplies an unknown key: 403', { given: { usageKey: 'unknown' }, want: 403 }],
    ['a valid key in x-api-key is not read: 403', { given: { header: 'batch' }, want: 403 }],
  ];
  test.each(cases)('%s', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': fromAuthorizerSpec, ...gate, ...entry('echo', echoHandler) });
    const headers: Record<string, string> = { 'X-Token': 't' };
    if (given.usageKey) headers['X-Usage-Key'] = given.usageKey === 'batch' ? dev.apiKey('batch') : 'not-a-key';
    if (given.header) headers['x-api-key'] = dev.apiKey(given.header);
    const response = await fetch(`${dev.url}/secrets`, { headers });
    expect(response.status).toBe(want);
  });

  test('the plan meters the key the authorizer supplies: past its burst, 429', async () => {
    const dev = await startDev({ 'api.yaml': fromAuthorizerSpec, ...gate, ...entry('echo', echoHandler) });
    const headers = { 'X-Token': 't', 'X-Usage-Key': dev.apiKey('batch') };
    const first = await fetch(`${dev.url}/secrets`, { headers });
    expect(first.status).toBe(200);
    const { event } = (await json(first)) as { event: { requestContext: { identity: { apiKey: string } } } };
    expect(event.requestContext.identity.apiKey).toBe(dev.apiKey('batch'));
    expect((await fetch(`${dev.url}/secrets`, { headers })).status).toBe(429);
  });
});

import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { devToken, entry, sharedDev, startDev } from './helpers/dev.js';
import { buildSdkPackage, generateSdkPackage, importSdk } from './helpers/sdk.js';
import { writeFiles } from './helpers/temp.js';

// The generated SDK against the local gateway (gatewright dev) on 127.0.0.1: a usage
// plan's throttle and a stage's THROTTLED response as the SDK's retries meet them, and a
// JWT authorizer's 401 as its token refresh meets it. test/dev/sdk.test.ts covers API
// keys, SigV4 and Cognito being accepted, and the gateway's refusals as errors.

interface Answer {
  readonly status: number;
  readonly data: unknown;
}
interface ApiError extends Error {
  readonly status: number;
  readonly gatewayMessage?: string;
  readonly errorType?: string;
}
type Client = Record<string, (params?: Record<string, unknown>, options?: Record<string, unknown>) => Promise<Answer>>;
type Sdk = Record<string, new (options: Record<string, unknown>) => Client>;

async function sdkOf(spec: string): Promise<Sdk> {
  const dir = generateSdkPackage(path.join(writeFiles({ 'api.yaml': spec }), 'api.yaml'));
  buildSdkPackage(dir);
  return importSdk<Sdk>(dir);
}

/** A fetch that records the status of every attempt the SDK makes. */
function recordingFetch(statuses: number[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
}

const caller = entry(
  'depot',
  `export const handler = async (event: any) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ key: event.requestContext.identity?.apiKeyId ?? null, claims: event.requestContext.authorizer?.jwt?.claims ?? null }),
});`,
);

describe('throttling: the SDK against a REST API with a usage plan', () => {
  // The same operations with and without a THROTTLED gateway response that says Retry-After: one SDK for both.
  const spec = (retryAfter: boolean): string => `openapi: 3.0.3
info: {title: Depot, version: '1'}
x-gateway:
  kind: rest
  stages:
    prod: {throttle: {rate: 1, burst: 1}}
  usagePlans:
    partners: {throttle: {rate: 2, burst: 1}, stages: [prod], apiKeys: [acme]}${retryAfter ? `\n  gatewayResponses:\n    THROTTLED: {statusCode: 429, headers: {Retry-After: "'1'"}}` : ''}
paths:
  /ping:
    get:
      operationId: ping
      security: [{partnerKey: []}]
      x-gateway: {mock: {statusCode: 200, body: {pong: true}}, throttle: {rate: 1000, burst: 1000}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
  /stock:
    get:
      operationId: getStock
      security: [{partnerKey: []}]
      x-gateway: {lambda: {handler: depot}, throttle: {rate: 1000, burst: 1000}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
  /status:
    get:
      operationId: getStatus
      security: []
      x-gateway: {mock: {statusCode: 200, body: {up: true}}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
components:
  securitySchemes:
    partnerKey: {type: apiKey, in: header, name: x-api-key}
`;
  let sdk: Sdk;
  beforeAll(async () => {
    sdk = await sdkOf(spec(false));
  }, 120_000);

  test('past the plan’s burst the key is throttled (429); the jittered backoff outlasts the refill and the call succeeds', async () => {
    const dev = await startDev({ 'api.yaml': spec(false), ...caller });
    const statuses: number[] = [];
    let jitter = 0;
    // The plan's one token comes back after 500 ms; random() = 0.999 makes the first backoff 999 of its 1000 ms ceiling (0 would retry at once, into the empty bucket).
    const random = (): number => (jitter++, 0.999);
    const client = new sdk['DepotClient']!({ baseUrl: dev.url, auth: { partnerKey: dev.apiKey('acme') }, retry: { baseDelayMs: 1000 }, random, fetch: recordingFetch(statuses) });
    expect((await client['ping']!()).data).toEqual({ pong: true });
    expect((await client['getStock']!()).data).toEqual({ key: dev.server.app.apiKeys[0]?.id, claims: null });
    expect(statuses).toEqual([200, 429, 200]);
    expect(jitter).toBe(1);
  });

  test('without retries the 429 is an ApiError with the gateway’s message and error type', async () => {
    const dev = await startDev({ 'api.yaml': spec(false), ...caller });
    const client = new sdk['DepotClient']!({ baseUrl: dev.url, auth: { partnerKey: dev.apiKey('acme') }, retry: false });
    await client['ping']!();
    const error = (await client['getStock']!().catch((e: unknown) => e)) as ApiError;
    expect({ status: error.status, message: error.gatewayMessage, type: error.errorType }).toEqual({ status: 429, message: 'Too Many Requests', type: 'TooManyRequestsException' });
  });

  test('a THROTTLED response that says Retry-After: 1 is waited out, without jitter', async () => {
    const dev = await startDev({ 'api.yaml': spec(true), ...caller });
    const statuses: number[] = [];
    let jitter = 0;
    // A jittered retry would come at once (random() = 0) and meet the stage's empty bucket again.
    const client = new sdk['DepotClient']!({ baseUrl: dev.url, fetch: recordingFetch(statuses), random: () => (jitter++, 0) });
    await client['getStatus']!();
    expect((await client['getStatus']!()).data).toEqual({ up: true });
    expect(statuses).toEqual([200, 429, 200]);
    expect(jitter).toBe(0);
  });
});

describe('JWT: the SDK against an HTTP API’s JWT authorizer', () => {
  const spec = `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
  stages: {$default: {}}
paths:
  /notes:
    get:
      operationId: listNotes
      security: [{oidc: [notes:read]}]
      x-gateway: {lambda: {handler: depot}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
components:
  securitySchemes:
    oidc:
      type: openIdConnect
      openIdConnectUrl: https://id.example.com/.well-known/openid-configuration
      x-gateway: {jwt: {audience: [notes-web]}}
`;
  let sdk: Sdk;
  beforeAll(async () => {
    sdk = await sdkOf(spec);
  }, 120_000);
  const dev = sharedDev({ 'api.yaml': spec, ...caller });

  test('a token is sent as Bearer; its claims reach the handler', async () => {
    const token = await devToken(dev(), 'oidc', { scopes: ['notes:read'], subject: 'reader-1' });
    const answer = await new sdk['NotesClient']!({ baseUrl: dev().url, auth: { oidc: token } })['listNotes']!();
    expect(answer.data).toMatchObject({ claims: { sub: 'reader-1', aud: 'notes-web' } });
  });

  test('an expired token is refused (401); the provider is asked again with forceRefresh and the fresh token is accepted', async () => {
    const stale = await devToken(dev(), 'oidc', { scopes: ['notes:read'], expiresInS: -10 });
    const fresh = await devToken(dev(), 'oidc', { scopes: ['notes:read'], subject: 'refreshed' });
    const asked: boolean[] = [];
    const statuses: number[] = [];
    const provider = ({ forceRefresh }: { forceRefresh: boolean }): string => (asked.push(forceRefresh), forceRefresh ? fresh : stale);
    const answer = await new sdk['NotesClient']!({ baseUrl: dev().url, auth: { oidc: provider }, fetch: recordingFetch(statuses) })['listNotes']!();
    expect(answer.data).toMatchObject({ claims: { sub: 'refreshed' } });
    expect(asked).toEqual([false, true]);
    expect(statuses).toEqual([401, 200]);
  });

  test('a token without the route’s scope is a 403 ApiError, and no refresh is tried', async () => {
    const token = await devToken(dev(), 'oidc', { scopes: ['notes:write'] });
    const asked: boolean[] = [];
    const error = (await new sdk['NotesClient']!({ baseUrl: dev().url, auth: { oidc: ({ forceRefresh }: { forceRefresh: boolean }) => (asked.push(forceRefresh), token) } })
      ['listNotes']!()
      .catch((e: unknown) => e)) as ApiError;
    expect({ status: error.status, message: error.gatewayMessage }).toEqual({ status: 403, message: 'Forbidden' });
    expect(asked).toEqual([false]);
  });
});

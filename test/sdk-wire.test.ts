import fs from 'node:fs';
import path from 'node:path';
import { AwsV4Signer } from 'aws4fetch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from './helpers/diagnostics.js';
import { buildSdkPackage, generateSdkPackage, importSdk, json, startRecordingServer, type RecordedRequest, type Reply } from './helpers/sdk.js';

// The generated SDK of test/fixtures/sdk-wire.yaml, run over real HTTP against a server
// on 127.0.0.1 that records what arrives. Expected wire forms come from the OpenAPI
// style table, written out by hand.

type Call = (params?: Record<string, unknown>, options?: Record<string, unknown>) => Promise<{ ok: boolean; status: number; data: unknown; headers: Headers; error?: SdkError }>;
interface SdkError extends Error {
  status: number;
  body: unknown;
  requestId?: string;
  errorType?: string;
  gatewayMessage?: string;
  scope?: string;
}
type Client = Record<string, Call> & { paginate: Record<string, (params?: Record<string, unknown>, options?: Record<string, unknown>) => AsyncIterable<unknown>> };
interface Sdk {
  WireClient: new (options: Record<string, unknown>) => Client;
  ApiError: new (...args: never[]) => SdkError;
  NetworkError: new (...args: never[]) => Error;
  TimeoutError: new (...args: never[]) => SdkError;
  ConfigurationError: new (...args: never[]) => Error;
  signRequest: (request: { method: string; url: string; headers: Headers; body?: string }, iam: unknown, now: Date) => Promise<Headers>;
}

const spec = path.join(repoRoot, 'test/fixtures/sdk-wire.yaml');
let sdk: Sdk;
let resultSdk: Sdk;
let server: Awaited<ReturnType<typeof startRecordingServer>>;
let reply: (request: RecordedRequest, index: number) => Reply = () => ({ status: 204 });

beforeAll(async () => {
  const dir = generateSdkPackage(spec);
  buildSdkPackage(dir);
  sdk = await importSdk<Sdk>(dir);
  const resultDir = generateSdkPackage(spec, { errors: 'result' });
  buildSdkPackage(resultDir);
  resultSdk = await importSdk<Sdk>(resultDir);
  server = await startRecordingServer((request, index) => reply(request, index));
});
afterAll(async () => {
  await server.close();
});

function client(options: Record<string, unknown> = {}, from: Sdk = sdk): Client {
  return new from.WireClient({ baseUrl: `${server.url}/prod`, random: () => 0, ...options });
}

async function lastRequestOf(call: () => Promise<unknown>): Promise<RecordedRequest> {
  const before = server.requests.length;
  reply = () => ({ status: 204 });
  await call();
  expect(server.requests.length).toBe(before + 1);
  return server.requests[server.requests.length - 1] as RecordedRequest;
}

describe('parameter styles on the wire', () => {
  test.each([
    ['path simple: primitive, array, object, exploded object', { given: ['pathSimple', { id: 'a b', ids: [1, 2, 3], obj: { R: 100, G: 200 }, objx: { R: 100, G: 200 } }], want: '/prod/simple/a%20b/1,2,3/R,100,G,200/R=100,G=200' }],
    ['path label', { given: ['pathLabel', { id: 'x', ids: ['a', 'b'], obj: { R: 1, G: 2 } }], want: '/prod/label/.x/.a.b/.R,1,G,2' }],
    ['path matrix', { given: ['pathMatrix', { id: 'x', ids: ['a', 'b'], obj: { R: 1, G: 2 } }], want: '/prod/matrix/;id=x/;ids=a;ids=b/;R=1;G=2' }],
    ['query form primitive, percent-encoded', { given: ['queryStyles', { q: 'a&b=c d' }], want: '/prod/query?q=a%26b%3Dc%20d' }],
    ['query form array, exploded', { given: ['queryStyles', { tags: ['a', 'b'] }], want: '/prod/query?tags=a&tags=b' }],
    ['query form array, not exploded', { given: ['queryStyles', { csv: ['a', 'b,c'] }], want: '/prod/query?csv=a,b%2Cc' }],
    ['query form object, exploded', { given: ['queryStyles', { point: { x: 1, y: 2 } }], want: '/prod/query?x=1&y=2' }],
    ['query form object, not exploded', { given: ['queryStyles', { pointFlat: { x: 1, y: 2 } }], want: '/prod/query?pointFlat=x,1,y,2' }],
    ['query spaceDelimited', { given: ['queryStyles', { spaced: ['a', 'b'] }], want: '/prod/query?spaced=a%20b' }],
    ['query pipeDelimited', { given: ['queryStyles', { piped: ['a', 'b'] }], want: '/prod/query?piped=a%7Cb' }],
    ['query deepObject, nested', { given: ['queryStyles', { filter: { color: 'red', size: { min: 1 } } }], want: '/prod/query?filter[color]=red&filter[size][min]=1' }],
    ['query allowReserved', { given: ['queryStyles', { raw: 'a/b:c?d&e' }], want: '/prod/query?raw=a/b:c?d%26e' }],
    ['query content (JSON)', { given: ['queryStyles', { json: { a: 1 } }], want: '/prod/query?json=%7B%22a%22%3A1%7D' }],
    ['query parameters in spec order, undefined ones left out', { given: ['queryStyles', { tags: ['t'], q: 'x', csv: undefined }], want: '/prod/query?q=x&tags=t' }],
  ])('%s', async (_name, { given: [operation, params], want }) => {
    const request = await lastRequestOf(() => (client()[operation as string] as Call)(params as Record<string, unknown>));
    expect(request.method).toBe('GET');
    expect(request.url).toBe(want);
  });

  test('headers (simple) and cookies (form)', async () => {
    const request = await lastRequestOf(() => client().headerStyles({ 'X-Ids': [1, 2], 'X-Obj': { a: 1, b: 2 }, session: 'abc', prefs: ['x', 'y'] }));
    expect(request.headers['x-ids']).toBe('1,2');
    expect(request.headers['x-obj']).toBe('a=1,b=2');
    expect(request.headers['cookie']).toBe('session=abc; prefs=x,y');
  });
});

describe('bodies', () => {
  test('JSON by default, and the body answered back', async () => {
    reply = (request) => json(200, { echoed: JSON.parse(request.body.toString()) });
    const answer = await client().postJson({ body: { a: 1, b: [true] } });
    const request = server.requests.at(-1) as RecordedRequest;
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body.toString()).toBe('{"a":1,"b":[true]}');
    expect(answer.data).toEqual({ echoed: { a: 1, b: [true] } });
  });

  test('application/x-www-form-urlencoded with a property encoding', async () => {
    const request = await lastRequestOf(() => client().postJson({ body: { name: 'a b', tags: ['x', 'y'] }, contentType: 'application/x-www-form-urlencoded' }));
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.body.toString()).toBe('name=a%20b&tags=x,y');
  });

  test('multipart/form-data: text, JSON and a binary part with its content type', async () => {
    const request = await lastRequestOf(() => client().postMultipart({ body: { name: 'n', meta: { k: 1 }, file: new Blob([new Uint8Array([137, 80, 78, 71])]) } }));
    const contentType = String(request.headers['content-type']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(request.body, { headers: { 'content-type': contentType } }).formData();
    expect(form.get('name')).toBe('n');
    const meta = form.get('meta') as Blob;
    expect(meta.type).toBe('application/json');
    expect(JSON.parse(await meta.text())).toEqual({ k: 1 });
    const file = form.get('file') as Blob;
    expect(file.type).toBe('image/png');
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([137, 80, 78, 71]);
  });

  test('binary request and response bodies', async () => {
    const bytes = new Uint8Array([0, 1, 2, 254, 255]);
    reply = (request) => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: request.body });
    const answer = await client().putBinary({ name: 'f.bin', body: bytes });
    const request = server.requests.at(-1) as RecordedRequest;
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('/prod/bodies/binary/f.bin');
    expect(request.headers['content-type']).toBe('application/octet-stream');
    expect([...request.body]).toEqual([...bytes]);
    expect(answer.data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (answer.data as Blob).arrayBuffer())]).toEqual([...bytes]);
  });
});

describe('typed errors', () => {
  test('an ApiError with status, decoded body, request id and the gateway message', async () => {
    reply = () => json(404, { message: 'No such thing' }, { 'x-amzn-RequestId': 'req-404' });
    const error = (await client({ auth: { key: 'k' } })
      .keyed()
      .catch((e: unknown) => e)) as SdkError;
    expect(error).toBeInstanceOf(sdk.ApiError);
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ message: 'No such thing' });
    expect(error.requestId).toBe('req-404');
    expect(error.gatewayMessage).toBe('No such thing');
  });

  test("IAM denials (`Message`, x-amzn-ErrorType) and HTTP APIs' apigw-requestid", async () => {
    reply = () => json(403, { Message: 'User: arn:aws:iam::1:user/x is not authorized' }, { 'x-amzn-ErrorType': 'AccessDeniedException:http://internal', 'apigw-requestid': 'abc=' });
    const error = (await client({ auth: { key: 'k' } })
      .keyed()
      .catch((e: unknown) => e)) as SdkError;
    expect(error.status).toBe(403);
    expect(error.errorType).toBe('AccessDeniedException');
    expect(error.requestId).toBe('abc=');
    expect(error.gatewayMessage).toMatch(/is not authorized/);
  });

  test('result mode returns { ok: false, error } instead of throwing', async () => {
    reply = () => json(404, { message: 'gone' });
    const answer = await client({ auth: { key: 'k' } }, resultSdk).keyed();
    expect(answer.ok).toBe(false);
    expect(answer.error).toBeInstanceOf(resultSdk.ApiError);
    expect(answer.error?.status).toBe(404);
    reply = () => json(200, { fine: true });
    const fine = await client({ auth: { key: 'k' } }, resultSdk).keyed();
    expect(fine).toMatchObject({ ok: true, status: 200, data: { fine: true } });
  });
});

describe('auth', () => {
  test('an API key goes in x-api-key; a provider is called per call', async () => {
    let calls = 0;
    const request = await lastRequestOf(() =>
      client({
        auth: {
          key: () => {
            calls++;
            return 'key-123';
          },
        },
      }).keyed(),
    );
    expect(request.headers['x-api-key']).toBe('key-123');
    expect(calls).toBe(1);
  });

  test('a Cognito token is sent as Bearer and refreshed once on 401', async () => {
    const asked: boolean[] = [];
    reply = (_request, index) => (index === server.requests.length - 1 && asked.length === 1 ? json(401, { message: 'Unauthorized' }) : { status: 200 });
    const answer = await client({
      auth: {
        pool: ({ forceRefresh }: { forceRefresh: boolean }) => {
          asked.push(forceRefresh);
          return forceRefresh ? 'fresh' : 'stale';
        },
      },
    }).pooled();
    expect(answer.status).toBe(200);
    expect(asked).toEqual([false, true]);
    expect(server.requests.slice(-2).map((r) => r.headers['authorization'])).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  test('a 401 after the refresh is the answer (no loop)', async () => {
    reply = () => json(401, { message: 'Unauthorized' });
    const before = server.requests.length;
    const error = (await client({ auth: { pool: () => 't' } })
      .pooled()
      .catch((e: unknown) => e)) as SdkError;
    expect(error.status).toBe(401);
    expect(server.requests.length - before).toBe(2);
  });

  test('missing credentials are a ConfigurationError before anything is sent', async () => {
    const before = server.requests.length;
    await expect(client().keyed()).rejects.toBeInstanceOf(sdk.ConfigurationError);
    expect(server.requests.length).toBe(before);
  });
});

describe('SigV4', () => {
  const suite = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/sigv4-test-suite.json'), 'utf8')) as {
    credentials: { accessKeyId: string; secretAccessKey: string };
    region: string;
    service: string;
    date: string;
    vectors: { name: string; method: string; url: string; headers: Record<string, string>; body?: string; sessionToken?: string; authorization: string }[];
  };

  test.each(suite.vectors.map((v) => [v.name, v] as const))('AWS test vector %s', async (_name, vector) => {
    const headers = await sdk.signRequest(
      { method: vector.method, url: vector.url, headers: new Headers(vector.headers), ...(vector.body !== undefined ? { body: vector.body } : {}) },
      { credentials: { ...suite.credentials, ...(vector.sessionToken ? { sessionToken: vector.sessionToken } : {}) }, region: suite.region, service: suite.service },
      new Date(suite.date),
    );
    expect(headers.get('authorization')).toBe(vector.authorization);
  });

  /** Recomputes the signature of a request as it arrived, over the headers it says it signed. */
  async function verifies(request: RecordedRequest, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<boolean> {
    const authorization = String(request.headers['authorization']);
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
    const headers = new Headers();
    for (const name of signedHeaders) if (name !== 'host') headers.set(name, String(request.headers[name]));
    const signer = new AwsV4Signer({
      method: request.method,
      url: `http://${String(request.headers['host'])}${request.url}`,
      headers,
      body: request.body.length > 0 ? new Uint8Array(request.body) : '',
      ...credentials,
      service: 'execute-api',
      region: 'eu-west-1',
      datetime: String(request.headers['x-amz-date']),
      allHeaders: true,
    });
    return (await signer.authHeader()) === authorization;
  }

  test('a signed call verifies on arrival (path, query, JSON body, content type); each retry is signed anew', async () => {
    const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
    let clock = Date.parse('2024-05-01T10:00:00Z');
    const before = server.requests.length;
    reply = (_request, index) => (index === before ? { status: 503 } : { status: 200 });
    const answer = await client({
      auth: { iam: { credentials: async () => credentials, region: 'eu-west-1' } },
      now: () => new Date((clock += 1000)),
    }).signed({ name: 'a b', q: ['x', 'y'], body: { hello: 'wörld' } }, { retry: { retryNonIdempotent: true } });
    expect(answer.status).toBe(200);
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request.url).toBe('/prod/signed/a%20b?q=x&q=y');
      expect(String(request.headers['authorization'])).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[^,]*content-type;host/);
      expect(await verifies(request, credentials)).toBe(true);
      expect(await verifies(request, { ...credentials, secretAccessKey: 'other' })).toBe(false);
    }
    const dates = sent.map((r) => r.headers['x-amz-date']);
    expect(new Set(dates).size).toBe(dates.length);
  });

  test('without a region or an execute-api host, signing is a ConfigurationError', async () => {
    await expect(client({ auth: { iam: { credentials: { accessKeyId: 'a', secretAccessKey: 'b' } } } }).signed({ name: 'x', body: {} })).rejects.toBeInstanceOf(sdk.ConfigurationError);
  });
});

describe('retries, timeouts and the deadline', () => {
  function counting(): { random: () => number; calls: number[] } {
    const state = { calls: [] as number[], random: () => 0 };
    state.random = () => {
      state.calls.push(1);
      return 0;
    };
    return state;
  }

  test('429 with Retry-After is waited out, without jitter', async () => {
    const jitter = counting();
    const before = server.requests.length;
    reply = (_r, index) => (index === before ? json(429, { message: 'Too Many Requests' }, { 'retry-after': '0' }) : json(200, { ok: 1 }));
    const answer = await client({ auth: { key: 'k' }, random: jitter.random }).keyed();
    expect(answer.status).toBe(200);
    expect(server.requests.length - before).toBe(2);
    expect(jitter.calls).toHaveLength(0);
  });

  test('429 without Retry-After (the usual throttle) backs off with jitter until attempts run out', async () => {
    const jitter = counting();
    const before = server.requests.length;
    reply = () => json(429, { message: 'Too Many Requests' }, { 'x-amzn-RequestId': 'throttled' });
    const error = (await client({ auth: { key: 'k' }, random: jitter.random })
      .keyed()
      .catch((e: unknown) => e)) as SdkError;
    expect(error.status).toBe(429);
    expect(error.requestId).toBe('throttled');
    expect(server.requests.length - before).toBe(3);
    expect(jitter.calls).toHaveLength(2);
  });

  test('a Retry-After beyond the cap ends the retries', async () => {
    const before = server.requests.length;
    reply = () => json(429, { message: 'Slow down' }, { 'retry-after': '120' });
    const error = (await client({ auth: { key: 'k' } })
      .keyed()
      .catch((e: unknown) => e)) as SdkError;
    expect(error.status).toBe(429);
    expect(server.requests.length - before).toBe(1);
  });

  test.each([
    ['503 then success (GET)', { given: { operation: 'keyed', statuses: [503, 200], options: {} }, want: { requests: 2, status: 200 } }],
    ['502 and 504 then success', { given: { operation: 'keyed', statuses: [502, 504, 200], options: {} }, want: { requests: 3, status: 200 } }],
    ['500 is not retried', { given: { operation: 'keyed', statuses: [500, 200], options: {} }, want: { requests: 1, status: 500 } }],
    ['POST is not retried by default', { given: { operation: 'keyedCreate', statuses: [503, 201], options: {} }, want: { requests: 1, status: 503 } }],
    ['POST is retried when the caller opts in', { given: { operation: 'keyedCreate', statuses: [503, 201], options: { retry: { retryNonIdempotent: true } } }, want: { requests: 2, status: 201 } }],
    ['retry: false sends once', { given: { operation: 'keyed', statuses: [503, 200], options: { retry: false } }, want: { requests: 1, status: 503 } }],
  ])('%s', async (_name, { given, want }) => {
    const before = server.requests.length;
    reply = (_r, index) => ({ status: given.statuses[Math.min(index - before, given.statuses.length - 1)] as number });
    const outcome = await (client({ auth: { key: 'k' } })[given.operation] as Call)({}, given.options).then(
      (a) => a.status,
      (e: SdkError) => e.status,
    );
    expect(outcome).toBe(want.status);
    expect(server.requests.length - before).toBe(want.requests);
  });

  test('an attempt that takes too long is a TimeoutError, and is retried', async () => {
    const before = server.requests.length;
    reply = (_r, index) => (index === before ? { status: 200, delayMs: 2000 } : json(200, { late: false }));
    const answer = await client({ auth: { key: 'k' }, timeoutMs: 200 }).keyed();
    expect(answer.data).toEqual({ late: false });
    expect(server.requests.length - before).toBe(2);

    reply = () => ({ status: 200, delayMs: 2000 });
    const error = (await client({ auth: { key: 'k' }, timeoutMs: 100, retry: false })
      .keyed()
      .catch((e: unknown) => e)) as SdkError;
    expect(error).toBeInstanceOf(sdk.TimeoutError);
    expect(error.scope).toBe('attempt');
  });

  test('the attempt timeout covers reading the body', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}', bodyDelayMs: 2000 });
    const error = (await client({ auth: { key: 'k' }, timeoutMs: 150, retry: false })
      .keyed()
      .catch((e: unknown) => e)) as SdkError;
    expect(error).toBeInstanceOf(sdk.TimeoutError);
    expect(error.scope).toBe('attempt');
  });

  test('the deadline bounds the whole call, retries included', async () => {
    reply = () => ({ status: 200, delayMs: 2000 });
    const error = (await client({ auth: { key: 'k' }, timeoutMs: 150, deadlineMs: 400, retry: { maxAttempts: 10 } })
      .keyed()
      .catch((e: unknown) => e)) as SdkError;
    expect(error).toBeInstanceOf(sdk.TimeoutError);
    expect(error.scope).toBe('deadline');
  });

  test("the caller's AbortSignal aborts a wait between attempts", async () => {
    reply = () => json(429, { message: 'Too Many Requests' }, { 'retry-after': '10' });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const pending = client({ auth: { key: 'k' } })
      .keyed({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(reason), 100);
    expect(await pending).toBe(reason);
  });

  test('network errors are NetworkErrors, retried for idempotent calls', async () => {
    const closed = await startRecordingServer(() => ({ status: 200 }));
    const url = closed.url;
    await closed.close();
    let attempts = 0;
    const error = await new sdk.WireClient({
      baseUrl: url,
      random: () => 0,
      auth: { key: 'k' },
      fetch: (input: string, init: RequestInit) => {
        attempts++;
        return fetch(input, init);
      },
    })
      .keyed()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.NetworkError);
    expect(attempts).toBe(3);
  });
});

describe('pagination', () => {
  test('a cursor from the body walks every page', async () => {
    const pages: Record<string, unknown> = { '': { items: [1, 2], next: 'c2' }, c2: { items: [3], next: 'c3' }, c3: { items: [], next: null } };
    reply = (request) => json(200, pages[new URL(request.url, 'http://x').searchParams.get('cursor') ?? '']);
    const seen: unknown[] = [];
    for await (const item of client().paginate['listItems']!()) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
  });
});

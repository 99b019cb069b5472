/**
 * One call of an operation: build the request from the spec's description of it, then
 * send it with the gateway's failure modes in mind. API Gateway throttles with 429
 * (usually without Retry-After) and answers 502/503/504 when an integration fails or
 * times out, so those are retried with exponential backoff and full jitter, for
 * idempotent methods unless the caller opts in. Every attempt has its own timeout,
 * which covers reading the body, and the whole call a deadline, waits included.
 */
import { applyAuth, type IamAuth, type RequestToSign, type SchemeSpec } from './auth.js';
import { ApiError, ConfigurationError, NetworkError, ResponseDecodeError, TimeoutError } from './errors.js';
import { cookiePairs, encodeBody, headerValue, pathSegment, queryPairs, type BodyMediaSpec, type EncodedBody, type ParameterSpec } from './serialize.js';

export type ResponseKind = 'json' | 'text' | 'binary' | 'empty';

export interface PaginationSpec {
  /** The parameter (by its wire name) that carries the cursor, page or offset. */
  readonly param: string;
  readonly style: 'cursor' | 'page' | 'offset';
  readonly nextPointer?: string;
  readonly nextHeader?: string;
  readonly itemsPointer: string;
}

/** The spec's description of one operation, as data. */
export interface OperationSpec {
  /** The SDK's name for it, used in error messages. */
  readonly id: string;
  /** `ANY` takes the method from the `method` parameter (default GET). */
  readonly method: string;
  /** The path as the spec writes it, with `{name}` templates. */
  readonly path: string;
  readonly params: readonly ParameterSpec[];
  readonly body?: { readonly required: boolean; readonly media: readonly BodyMediaSpec[] };
  /** Alternatives (OR) of scheme names that must all be satisfied (AND); empty for public operations. */
  readonly security: readonly (readonly string[])[];
  /** By status (`200`, `4XX`, `default`): how to decode the body. */
  readonly responses: Readonly<Record<string, ResponseKind>>;
  /** What to put in `Accept`. */
  readonly accept?: string;
  readonly pagination?: PaginationSpec;
}

export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  readonly maxAttempts?: number;
  /** The first backoff ceiling; it doubles each retry. Default 100 ms. */
  readonly baseDelayMs?: number;
  /** The largest backoff ceiling. Default 5000 ms. */
  readonly maxDelayMs?: number;
  /** A `Retry-After` longer than this ends the retries instead of being waited out. Default 20000 ms. */
  readonly maxRetryAfterMs?: number;
  /** Retry POST and PATCH too (e.g. when the operation takes an idempotency key). Default false. */
  readonly retryNonIdempotent?: boolean;
  /** Statuses worth another attempt. Default 429, 502, 503, 504. */
  readonly statuses?: readonly number[];
}

export interface CallOptions {
  /** Aborts the call, waits between attempts included. */
  readonly signal?: AbortSignal;
  /** Per attempt, reading the body included. */
  readonly timeoutMs?: number;
  /** For the whole call, retries and waits included. */
  readonly deadlineMs?: number;
  /** `false` sends once. */
  readonly retry?: RetryOptions | false;
  /** Extra headers for this call. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ClientOptions<Auth extends object = object> {
  /** Where the API is, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/prod`. */
  readonly baseUrl?: string;
  readonly auth?: Auth;
  /** Defaults to the global `fetch`; inject one for tests or instrumentation. */
  readonly fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Sent with every call. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly retry?: RetryOptions | false;
  /** Per attempt; default 30000 ms, the longest integration timeout API Gateway allows without a quota increase (HTTP APIs; REST and WebSocket 29 s). */
  readonly timeoutMs?: number;
  /** Per call; default 90000 ms. */
  readonly deadlineMs?: number;
  /** For jitter; default `Math.random`. */
  readonly random?: () => number;
  /** For signing dates and `Retry-After` dates; default the system clock. */
  readonly now?: () => Date;
}

/** A 2xx answer, decoded. */
export interface Success<Status extends number = number, Data = unknown> {
  readonly ok: true;
  readonly status: Status;
  readonly data: Data;
  readonly headers: Headers;
}

export interface Failure<E> {
  readonly ok: false;
  readonly error: E;
}

export type Outcome = Success | Failure<ApiError>;

export type Signer = (request: RequestToSign, iam: IamAuth, now: Date) => Promise<Headers>;

/** What the generated client holds: its options and the API's schemes. */
export interface ClientContext {
  readonly options: ClientOptions;
  readonly baseUrl: string;
  readonly schemes: Readonly<Record<string, SchemeSpec>>;
  readonly signer?: Signer;
}

const defaultRetry: Required<RetryOptions> = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000, maxRetryAfterMs: 20_000, retryNonIdempotent: false, statuses: [429, 502, 503, 504] };
const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

export function createContext(options: ClientOptions, defaultBaseUrl: string | undefined, schemes: Readonly<Record<string, SchemeSpec>>, signer?: Signer): ClientContext {
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  if (baseUrl === undefined) throw new ConfigurationError('The client needs a baseUrl: the spec names no absolute server URL.');
  return { options, baseUrl: baseUrl.replace(/\/+$/, ''), schemes, ...(signer ? { signer } : {}) };
}

/** Sends one call; HTTP errors come back as `Failure`, everything else is thrown. */
export async function send(ctx: ClientContext, op: OperationSpec, params: object | undefined, call: CallOptions = {}): Promise<Outcome> {
  const options = ctx.options;
  const given = (params ?? {}) as Readonly<Record<string, unknown>>;
  const method = op.method === 'ANY' ? String(given['method'] ?? 'GET').toUpperCase() : op.method;
  const retry: Required<RetryOptions> | undefined = call.retry === false || (call.retry === undefined && options.retry === false) ? undefined : { ...defaultRetry, ...(options.retry || {}), ...(call.retry || {}) };
  const maxAttempts = retry === undefined ? 1 : Math.max(1, retry.maxAttempts);
  const retriesAllowed = retry !== undefined && (idempotentMethods.has(method) || retry.retryNonIdempotent);
  // gatewright's integrationTimeoutMs (src/ir/apigateway-limits.ts); a test keeps them equal.
  const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 30_000;
  const deadlineMs = call.deadlineMs ?? options.deadlineMs ?? 90_000;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));

  const { url, headers: baseHeaders } = buildRequest(ctx, op, given, call);
  const body = await bodyFor(op, given, ctx.signer !== undefined);
  const deadline = new AbortController();
  const deadlineAt = Date.now() + deadlineMs;
  const deadlineTimer = setTimeout(() => deadline.abort(new TimeoutError(op.id, 'deadline', deadlineMs)), deadlineMs);
  const callSignal = anySignal([call.signal, deadline.signal]);
  let refreshed = false;
  try {
    for (let attempt = 1; ; attempt++) {
      callSignal.signal.throwIfAborted();
      const auth = await applyAuth(op.id, op.security, ctx.schemes, (options.auth ?? {}) as Readonly<Record<string, unknown>>, refreshed);
      const headers = new Headers(baseHeaders);
      if (body?.contentType !== undefined) headers.set('content-type', body.contentType);
      for (const [name, value] of auth.headers) headers.set(name, value);
      const attemptUrl = auth.query.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}${auth.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
      let sendHeaders = headers;
      if (auth.iam !== undefined) {
        if (ctx.signer === undefined) throw new ConfigurationError(`${op.id} is signed with SigV4, but this SDK was generated without a signer.`);
        sendHeaders = await ctx.signer({ method, url: attemptUrl, headers, ...(body ? { body: body.body as string | ArrayBuffer | Uint8Array } : {}) }, auth.iam, now());
      }

      let outcome: Outcome;
      try {
        outcome = await attemptOnce(fetchImpl, op, method, attemptUrl, sendHeaders, body, timeoutMs, callSignal.signal);
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        if (deadline.signal.aborted) throw deadline.signal.reason;
        if (error instanceof ResponseDecodeError || error instanceof ConfigurationError) throw error;
        const failure = error instanceof TimeoutError ? error : new NetworkError(op.id, error);
        const wait = retriesAllowed && attempt < maxAttempts ? backoff(retry, attempt, random) : undefined;
        if (wait === undefined || Date.now() + wait > deadlineAt) throw failure;
        await sleep(wait, callSignal.signal);
        continue;
      }
      if (outcome.ok) return outcome;
      const status = outcome.error.status;
      if (status === 401 && auth.refreshable && !refreshed) {
        refreshed = true;
        continue;
      }
      if (!retriesAllowed || attempt >= maxAttempts || !retry.statuses.includes(status)) return outcome;
      const retryAfter = retryAfterMs(outcome.error.headers.get('retry-after'), now());
      if (retryAfter !== undefined && retryAfter > retry.maxRetryAfterMs) return outcome;
      const wait = retryAfter ?? backoff(retry, attempt, random);
      if (Date.now() + wait > deadlineAt) return outcome;
      await sleep(wait, callSignal.signal).catch((error: unknown) => {
        throw call.signal?.aborted ? call.signal.reason : deadline.signal.aborted ? deadline.signal.reason : error;
      });
    }
  } finally {
    clearTimeout(deadlineTimer);
    callSignal.dispose();
  }
}

function buildRequest(ctx: ClientContext, op: OperationSpec, params: Readonly<Record<string, unknown>>, call: CallOptions): { url: string; headers: Headers } {
  let path = op.path;
  const query: string[] = [];
  const cookies: string[] = [];
  const headers = new Headers(ctx.options.headers);
  if (op.accept !== undefined) headers.set('accept', op.accept);
  for (const parameter of op.params) {
    const value = params[parameter.key ?? parameter.name];
    if (value === undefined) continue;
    switch (parameter.in) {
      case 'path':
        path = path.replace(new RegExp(`\\{${escapeRegExp(parameter.name)}\\+?\\}`), () => pathSegment(parameter, value));
        break;
      case 'query':
        query.push(...queryPairs(parameter, value));
        break;
      case 'header':
        headers.set(parameter.name, headerValue(parameter, value));
        break;
      case 'cookie':
        cookies.push(...cookiePairs(parameter, value));
        break;
    }
  }
  if (/\{[^}]+\}/.test(path)) throw new ConfigurationError(`${op.id}: the path parameter(s) ${path.match(/\{[^}]+\}/g)?.join(', ')} have no value.`);
  if (cookies.length > 0) headers.set('cookie', cookies.join('; '));
  for (const [name, value] of Object.entries(call.headers ?? {})) headers.set(name, value);
  return { url: ctx.baseUrl + path + (query.length > 0 ? `?${query.join('&')}` : ''), headers };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The body, encoded once so that every attempt sends the same bytes. SigV4 hashes the
 * payload, so a signed request's multipart or Blob body is turned into bytes first.
 */
async function bodyFor(op: OperationSpec, params: Readonly<Record<string, unknown>>, signing: boolean): Promise<EncodedBody | undefined> {
  const value = params['body'];
  if (op.body === undefined || value === undefined) return undefined;
  const wanted = params['contentType'];
  const media = op.body.media.find((m) => m.type === wanted) ?? op.body.media[0];
  if (media === undefined) return undefined;
  const encoded = encodeBody(media, value);
  if (!signing || typeof encoded.body === 'string' || encoded.body instanceof ArrayBuffer || encoded.body instanceof Uint8Array) return encoded;
  const materialised = new Response(encoded.body);
  const contentType = encoded.contentType ?? materialised.headers.get('content-type') ?? undefined;
  return { body: new Uint8Array(await materialised.arrayBuffer()), ...(contentType !== undefined ? { contentType } : {}) };
}

async function attemptOnce(
  fetchImpl: NonNullable<ClientOptions['fetch']>,
  op: OperationSpec,
  method: string,
  url: string,
  headers: Headers,
  body: EncodedBody | undefined,
  timeoutMs: number,
  callSignal: AbortSignal,
): Promise<Outcome> {
  const attempt = new AbortController();
  const timer = setTimeout(() => attempt.abort(new TimeoutError(op.id, 'attempt', timeoutMs)), timeoutMs);
  const signal = anySignal([callSignal, attempt.signal]);
  try {
    const response = await fetchImpl(url, { method, headers, ...(body ? { body: body.body as BodyInit } : {}), signal: signal.signal });
    const kind = kindFor(op, response);
    if (response.ok) {
      return { ok: true, status: response.status, data: await decode(response, kind, op, true), headers: response.headers };
    }
    const errorBody = await decode(response, kind, op, false);
    return { ok: false, error: new ApiError(op.id, response.status, errorBody, response.headers) };
  } catch (error) {
    if (attempt.signal.aborted && !callSignal.aborted) throw attempt.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    signal.dispose();
  }
}

/** The declared kind for the status (exact, then `4XX`, then `default`), else what the Content-Type says. */
function kindFor(op: OperationSpec, response: Response): ResponseKind | undefined {
  const status = String(response.status);
  return op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses['default'];
}

async function decode(response: Response, declared: ResponseKind | undefined, op: OperationSpec, success: boolean): Promise<unknown> {
  const contentType = response.headers.get('content-type') ?? '';
  const jsonAnswer = /[/+]json\b/i.test(contentType);
  // An error the gateway itself produced (throttling, auth) is JSON whatever the spec declares.
  const kind = !success && jsonAnswer ? 'json' : (declared ?? (jsonAnswer ? 'json' : contentType.startsWith('text/') ? 'text' : 'binary'));
  if (kind === 'binary') {
    const blob = await response.blob();
    return blob.size === 0 && declared === undefined ? undefined : blob;
  }
  const text = await response.text();
  if (kind === 'empty') return undefined;
  if (kind === 'text') return text;
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (success) throw new ResponseDecodeError(op.id, response.status, response.headers, error);
    return text;
  }
}

/** Full jitter: a random wait between 0 and the exponential ceiling. */
function backoff(retry: Required<RetryOptions>, attempt: number, random: () => number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Like `AbortSignal.any`, which older browsers lack, with listeners removed when done. */
function anySignal(signals: readonly (AbortSignal | undefined)[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  const listeners: (() => void)[] = [];
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    listeners.push(() => signal.removeEventListener('abort', onAbort));
  }
  return { signal: controller.signal, dispose: () => listeners.forEach((remove) => remove()) };
}

/** Throw mode: the success, or the `ApiError` thrown. */
export async function orThrow(outcome: Promise<Outcome>): Promise<Success> {
  const settled = await outcome;
  if (!settled.ok) throw settled.error;
  return settled;
}

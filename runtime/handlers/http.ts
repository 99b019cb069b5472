/**
 * The Lambda entry point of a handler that serves operations of a REST API (proxy
 * integration, payload format 1.0) or an HTTP API (payload format 2.0): it finds the
 * operation, turns the event into the typed request (answering 400 with every problem
 * when it does not match the spec), calls the implementation and turns its typed
 * response into what API Gateway expects.
 */
import { Buffer } from 'node:buffer';
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2, APIGatewayProxyResult, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { readAuth } from './auth.js';
import { readBody, UnsupportedMediaType, writeBody } from './body.js';
import { readParameters, setOwn, type RawParameters } from './parameters.js';
import { badRequestBody, type Problem } from './problems.js';
import type { CorsSpec, HttpApiSpec, OperationSpec, ResponseSpec } from './spec.js';
import type { HandlerContext } from './types.js';

export type HttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyResult & APIGatewayProxyStructuredResultV2;

/** The typed response an implementation returns, seen loosely. */
interface AnyResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly contentType?: string;
  readonly body?: unknown;
  readonly cookies?: readonly string[];
}

/** The implementations of a handler's operations, by route id, seen loosely. */
export type Implementations = { readonly [operationId: string]: unknown };
type Implementation = (request: unknown, context: HandlerContext<HttpEvent>) => Promise<AnyResponse>;

/** The event after normalising 1.0 and 2.0 payloads. */
interface Incoming {
  readonly version: '1.0' | '2.0';
  readonly method: string;
  /** The route API Gateway matched: `GET /orders/{id}`. */
  readonly routeKey: string;
  readonly rawPath: string;
  readonly gatewayParameters: Readonly<Record<string, string | undefined>>;
  readonly query: Map<string, string[]>;
  readonly headers: Map<string, string[]>;
  readonly cookies: Map<string, string>;
  readonly body: Buffer | undefined;
  readonly requestId: string;
  readonly stage: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly requestContext: Record<string, unknown> | undefined;
}

export function httpHandler(implementations: object, api: HttpApiSpec): (event: HttpEvent, lambda: Context) => Promise<HttpResult> {
  const byRoute = new Map<string, OperationSpec[]>();
  for (const operation of api.operations) {
    const key = `${operation.method} ${operation.gatewayPath}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), operation]);
  }
  const templates = api.operations.map((operation) => ({ operation, pattern: pathPattern(operation.path) }));

  return async (event, lambda) => {
    const incoming = normalise(event);
    const cors = api.cors && corsRequest(api.cors, incoming);
    const answer = (status: number, body: unknown): HttpResult => finish(incoming.version, status, { 'content-type': 'application/json' }, JSON.stringify(body), false, [], cors);

    const found = findOperation(byRoute, templates, incoming);
    if (!found) return answer(404, { message: `No operation of this function serves ${incoming.method} ${incoming.rawPath}.` });
    const { operation, pathValues } = found;

    const problems: Problem[] = [];
    const raw: RawParameters = { path: pathValues, query: incoming.query, headers: incoming.headers, cookies: incoming.cookies };
    const parameters = readParameters(operation.parameters, raw, problems);
    let body;
    try {
      body = readBody(operation.body, incoming.headers.get('content-type')?.[0], incoming.body, problems);
    } catch (error) {
      if (!(error instanceof UnsupportedMediaType)) throw error;
      return answer(415, { message: error.message });
    }
    if (problems.length > 0) return answer(400, badRequestBody(problems));

    const implementation = (implementations as Implementations)[operation.id] as Implementation | undefined;
    if (typeof implementation !== 'function') return answer(501, { message: `The handler does not implement ${operation.id}.` });
    const request = {
      operationId: operation.id,
      method: incoming.method,
      ...parameters,
      auth: readAuth(operation.security, incoming.requestContext as Parameters<typeof readAuth>[1]),
      contentType: body.contentType,
      body: body.body,
    };
    const context: HandlerContext<HttpEvent> = { lambda, event, requestId: incoming.requestId, stage: incoming.stage, stageVariables: incoming.stageVariables };
    let response: AnyResponse;
    try {
      // Called on its object, so that an implementation written as a method may use `this`.
      response = await implementation.call(implementations, request, context);
    } catch (error) {
      console.error(`${operation.id} failed (request ${incoming.requestId}):`, error);
      return answer(500, { message: 'Internal server error.', requestId: incoming.requestId });
    }
    return respond(incoming, operation, response, cors);
  };
}

function respond(incoming: Incoming, operation: OperationSpec, response: AnyResponse, cors: CorsRequest | undefined): HttpResult {
  const spec = responseSpec(operation.responses, response.status);
  const written = writeBody(spec?.contents ?? [], response.contentType, response.body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = headerText(value);
  }
  if (written.contentType !== undefined && response.body !== undefined) headers['content-type'] = written.contentType;
  return finish(incoming.version, response.status, headers, written.body, written.isBase64Encoded, response.cookies ?? [], cors);
}

/** The spec's response for a status: the exact code, then its class (`4XX`), then `default`. */
function responseSpec(responses: readonly ResponseSpec[], status: number): ResponseSpec | undefined {
  const code = String(status);
  return responses.find((r) => r.status === code) ?? responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ?? responses.find((r) => r.status === 'default');
}

/** A header value as text: lists comma-separated and objects as `key,value` pairs (OpenAPI's `simple` style). */
function headerText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => headerText(v)).join(',');
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, headerText(v)]).join(',');
  return String(value);
}

function finish(
  version: '1.0' | '2.0',
  statusCode: number,
  headers: Record<string, string>,
  body: string,
  isBase64Encoded: boolean,
  cookies: readonly string[],
  cors: CorsRequest | undefined,
): HttpResult {
  if (cors) addCorsHeaders(headers, cors);
  if (version === '2.0') return { statusCode, headers, body, isBase64Encoded, ...(cookies.length > 0 ? { cookies: [...cookies] } : {}) };
  return { statusCode, headers, body, isBase64Encoded, ...(cookies.length > 0 ? { multiValueHeaders: { 'set-cookie': [...cookies] } } : {}) };
}

/** A request with an `Origin`, on an API whose proxy responses carry their own CORS headers (REST). */
interface CorsRequest {
  readonly cors: CorsSpec;
  readonly origin: string;
  /** An `OPTIONS` request asking which method it may send. */
  readonly preflight: boolean;
}

function corsRequest(cors: CorsSpec, incoming: Incoming): CorsRequest | undefined {
  const origin = incoming.headers.get('origin')?.[0];
  if (origin === undefined) return undefined;
  return { cors, origin, preflight: incoming.method === 'OPTIONS' && incoming.headers.has('access-control-request-method') };
}

/**
 * The CORS headers of a REST API's Lambda proxy response, which API Gateway leaves to the
 * function (docs/targets.md, "CORS"; the local gateway's `allowedOrigin` decides alike). A
 * header the handler set itself wins; `Vary` gets `Origin` added to what the handler put there.
 */
function addCorsHeaders(headers: Record<string, string>, { cors, origin, preflight }: CorsRequest): void {
  const allowed = allowedOrigin(cors, origin);
  if (allowed === undefined) return;
  const own = new Map(Object.keys(headers).map((name) => [name.toLowerCase(), name]));
  const add = (name: string, value: string): void => {
    if (!own.has(name)) headers[name] = value;
  };
  if (!own.has('access-control-allow-origin')) {
    headers['access-control-allow-origin'] = allowed;
    // Every origin gets `*` only when no listed origin and no credentials make the answer differ.
    if (allowed !== '*' || cors.origins.some((o) => o !== '*')) appendVary(headers, own.get('vary'), 'Origin');
  }
  if (cors.credentials) add('access-control-allow-credentials', 'true');
  if (cors.exposeHeaders.length > 0) add('access-control-expose-headers', cors.exposeHeaders.join(','));
  if (preflight && cors.preflight) {
    add('access-control-allow-methods', cors.preflight.methods.join(','));
    add('access-control-allow-headers', cors.preflight.headers.join(','));
    add('access-control-max-age', String(cors.preflight.maxAgeS));
  }
}

/** The origin to allow: the request's when the spec lists it; `*` for any origin, or the request's own when credentials are allowed (browsers refuse `*` then). */
function allowedOrigin(cors: CorsSpec, origin: string): string | undefined {
  if (cors.origins.includes(origin)) return origin;
  if (cors.origins.includes('*')) return cors.credentials ? origin : '*';
  return undefined;
}

/** Adds a field name to a `Vary` header (under the name the handler gave it), unless it is listed already or the value is `*`. */
function appendVary(headers: Record<string, string>, name: string | undefined, field: string): void {
  const current = name === undefined ? undefined : headers[name];
  if (current === undefined || current.trim() === '') {
    if (name !== undefined) delete headers[name];
    headers['vary'] = field;
    return;
  }
  const listed = current.split(',').map((v) => v.trim().toLowerCase());
  if (listed.includes('*') || listed.includes(field.toLowerCase())) return;
  headers[name as string] = `${current}, ${field}`;
}

function findOperation(
  byRoute: ReadonlyMap<string, readonly OperationSpec[]>,
  templates: readonly { operation: OperationSpec; pattern: RegExp }[],
  incoming: Incoming,
): { operation: OperationSpec; pathValues: Record<string, string> } | undefined {
  const candidates = byRoute.get(incoming.routeKey) ?? byRoute.get(incoming.routeKey.replace(/^\S+/, 'ANY'));
  if (candidates) {
    // Operations the gateway cannot tell apart: the first (most specific) whose path fits.
    for (const operation of candidates) {
      const pathValues = fromGateway(operation, incoming.gatewayParameters);
      if (pathValues) return { operation, pathValues };
    }
    return undefined;
  }
  // A catch-all route ($default, {proxy+}): match the request path against the spec's paths.
  for (const { operation, pattern } of templates) {
    if (operation.method !== incoming.method && operation.method !== 'ANY') continue;
    const match = pattern.exec(incoming.rawPath) ?? pattern.exec(withoutStage(incoming.rawPath, incoming.stage));
    if (!match) continue;
    const pathValues: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) setOwn(pathValues, decodeName(name), safeDecode(value));
    return { operation, pathValues };
  }
  return undefined;
}

/** The spec's path parameters from the gateway's, or undefined when they do not fit this operation's path. */
function fromGateway(operation: OperationSpec, gateway: Readonly<Record<string, string | undefined>>): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  for (const source of operation.pathSources) {
    const value = gateway[source.gatewayName];
    if (value === undefined) return undefined;
    if (source.pattern === undefined) {
      setOwn(values, source.name, value);
      continue;
    }
    const match = new RegExp(source.pattern).exec(value);
    if (!match) return undefined;
    setOwn(values, source.name, match[source.group ?? 1] ?? '');
  }
  return values;
}

/** A regex over request paths for a spec path, with a named group per parameter. */
function pathPattern(path: string): RegExp {
  let source = '';
  for (const part of path.split(/(\{[^}]+\})/)) {
    const parameter = /^\{(.+?)(\+?)\}$/.exec(part);
    if (!parameter) source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else source += `(?<${encodeName(parameter[1] as string)}>${parameter[2] ? '.+' : '[^/]+'})`;
  }
  return new RegExp(`^${source}/?$`);
}

/** Group names must be identifiers; parameter names need not be. */
function encodeName(name: string): string {
  return 'p' + Buffer.from(name, 'utf8').toString('hex');
}

function decodeName(group: string): string {
  return Buffer.from(group.slice(1), 'hex').toString('utf8');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function withoutStage(path: string, stage: string): string {
  return path.startsWith(`/${stage}/`) ? path.slice(stage.length + 1) : path;
}

function normalise(event: HttpEvent): Incoming {
  if ('httpMethod' in event) {
    const headers = new Map<string, string[]>();
    for (const [name, values] of Object.entries(event.multiValueHeaders ?? {})) if (values) headers.set(name.toLowerCase(), [...values]);
    for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined && !headers.has(name.toLowerCase())) headers.set(name.toLowerCase(), [value]);
    const query = new Map<string, string[]>();
    for (const [name, values] of Object.entries(event.multiValueQueryStringParameters ?? {})) if (values) query.set(name, [...values]);
    for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) if (value !== undefined && !query.has(name)) query.set(name, [value]);
    return {
      version: '1.0',
      method: event.httpMethod.toUpperCase(),
      routeKey: `${event.httpMethod.toUpperCase()} ${event.resource}`,
      rawPath: event.path,
      gatewayParameters: event.pathParameters ?? {},
      query,
      headers,
      cookies: parseCookieHeaders(headers.get('cookie') ?? []),
      body: bodyBytes(event.body ?? undefined, event.isBase64Encoded),
      requestId: event.requestContext?.requestId ?? '',
      stage: event.requestContext?.stage ?? '',
      stageVariables: definedValues(event.stageVariables),
      requestContext: event.requestContext as unknown as Record<string, unknown>,
    };
  }
  const headers = new Map<string, string[]>();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name.toLowerCase(), [value]);
  const query = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(event.rawQueryString ?? '')) query.set(name, [...(query.get(name) ?? []), value]);
  const cookies = event.cookies ? parseCookieHeaders(event.cookies) : parseCookieHeaders(headers.get('cookie') ?? []);
  const method = (event.requestContext?.http?.method ?? event.routeKey.split(' ')[0] ?? 'GET').toUpperCase();
  return {
    version: '2.0',
    method,
    routeKey: event.routeKey === '$default' ? '$default' : event.routeKey.replace(/^\S+/, (m) => m.toUpperCase()),
    rawPath: event.rawPath ?? event.requestContext?.http?.path ?? '/',
    gatewayParameters: event.pathParameters ?? {},
    query,
    headers,
    cookies,
    body: bodyBytes(event.body, event.isBase64Encoded),
    requestId: event.requestContext?.requestId ?? '',
    stage: event.requestContext?.stage ?? '',
    stageVariables: definedValues(event.stageVariables),
    requestContext: event.requestContext as unknown as Record<string, unknown>,
  };
}

function bodyBytes(body: string | undefined, base64: boolean): Buffer | undefined {
  if (body === undefined) return undefined;
  return base64 ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
}

/** Cookies from `Cookie` headers (`a=1; b=2`) or from a 2.0 payload's `cookies` (`a=1`). */
function parseCookieHeaders(values: readonly string[]): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const value of values) {
    for (const pair of value.split(';')) {
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      if (!cookies.has(name)) cookies.set(name, pair.slice(at + 1).trim());
    }
  }
  return cookies;
}

function definedValues(record: Readonly<Record<string, string | undefined>> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) if (value !== undefined) out[key] = value;
  return out;
}

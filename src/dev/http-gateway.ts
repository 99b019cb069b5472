import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../ir/types.js';
import { accessLogLine } from './access-log.js';
import type { DevApp } from './app.js';
import { authorize, methodArn, type RouteRequest } from './auth/authorize.js';
import { firstAccepted, isBinaryMediaType } from './binary.js';
import { asksToInvalidate } from './cache.js';
import type { Caller } from './caller.js';
import { isPreflight, preflightAnswer, responseCorsHeaders } from './cors.js';
import { routeKey } from './events/http-v2.js';
import { GatewayError, renderGatewayError } from './gateway-responses.js';
import { clfTime, newExtendedRequestId, newRequestId } from './ids.js';
import { callHttpIntegration } from './integrations/http-proxy.js';
import { callLambdaProxy } from './integrations/lambda-proxy.js';
import { mockResponse } from './integrations/mock.js';
import type { IntegrationResponse } from './lambda-results.js';
import { GatewayRequest } from './request.js';
import { pathAfterStage, verboseBlock, type DevRuntime } from './runtime.js';

/** What the gateway sends back, whoever produced it. */
interface Outgoing {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/** The facts one request leaves for its access log line. */
interface Exchange {
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly receivedAt: number;
  request?: GatewayRequest;
  route?: Route;
  /** The resource a request without a route (a CORS preflight) was for. */
  resourcePath?: string;
  /** Answered as a CORS preflight: its CORS headers are the preflight's, nothing is added. */
  preflight?: boolean;
  caller: Caller;
  integrationLatencyMs?: number;
  integrationStatus?: number;
  error?: GatewayError;
}

/**
 * Serves one HTTP request of a REST or HTTP API, in the gateway's order: stage, CORS
 * preflight, route, throttling, API key and authorizer, validation, cache, integration.
 */
export async function serveHttp(runtime: DevRuntime, message: IncomingMessage, res: ServerResponse): Promise<void> {
  const app = runtime.app;
  const receivedAt = Date.now();
  const extendedRequestId = newExtendedRequestId();
  const exchange: Exchange = { requestId: app.api.kind === 'http' ? extendedRequestId : newRequestId(), extendedRequestId, receivedAt, caller: {} };
  let outgoing: Outgoing;
  try {
    const read = await GatewayRequest.read(message, runtime.maxBodyBytes);
    if (read === 'too-large') throw new GatewayError('REQUEST_TOO_LARGE', undefined, {}, `the body is over ${runtime.maxBodyBytes} bytes`);
    exchange.request = read;
    outgoing = await pipeline(runtime, app, read, exchange, message.headers.host ?? '127.0.0.1');
  } catch (error) {
    if (!(error instanceof GatewayError)) {
      runtime.log(`gatewright dev: internal error serving ${message.method} ${message.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const gatewayError = error instanceof GatewayError ? error : new GatewayError('DEFAULT_5XX', undefined, {}, 'internal error in gatewright dev');
    exchange.error = gatewayError;
    outgoing = errorResponse(app, exchange, gatewayError);
  }
  const cors = app.api.gateway.cors;
  if (cors && exchange.request && !exchange.preflight && !outgoing.headers.some(([name]) => name.toLowerCase() === 'access-control-allow-origin')) {
    for (const [name, value] of Object.entries(responseCorsHeaders(cors, exchange.request))) outgoing.headers.push([name, value]);
  }
  try {
    res.writeHead(outgoing.status, outgoing.headers.flat());
  } catch (error) {
    // A header Node refuses to send (a newline in a value, say) is a malformed integration answer.
    exchange.error = new GatewayError('DEFAULT_5XX', app.api.kind === 'http' ? undefined : 'Internal server error', {}, `the response cannot be sent: ${(error as Error).message}`, 502);
    outgoing = errorResponse(app, exchange, exchange.error);
    res.writeHead(outgoing.status, outgoing.headers.flat());
  }
  res.end(message.method === 'HEAD' ? undefined : outgoing.body);
  if (runtime.verbose) runtime.log(verboseBlock(`response ${exchange.requestId}`, { status: outgoing.status, headers: outgoing.headers, body: outgoing.body.toString('utf8') }));
  runtime.log(accessLogLine(app.accessLogTemplate, logVariables(app, exchange, message, outgoing)));
}

async function pipeline(runtime: DevRuntime, app: DevApp, request: GatewayRequest, exchange: Exchange, host: string): Promise<Outgoing> {
  const rest = app.api.kind !== 'http';
  const notFound = (): GatewayError => new GatewayError(rest ? 'MISSING_AUTHENTICATION_TOKEN' : 'RESOURCE_NOT_FOUND', undefined, {}, `no route for ${request.method} ${request.rawPath}`);
  const path = pathAfterStage(app, request.rawPath);
  if (path === undefined) throw notFound();
  const cors = app.api.gateway.cors;
  const lookup = app.router.lookup(request.method, path);
  if (cors && request.method === 'OPTIONS') {
    // REST APIs: every resource whose spec does not route OPTIONS has the document's OPTIONS mock, which answers any OPTIONS request.
    // HTTP APIs: the gateway answers a preflight itself, on any path, unless a route matches
    // OPTIONS there (an OPTIONS or ANY route), which then takes it, authorizer included.
    const resource = rest ? app.router.resourceAt(path) : undefined;
    const answered = rest ? resource !== undefined && !resource.methods.includes('OPTIONS') : isPreflight(request) && !('found' in lookup);
    if (answered) {
      const answer = preflightAnswer(app.api.kind, cors, resource?.methods ?? [], request);
      exchange.resourcePath = resource?.path ?? path;
      exchange.preflight = true;
      return { status: answer.status, headers: [...Object.entries(answer.headers), requestIdHeader(app, exchange)], body: Buffer.alloc(0) };
    }
  }
  if (!('found' in lookup)) throw notFound();
  const { route, pathParameters } = lookup.found;
  exchange.route = route;
  const limits = route.throttle ?? app.stage.throttle;
  if (limits && !runtime.traffic.take(`method:${app.stage.name}:${route.method} ${route.gatewayPath}`, limits, exchange.receivedAt)) {
    throw new GatewayError('THROTTLED', undefined, {}, `throttled at ${limits.rate}/s, burst ${limits.burst}`);
  }
  const rr: RouteRequest = {
    app,
    route,
    request,
    pathParameters,
    path,
    requestId: exchange.requestId,
    extendedRequestId: exchange.extendedRequestId,
    receivedAt: exchange.receivedAt,
    domainName: host,
  };
  exchange.caller = await authorize(rr);
  if (rest) app.validator.check(route, request, pathParameters);

  const cacheSettings = rest && app.stage.cache && route.cache && route.cache.ttlS > 0 ? route.cache : undefined;
  const cacheKey = cacheSettings ? app.responseCache.key(route, cacheSettings, request, pathParameters) : undefined;
  if (cacheKey !== undefined) {
    if (asksToInvalidate(request)) {
      // Only callers allowed execute-api:InvalidateCache may refresh an entry: here, requests signed with the dev credentials.
      if (!exchange.caller.iam) {
        throw new GatewayError('ACCESS_DENIED', `User: anonymous is not authorized to perform: execute-api:InvalidateCache on resource: ${methodArn(app, request.method, path)}`, {}, 'cache invalidation without permission');
      }
    } else {
      const hit = app.responseCache.get(cacheKey, Date.now());
      if (hit) return { status: hit.status, headers: [...hit.headers.map(([k, v]) => [k, v] as [string, string]), requestIdHeader(app, exchange)], body: hit.body };
    }
  }

  const startedAt = Date.now();
  let response: IntegrationResponse;
  const integration = route.integration;
  try {
    switch (integration.type) {
      case 'lambda': {
        const call = await callLambdaProxy(rr, integration, exchange.caller, (event) => {
          if (runtime.verbose) runtime.log(verboseBlock(`event ${exchange.requestId} (${integration.handler})`, event));
        });
        response = call.response;
        break;
      }
      case 'mock':
        response = mockResponse(integration);
        break;
      case 'http':
        response = await callHttpIntegration(integration, request, pathParameters, app.stage);
        break;
      case 'aws':
        throw new GatewayError('DEFAULT_5XX', undefined, {}, `AWS service integrations (${integration.service} ${integration.action}) are not emulated by gatewright dev`);
    }
  } finally {
    exchange.integrationLatencyMs = Date.now() - startedAt;
  }
  exchange.integrationStatus = response.status;
  const outgoing = toOutgoing(app, request, response);
  outgoing.headers.push(requestIdHeader(app, exchange));
  if (cacheKey !== undefined && cacheSettings && response.status >= 200 && response.status < 300) {
    app.responseCache.set(cacheKey, { status: outgoing.status, headers: outgoing.headers.filter(([k]) => !isRequestIdHeader(k)), body: outgoing.body, expiresAt: Date.now() + cacheSettings.ttlS * 1000 });
  }
  return outgoing;
}

/**
 * Turns the integration's answer into the client's response. A base64 body is decoded
 * on HTTP APIs always, and on REST APIs when the client's Accept names a binary media
 * type (otherwise the base64 text goes out as it is, as the gateway does).
 */
function toOutgoing(app: DevApp, request: GatewayRequest, response: IntegrationResponse): Outgoing {
  const headers: [string, string][] = [];
  for (const [name, values] of response.headers) for (const value of values) headers.push([name, value]);
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['content-type', 'application/json']);
  let body = response.body;
  if (response.base64 && app.api.kind !== 'http' && !isBinaryMediaType(firstAccepted(request.header('accept')), app.api.gateway.binaryMediaTypes)) {
    body = Buffer.from(response.body.toString('base64'));
  }
  return { status: response.status, headers, body };
}

function errorResponse(app: DevApp, exchange: Exchange, error: GatewayError): Outgoing {
  const rendered = renderGatewayError(error, {
    kind: app.api.kind,
    requestId: exchange.requestId,
    ...(exchange.request ? { request: exchange.request } : {}),
    customized: app.api.gateway.gatewayResponses,
  });
  return { status: rendered.status, headers: Object.entries(rendered.headers), body: rendered.body };
}

function requestIdHeader(app: DevApp, exchange: Exchange): [string, string] {
  return app.api.kind === 'http' ? ['apigw-requestid', exchange.requestId] : ['x-amzn-RequestId', exchange.requestId];
}

function isRequestIdHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'apigw-requestid' || lower === 'x-amzn-requestid';
}

function logVariables(app: DevApp, exchange: Exchange, message: IncomingMessage, outgoing: Outgoing): Record<string, string | number | undefined> {
  const caller = exchange.caller;
  const route = exchange.route;
  const latency = Date.now() - exchange.receivedAt;
  const principalId = caller.authorizer?.kind === 'lambda' ? caller.authorizer.principalId : undefined;
  return {
    requestId: exchange.requestId,
    extendedRequestId: exchange.extendedRequestId,
    apiId: app.apiId,
    stage: app.stage.name,
    'identity.sourceIp': exchange.request?.sourceIp ?? message.socket.remoteAddress,
    'identity.caller': caller.iam?.userId,
    'identity.user': caller.iam?.userId,
    'identity.userAgent': exchange.request?.userAgent,
    'identity.apiKey': caller.apiKey?.value,
    'identity.apiKeyId': caller.apiKey?.id,
    'authorizer.principalId': principalId,
    requestTime: clfTime(exchange.receivedAt),
    requestTimeEpoch: exchange.receivedAt,
    httpMethod: message.method,
    resourcePath: route?.gatewayPath ?? exchange.resourcePath ?? exchange.request?.rawPath,
    routeKey: route ? routeKey(route) : '-',
    path: exchange.request?.rawPath,
    protocol: `HTTP/${message.httpVersion}`,
    status: outgoing.status,
    responseLength: outgoing.body.length,
    responseLatency: latency,
    integrationLatency: exchange.integrationLatencyMs,
    'integration.latency': exchange.integrationLatencyMs,
    integrationStatus: exchange.integrationStatus,
    'integration.status': exchange.integrationStatus,
    'error.message': exchange.error ? (exchange.error.reason ?? exchange.error.type) : undefined,
    'error.responseType': exchange.error?.type,
    domainName: message.headers.host,
  };
}

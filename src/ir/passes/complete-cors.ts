import type { Origin } from '../../diagnostics/diagnostic.js';
import { answerVariesByOrigin } from '../cors.js';
import type { Api, Cors, HttpMethod, Route, SecurityScheme } from '../types.js';

/** Headers browsers must be allowed to send for API Gateway's own auth to work. */
const gatewayHeaders = ['Content-Type', 'Authorization', 'X-Api-Key', 'X-Amz-Date', 'X-Amz-Security-Token'];

/**
 * Headers a preflight never has to allow: CORS-safelisted ones, and those a page's script
 * cannot set (the browser does), so listing them or not changes nothing.
 */
const neverAsked = new Set(['accept', 'accept-language', 'content-language', 'cookie', 'host', 'origin', 'referer', 'connection', 'content-length', 'user-agent']);

/** A request header the API reads, and what reads it, for people. */
interface ReadHeader {
  readonly name: string;
  readonly readBy: string;
  readonly origin: Origin;
}

export type CompleteCorsReport = (code: 'x-gateway-cors-header-missing' | 'apigw-cors-any-route-auth', message: string, origin: Origin, related: readonly { message: string; origin: Origin }[]) => void;

/**
 * Fills the CORS methods and headers the spec leaves out: every method the API routes
 * plus OPTIONS, and the gateway's auth headers plus every header the security schemes
 * and the header parameters read. Headers the spec lists itself are kept as written, and
 * a header the API reads that they leave out is reported: browsers would refuse to send it.
 * Cached REST methods whose CORS answer depends on the caller's origin key on `Origin`.
 */
export function completeCors(api: Api, report: CompleteCorsReport = () => {}): Api {
  const cors = api.gateway.cors;
  if (!cors) return api;
  const routed: string[] = api.routes.map((r) => r.method);
  const methods =
    cors.methods.length > 0 ? cors.methods : uniqueSorted(routed.includes('ANY') ? allMethods : [...routed, 'OPTIONS' satisfies HttpMethod]);
  const read = readHeaders(api);
  if (cors.headers.length > 0) {
    const listed = new Set(cors.headers.map((h) => h.toLowerCase()));
    const missing = uniqueCaseless(read.filter((h) => !listed.has(h.name.toLowerCase()) && !neverAsked.has(h.name.toLowerCase())).map((h) => h.name));
    if (missing.length > 0) {
      const reasons = missing.map((name) => `${name} (${read.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.readBy).join(', ')})`);
      report(
        'x-gateway-cors-header-missing',
        `x-gateway.cors.headers leaves out ${list(reasons)}, so browsers refuse to send ${missing.length === 1 ? 'it' : 'them'} after the preflight; add ${list(missing)} to headers.`,
        { ...cors.origin, pointer: `${cors.origin.pointer}/headers` },
        read.filter((h) => missing.some((m) => m.toLowerCase() === h.name.toLowerCase())).map((h) => ({ message: `${h.name} is read here`, origin: h.origin })),
      );
    }
  }
  if (api.kind === 'http') reportAuthorizedAnyRoutes(api, report);
  const headers = cors.headers.length > 0 ? cors.headers : uniqueCaseless([...gatewayHeaders, ...read.map((h) => h.name)]);
  const routes = api.kind === 'rest' ? api.routes.map((route) => keyedOnOrigin(route, cors)) : api.routes;
  return { ...api, routes, gateway: { ...api.gateway, cors: { ...cors, methods, headers } } };
}

/**
 * An HTTP API answers a CORS preflight itself only when no route matches `OPTIONS`; an
 * `ANY` route matches it, so the preflight meets that route's authorizer, which refuses it
 * (it carries no credentials), and the browser never sends the real request. An explicit
 * public `OPTIONS` operation on the path takes the preflight instead.
 */
function reportAuthorizedAnyRoutes(api: Api, report: CompleteCorsReport): void {
  const withOptions = new Set(api.routes.filter((r) => r.method === 'OPTIONS').map((r) => r.gatewayPath));
  for (const route of api.routes) {
    // The front end leaves no requirement on a public route and no empty alternative on any.
    if (route.method !== 'ANY' || route.shadowedBy !== undefined || withOptions.has(route.gatewayPath) || route.security.requirements.length === 0) continue;
    report(
      'apigw-cors-any-route-auth',
      `ANY ${route.path} requires auth, and an HTTP API sends browsers' CORS preflights (OPTIONS) to an ANY route instead of answering them, so its authorizer refuses them and browsers block every call. Add an options operation on ${route.path} with security: [] (its handler answers 204; API Gateway adds the CORS headers).`,
      route.origin,
      [],
    );
  }
}

/**
 * REST response caches key only on the listed parameters, not on `Origin`: a cached
 * method whose CORS headers depend on it also keys on it, or the first caller's
 * `Access-Control-Allow-Origin` would be served to every other origin.
 */
function keyedOnOrigin(route: Route, cors: Cors): Route {
  if (!route.cache || !answerVariesByOrigin(cors, route.integration)) return route;
  if (route.cache.keys.some((key) => key.in === 'header' && key.name.toLowerCase() === 'origin')) return route;
  return { ...route, cache: { ...route.cache, keys: [...route.cache.keys, { in: 'header', name: 'Origin' }] } };
}

/** Request headers the API reads: those of its security schemes, then header parameters, in spec order. */
function readHeaders(api: Api): ReadHeader[] {
  const read: ReadHeader[] = [];
  for (const scheme of api.securitySchemes) {
    for (const name of schemeHeaders(scheme)) read.push({ name, readBy: `the security scheme ${scheme.name}`, origin: scheme.origin });
  }
  for (const route of api.routes) {
    for (const parameter of route.parameters) {
      if (parameter.in === 'header') read.push({ name: parameter.name, readBy: `a header parameter of ${route.method} ${route.path}`, origin: parameter.origin });
    }
  }
  return read;
}

/** The headers a client sends for a scheme, and those the gateway reads the identity from. */
function schemeHeaders(scheme: SecurityScheme): string[] {
  const sent: string[] = [];
  const client = scheme.client;
  if (client.kind === 'apiKey' && client.in === 'header') sent.push(client.name);
  if (client.kind === 'http' || client.kind === 'oauth2' || client.kind === 'openIdConnect') sent.push('Authorization');
  if (client.kind === 'sigv4' || scheme.type === 'iam') sent.push('Authorization', 'X-Amz-Date', 'X-Amz-Security-Token');
  switch (scheme.type) {
    case 'apiKey':
      sent.push(scheme.headerName);
      break;
    case 'lambda':
      for (const source of scheme.identitySources) if (source.in === 'header') sent.push(source.name);
      break;
    case 'cognito':
    case 'jwt':
      if (scheme.identitySource.in === 'header') sent.push(scheme.identitySource.name);
      break;
    case 'iam':
      break;
  }
  return uniqueCaseless(sent);
}

const allMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => allMethods.indexOf(a) - allMethods.indexOf(b));
}

function uniqueCaseless(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

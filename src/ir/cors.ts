/**
 * How the deployed gateway answers a CORS preflight, decided once from the IR: the REST
 * back end builds its `OPTIONS` mock integrations from it, and `gatewright dev` answers
 * preflights with it, so the two cannot drift apart.
 */
import type { ApiKind, Cors, Integration } from './types.js';

/** Both kinds of API answer a preflight with 204 No Content. */
export const preflightStatus = 204;

/** How `Access-Control-Allow-Origin` is chosen for a preflight. */
export type PreflightOrigin =
  /** The one allowed origin (or `*`), whatever the request's `Origin`: it is in `headers`. */
  | { readonly rule: 'fixed' }
  /**
   * The request's `Origin` when it is one of `origins` (compared as written, as the mock's
   * mapping template does), else no `Access-Control-Allow-Origin`; the other headers stay.
   */
  | { readonly rule: 'listed'; readonly origins: readonly string[] }
  /** HTTP APIs: `allowedOrigin`; for an origin it does not allow, no CORS header at all. */
  | { readonly rule: 'allowed' };

export interface PreflightPlan {
  readonly status: number;
  /** Headers the answer carries whatever the request, by their canonical names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly origin: PreflightOrigin;
}

/**
 * The preflight answer for one resource. REST APIs: the `OPTIONS` mock the document adds
 * to every path the spec does not route `OPTIONS` on, listing that path's methods.
 * HTTP APIs: the gateway's own answer from `x-amazon-apigateway-cors`, the same on every
 * path. `routedMethods` are the resource's methods as the IR names them (`GET`, `ANY`).
 */
export function planPreflight(kind: ApiKind, cors: Cors, routedMethods: readonly string[]): PreflightPlan {
  const headers: Record<string, string> = {};
  if (kind === 'http') {
    headers['Access-Control-Allow-Methods'] = cors.methods.join(',');
    if (cors.headers.length > 0) headers['Access-Control-Allow-Headers'] = cors.headers.join(',');
    if (cors.credentials) headers['Access-Control-Allow-Credentials'] = 'true';
    headers['Access-Control-Max-Age'] = String(cors.maxAgeS);
    return { status: preflightStatus, headers, origin: { rule: 'allowed' } };
  }
  const choice = hasOriginChoice(cors);
  if (!choice) headers['Access-Control-Allow-Origin'] = cors.origins[0] ?? '*';
  headers['Access-Control-Allow-Methods'] = preflightMethods(cors, routedMethods).join(',');
  if (cors.headers.length > 0) headers['Access-Control-Allow-Headers'] = cors.headers.join(',');
  if (cors.credentials) headers['Access-Control-Allow-Credentials'] = 'true';
  headers['Access-Control-Max-Age'] = String(cors.maxAgeS);
  if (choice) headers['Vary'] = 'Origin';
  return { status: preflightStatus, headers, origin: choice ? { rule: 'listed', origins: cors.origins } : { rule: 'fixed' } };
}

/** The headers of a preflight answer for a request with this `Origin` (or none). */
export function preflightHeaders(plan: PreflightPlan, cors: Cors, origin: string | undefined): Record<string, string> {
  switch (plan.origin.rule) {
    case 'fixed':
      return { ...plan.headers };
    case 'listed':
      return origin !== undefined && plan.origin.origins.includes(origin) ? { 'Access-Control-Allow-Origin': origin, ...plan.headers } : { ...plan.headers };
    case 'allowed': {
      const allowed = allowedOrigin(cors, origin);
      return allowed === undefined ? {} : { 'Access-Control-Allow-Origin': allowed, ...plan.headers, Vary: 'Origin' };
    }
  }
}

/** True when the gateway must answer with the request's own origin, picked from the allowed ones. */
export function hasOriginChoice(cors: Cors): boolean {
  return cors.origins.length > 1;
}

/**
 * Whether a REST method's answer carries CORS headers that depend on the request's
 * `Origin`, so a response cache keyed without it would replay one caller's
 * `Access-Control-Allow-Origin` to the next. Mapped integrations (mock, AWS, HTTP) answer
 * with fixed headers unless the origin is chosen among several; proxy answers get theirs
 * from the handler glue or the backend, per request, even for one origin (none without it).
 */
export function answerVariesByOrigin(cors: Cors, integration: Integration): boolean {
  if (hasOriginChoice(cors)) return true;
  return integration.type === 'lambda' || (integration.type === 'http' && integration.proxy);
}

/**
 * The allowed origin to echo for a request's `Origin`, if the spec allows it: the origin
 * itself when listed; `*` when every origin is allowed, except with credentials, which
 * browsers refuse with `*`, so the origin is echoed instead.
 */
export function allowedOrigin(cors: Cors, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.origins.includes(origin)) return origin;
  if (cors.origins.includes('*')) return cors.credentials ? origin : '*';
  return undefined;
}

/** The CORS methods a resource's preflight allows: those it routes (all, with ANY) and OPTIONS, in the spec's order. */
function preflightMethods(cors: Cors, routedMethods: readonly string[]): string[] {
  if (cors.methods.includes('*')) return ['*'];
  const routed = new Set(routedMethods.map((m) => m.toUpperCase()));
  return cors.methods.filter((m) => routed.has('ANY') || routed.has(m) || m === 'OPTIONS');
}

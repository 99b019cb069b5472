import { allowedOrigin, planPreflight, preflightHeaders } from '../ir/cors.js';
import type { ApiKind, Cors } from '../ir/types.js';
import type { GatewayRequest } from './request.js';

/** A browser's preflight: OPTIONS with `Origin` and `Access-Control-Request-Method` (what HTTP APIs answer themselves). */
export function isPreflight(request: GatewayRequest): boolean {
  return request.method === 'OPTIONS' && request.header('origin') !== undefined && request.header('access-control-request-method') !== undefined;
}

/** The gateway's answer to a preflight on a resource with these methods, as the deployed API gives it (src/ir/cors.ts). */
export function preflightAnswer(kind: ApiKind, cors: Cors, routedMethods: readonly string[], request: GatewayRequest): { status: number; headers: Record<string, string> } {
  const plan = planPreflight(kind, cors, routedMethods);
  return { status: plan.status, headers: preflightHeaders(plan, cors, request.header('origin')) };
}

/** Headers added to every actual response for an allowed origin, unless the handler set them itself. */
export function responseCorsHeaders(cors: Cors, request: GatewayRequest): Record<string, string> {
  const origin = allowedOrigin(cors, request.header('origin'));
  if (origin === undefined) return {};
  return {
    'access-control-allow-origin': origin,
    ...(cors.exposeHeaders.length > 0 ? { 'access-control-expose-headers': cors.exposeHeaders.join(',') } : {}),
    ...(cors.credentials ? { 'access-control-allow-credentials': 'true' } : {}),
    vary: 'Origin',
  };
}

import type { Cors } from '../ir/types.js';
import type { GatewayRequest } from './request.js';

/** The allowed origin to echo for a request's Origin, if the spec allows it. */
export function allowedOrigin(cors: Cors, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.origins.includes(origin)) return origin;
  // With credentials a browser refuses `*`, so the origin is echoed instead.
  if (cors.origins.includes('*')) return cors.credentials ? origin : '*';
  return undefined;
}

export function isPreflight(request: GatewayRequest): boolean {
  return request.method === 'OPTIONS' && request.header('origin') !== undefined && request.header('access-control-request-method') !== undefined;
}

/** Answers a CORS preflight: the allowed methods and headers, or no CORS headers for an origin the spec does not allow. */
export function preflightHeaders(cors: Cors, request: GatewayRequest): Record<string, string> {
  const origin = allowedOrigin(cors, request.header('origin'));
  if (origin === undefined) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': cors.methods.join(','),
    'access-control-allow-headers': cors.headers.join(','),
    'access-control-max-age': String(cors.maxAgeS),
    ...(cors.credentials ? { 'access-control-allow-credentials': 'true' } : {}),
    vary: 'Origin',
  };
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

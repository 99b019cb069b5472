import type { Api, HttpMethod } from '../types.js';

/** Headers browsers must be allowed to send for API Gateway's own auth to work. */
const gatewayHeaders = ['Content-Type', 'Authorization', 'X-Api-Key', 'X-Amz-Date', 'X-Amz-Security-Token'];

/**
 * Fills the CORS methods and headers the spec leaves out: every method the API routes
 * plus OPTIONS, and the gateway's auth headers plus every header parameter.
 */
export function completeCors(api: Api): Api {
  const cors = api.gateway.cors;
  if (!cors) return api;
  const routed: string[] = api.routes.map((r) => r.method);
  const methods =
    cors.methods.length > 0 ? cors.methods : uniqueSorted(routed.includes('ANY') ? allMethods : [...routed, 'OPTIONS' satisfies HttpMethod]);
  const headers =
    cors.headers.length > 0
      ? cors.headers
      : uniqueCaseless([...gatewayHeaders, ...api.routes.flatMap((r) => r.parameters.filter((p) => p.in === 'header').map((p) => p.name))]);
  return { ...api, gateway: { ...api.gateway, cors: { ...cors, methods, headers } } };
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

import { cache as cacheLimits } from '../ir/apigateway-limits.js';
import type { MethodCache, Route } from '../ir/types.js';
import type { GatewayRequest } from './request.js';

export interface CachedResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly expiresAt: number;
}

/** The gateway refuses to cache entries over this size. */
const maxEntryBytes = cacheLimits.maxResponseBytes;

/**
 * The stage's response cache: entries keyed by method, resource and the route's cache
 * key parameters only (a parameter left out of the key does not tell entries apart, as
 * on the real gateway). Those hold `Origin` where the CORS answer depends on it, as the
 * deployed method's do (the completeCors pass adds it to the IR).
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();

  key(route: Route, cache: MethodCache, request: GatewayRequest, pathParameters: Readonly<Record<string, string>>): string {
    const parts = cache.keys.map((k) => {
      const value = k.in === 'path' ? pathParameters[k.name] : k.in === 'query' ? request.query.get(k.name)?.join(',') : request.header(k.name);
      return `${k.in}.${k.name}=${value === undefined ? '' : encodeURIComponent(value)}`;
    });
    return `${route.method} ${route.gatewayPath} ${parts.join('&')}`;
  }

  get(key: string, now: number): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > now) return entry;
    if (entry) this.#entries.delete(key);
    return undefined;
  }

  set(key: string, entry: CachedResponse): void {
    if (entry.body.length <= maxEntryBytes) this.#entries.set(key, entry);
  }
}

/** `Cache-Control: max-age=0` asks the gateway to skip and refresh the cached entry. */
export function asksToInvalidate(request: GatewayRequest): boolean {
  const value = request.header('cache-control');
  return value !== undefined && /(^|,)\s*max-age\s*=\s*0\s*(,|$)/i.test(value);
}

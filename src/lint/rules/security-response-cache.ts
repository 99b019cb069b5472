import type { Route, SecurityScheme } from '../../ir/types.js';
import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'security-response-cache',
  family: 'security',
  summary: 'Responses of authenticated operations are cached per caller, or not at all.',
  docs: {
    why: 'API Gateway\'s response cache is keyed by the path and the listed cache keys only. On an operation behind an authorizer (Lambda, Cognito, JWT or IAM), a response cached for one caller is served to the next one who passes it: another user\'s orders, another tenant\'s data. Put the header that identifies the caller in the cache keys. (API keys alone are exempt: they meter callers, they do not authorize them.)',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  stages: {prod: {cache: {sizeGb: 0.5}}}
security: [{shopper: []}]
paths:
  /orders:
    get:
      operationId: listOrders
      x-gateway: {cache: {ttl: 60}}
      responses: {'200': {description: The caller's orders.}}
components:
  securitySchemes:
    shopper:
      type: apiKey
      in: header
      name: Authorization
      x-gateway: {lambdaAuthorizer: {handler: authorize, ttl: 0}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  stages: {prod: {cache: {sizeGb: 0.5}}}
security: [{shopper: []}]
paths:
  /orders:
    get:
      operationId: listOrders
      x-gateway: {cache: {ttl: 60, keys: [header.Authorization]}}
      responses: {'200': {description: The caller's orders.}}
components:
  securitySchemes:
    shopper:
      type: apiKey
      in: header
      name: Authorization
      x-gateway: {lambdaAuthorizer: {handler: authorize, ttl: 0}}
`,
  },
  check({ api, spec, report }) {
    if (api.kind !== 'rest') return;
    const schemes = new Map(api.securitySchemes.map((s) => [s.name, s]));
    for (const route of api.routes) {
      if (!route.cache || route.cache.ttlS === 0 || route.security.public || route.security.requirements.length === 0) continue;
      const identity = identityHeaders(route, schemes);
      const keyed = route.cache.keys.some((k) => k.in === 'header' && identity.has(k.name.toLowerCase()));
      if (keyed || identity.size === 0) continue;
      report({
        message: `${route.method} ${route.path} requires auth but caches responses without the caller in the cache key, so one caller's cached response is served to the next. Add ${[...identity].map((h) => `header.${h}`).join(' or ')} to cache.keys, or turn caching off for this operation.`,
        origin: firstWritten(spec, below(route.origin, 'x-gateway', 'cache'), route.origin),
      });
    }
  },
};

/** The headers (lower case) that carry the caller's identity for a route's auth. */
function identityHeaders(route: Route, schemes: ReadonlyMap<string, SecurityScheme>): Set<string> {
  const headers = new Set<string>();
  for (const uses of route.security.requirements) {
    for (const use of uses) {
      const scheme = schemes.get(use.scheme);
      if (!scheme) continue;
      switch (scheme.type) {
        case 'apiKey':
          // API keys meter callers; they do not decide what a caller may see.
          break;
        case 'iam':
          headers.add('authorization');
          break;
        case 'lambda':
          for (const source of scheme.identitySources) if (source.in === 'header') headers.add(source.name.toLowerCase());
          break;
        case 'cognito':
        case 'jwt':
          if (scheme.identitySource.in === 'header') headers.add(scheme.identitySource.name.toLowerCase());
          break;
      }
    }
  }
  return headers;
}

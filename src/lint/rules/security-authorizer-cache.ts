import type { IdentitySource, LambdaAuthorizerScheme } from '../../ir/types.js';
import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

/** Headers every caller sends alike: they do not tell one caller from another. */
const anonymousHeaders = new Set([
  'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'content-type', 'content-length', 'origin', 'referer',
  'connection', 'cache-control', 'x-forwarded-proto', 'x-forwarded-port', 'x-amzn-trace-id',
]);
/** Context variables that tell routes apart, for authorizers whose answer depends on the route. */
const routeContext = new Set(['resourcePath', 'resourceId', 'routeKey', 'httpMethod', 'path']);

export const rule: LintRule = {
  id: 'security-authorizer-cache',
  family: 'security',
  summary: 'A Lambda authorizer caches its answers only under identity sources that identify the caller (and the route, when its answer depends on it).',
  docs: {
    why: 'API Gateway caches an authorizer\'s answer under the values of its identity sources. If they do not carry the caller\'s credential (only `context.*`, `stageVariable.*` or headers every client sends), the first caller\'s Allow is reused for everyone until the TTL ends. If operations ask the same authorizer for different scopes, a cached Allow for one is reused for the others unless a source tells the routes apart.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
security: [{tenantAuth: []}]
paths:
  /orders:
    get:
      operationId: listOrders
      responses: {'200': {description: The orders.}}
components:
  securitySchemes:
    tenantAuth:
      type: apiKey
      in: header
      name: Authorization
      x-gateway:
        lambdaAuthorizer: {handler: tenantAuth, type: request, ttl: 300, identitySources: [header.Host]}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
security: [{tenantAuth: []}]
paths:
  /orders:
    get:
      operationId: listOrders
      responses: {'200': {description: The orders.}}
components:
  securitySchemes:
    tenantAuth:
      type: apiKey
      in: header
      name: Authorization
      x-gateway:
        lambdaAuthorizer: {handler: tenantAuth, type: request, ttl: 300, identitySources: [header.Authorization, header.Host]}
`,
  },
  check({ api, spec, report }) {
    for (const scheme of api.securitySchemes) {
      if (scheme.type !== 'lambda' || scheme.ttlS === 0) continue;
      const at = firstWritten(
        spec,
        below(scheme.origin, 'x-gateway', 'lambdaAuthorizer', 'identitySources'),
        below(scheme.origin, 'x-gateway', 'lambdaAuthorizer', 'ttl'),
        below(scheme.origin, 'x-gateway', 'lambdaAuthorizer'),
      );
      if (!scheme.identitySources.some(identifiesCaller)) {
        report({
          message: `The authorizer "${scheme.name}" caches its answer for ${scheme.ttlS} s under ${describe(scheme)}, which does not identify the caller, so one caller's Allow is reused for everyone. Add the header that carries the credential (e.g. header.Authorization) to identitySources, or set ttl: 0.`,
          origin: at,
        });
        continue;
      }
      const scopeSets = new Set<string>();
      for (const route of api.routes) {
        for (const uses of route.security.requirements) for (const use of uses) if (use.scheme === scheme.name) scopeSets.add([...use.scopes].sort().join(' '));
      }
      if (scopeSets.size > 1 && !scheme.identitySources.some((s) => s.in === 'context' && routeContext.has(s.name))) {
        report({
          message: `Operations ask the authorizer "${scheme.name}" for different scopes (${[...scopeSets].map((s) => `[${s}]`).join(', ')}), but its answer is cached for ${scheme.ttlS} s under the caller alone, so an Allow for one operation's scopes is reused for operations that need others. Add context.resourcePath (REST) or context.routeKey (HTTP) to identitySources, or set ttl: 0.`,
          origin: at,
        });
      }
    }
  },
};

function identifiesCaller(source: IdentitySource): boolean {
  if (source.in === 'query') return true;
  if (source.in === 'header') return !anonymousHeaders.has(source.name.toLowerCase());
  return false;
}

function describe(scheme: LambdaAuthorizerScheme): string {
  return scheme.identitySources.map((s) => `${s.in}.${s.name}`).join(', ') || 'no identity source';
}

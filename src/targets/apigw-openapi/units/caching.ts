import type { CacheKey, Route } from '../../../ir/types.js';
import type { DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';
import { gatewayParameterName } from '../routed-methods.js';

/**
 * REST APIs: the cache key of each cached method (`cacheKeyParameters`). A key must be a
 * method request parameter, so each is declared on the method if the spec's operation
 * does not already declare it there; non-proxy HTTP integrations also pass it on, as the
 * cache only keys on parameters the integration request uses. Whether a stage caches the
 * method, and for how long, is a stage setting (`Route.cache.ttlS`) the templates apply.
 */
export function addCaching(ctx: DocumentContext): void {
  if (ctx.api.kind !== 'rest') return;
  for (const method of ctx.methods) {
    const { route } = method;
    if (!route.cache || route.cache.keys.length === 0) continue;
    const op = ctx.draft.method(method.path, method.key);
    const integration = op['x-amazon-apigateway-integration'] as JsonObject | undefined;
    if (!integration) continue;
    const keys: string[] = [];
    for (const key of route.cache.keys) {
      const expression = cacheKeyExpression(route, key);
      if (!expression) continue;
      declareParameter(op, key.in, key.in === 'path' ? expression.slice('method.request.path.'.length) : key.name);
      keys.push(expression);
    }
    integration['cacheKeyParameters'] = keys;
    if (integration['type'] === 'http') {
      const mapped = { ...((integration['requestParameters'] ?? {}) as Record<string, string>) };
      for (const expression of keys) mapped[expression.replace(/^method\.request\./, 'integration.request.')] ??= expression;
      integration['requestParameters'] = Object.fromEntries(Object.entries(mapped).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
  }
}

/** A cache key as the method request parameter it names, e.g. `method.request.querystring.page`. */
export function cacheKeyExpression(route: Pick<Route, 'path' | 'gatewayPath'>, key: CacheKey): string | undefined {
  switch (key.in) {
    case 'path': {
      const gatewayName = gatewayParameterName(route, key.name);
      return gatewayName === undefined ? undefined : `method.request.path.${gatewayName}`;
    }
    case 'query':
      return `method.request.querystring.${key.name}`;
    case 'header':
      return `method.request.header.${key.name}`;
  }
}

function declareParameter(op: JsonObject, where: CacheKey['in'], name: string): void {
  const parameters = (op['parameters'] ?? []) as JsonObject[];
  const declared = parameters.some((p) => p['in'] === where && (where === 'header' ? String(p['name']).toLowerCase() === name.toLowerCase() : p['name'] === name));
  if (!declared) op['parameters'] = [...parameters, { name, in: where, required: false, schema: { type: 'string' } }];
}

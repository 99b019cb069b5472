import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-cache-cluster',
  family: 'apigateway',
  summary: 'Operations that cache responses run on stages that have a cache cluster.',
  docs: {
    why: 'Method caching works only on a stage with a cache cluster (`stages.<name>.cache`). Without one, API Gateway accepts the cache settings and silently caches nothing, so the backend takes the full load.',
    bad: `openapi: 3.0.3
info: {title: Catalog, version: '1'}
x-gateway:
  stages: {prod: {}}
paths:
  /products:
    get:
      operationId: listProducts
      x-gateway: {public: true, cache: {ttl: 60}}
      responses: {'200': {description: Products.}}
`,
    good: `openapi: 3.0.3
info: {title: Catalog, version: '1'}
x-gateway:
  stages: {prod: {cache: {sizeGb: 0.5}}}
paths:
  /products:
    get:
      operationId: listProducts
      x-gateway: {public: true, cache: {ttl: 60}}
      responses: {'200': {description: Products.}}
`,
  },
  check({ api, spec, report }) {
    if (api.kind !== 'rest') return;
    const without = api.gateway.stages.filter((stage) => !stage.cache);
    if (without.length === 0) return;
    for (const route of api.routes) {
      if (!route.cache || route.cache.ttlS === 0) continue;
      report({
        message: `${route.method} ${route.path} caches responses, but the stage${without.length > 1 ? 's' : ''} ${without.map((s) => `"${s.name}"`).join(', ')} ha${without.length > 1 ? 've' : 's'} no cache cluster, so nothing is cached there; add cache: {sizeGb: 0.5} to ${without.length > 1 ? 'those stages' : 'that stage'}.`,
        origin: firstWritten(spec, below(route.origin, 'x-gateway', 'cache'), route.origin),
        related: without.map((stage) => ({ message: `the stage "${stage.name}"`, origin: { ...stage.origin, key: true } })),
      });
    }
  },
};

import { reservedRootPaths } from '../../ir/apigateway-limits.js';
import { pathKeyOrigin } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-path-names',
  family: 'apigateway',
  summary: 'Paths end without a slash and avoid the root paths API Gateway keeps for itself.',
  docs: {
    why: 'API Gateway serves `/orders/` as `/orders`, so a trailing slash in the spec describes a URL the gateway does not distinguish. On a custom domain mapped at its root, `/ping` and `/sping` are API Gateway\'s own health checks and never reach a REST API.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  domain: {name: api.example.com, certificateArn: {parameter: CertificateArn}}
paths:
  /ping:
    get:
      operationId: ping
      responses: {'200': {description: Alive.}}
  /orders/:
    get:
      operationId: listOrders
      responses: {'200': {description: The orders.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  domain: {name: api.example.com, certificateArn: {parameter: CertificateArn}}
paths:
  /health:
    get:
      operationId: health
      responses: {'200': {description: Alive.}}
  /orders:
    get:
      operationId: listOrders
      responses: {'200': {description: The orders.}}
`,
  },
  check({ api, spec, report }) {
    const reported = new Set<string>();
    const domainAtRoot = api.kind === 'rest' && api.gateway.domain !== undefined && api.gateway.domain.basePath === '';
    for (const route of api.routes) {
      const path = route.path;
      if (reported.has(path)) continue;
      reported.add(path);
      if (path.length > 1 && path.endsWith('/')) {
        report({ message: `API Gateway serves "${path}" as "${path.slice(0, -1)}"; remove the trailing slash.`, origin: pathKeyOrigin(spec.rootFile, path) });
      }
      const first = '/' + (path.split('/')[1] ?? '');
      if (domainAtRoot && reservedRootPaths.includes(first)) {
        report({
          message: `API Gateway answers ${first} itself (a health check) on custom domains, so requests to "${path}" on ${api.gateway.domain?.name} never reach this API; rename the path or map the API under a base path.`,
          origin: pathKeyOrigin(spec.rootFile, path),
        });
      }
    }
  },
};

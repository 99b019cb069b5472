import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'security-defined',
  family: 'security',
  summary: 'Every operation requires auth or is explicitly public.',
  docs: {
    why: 'An operation with no `security` (and no root `security`) is deployed open to the internet. Saying so explicitly, with `security: []` or `x-gateway.public: true`, shows that someone decided it; forgetting it looks the same to the gateway.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: listOrders
      responses: {'200': {description: The orders.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
security: [{shopper: []}]
paths:
  /orders:
    get:
      operationId: listOrders
      responses: {'200': {description: The orders.}}
  /health:
    get:
      operationId: health
      security: []
      responses: {'200': {description: Alive.}}
components:
  securitySchemes:
    shopper: {type: apiKey, in: header, name: x-api-key}
`,
  },
  check({ api, report }) {
    for (const route of api.routes) {
      if (route.security.public || route.security.requirements.length > 0) continue;
      // A security list that is written but names nothing usable is the compiler's to report
      // (security-scheme-unknown, security-scheme-unsupported); its origin is that list.
      if (route.security.origin.file !== route.origin.file || route.security.origin.pointer !== route.origin.pointer) continue;
      report({
        message: `${route.method} ${route.path} requires no auth and is not marked public, so it is open to anyone. Add security (here or at the root), or say it is public with security: [] or x-gateway.public: true.`,
        origin: keyOf(route.origin),
      });
    }
    if (api.kind !== 'websocket') return;
    // Only $connect carries auth on a WebSocket API; later messages ride on the connection.
    const connect = api.messageRoutes.find((r) => r.routeKey === '$connect');
    if (!connect) {
      report({
        message: 'This WebSocket API has no $connect route, so anyone can connect; add $connect with security, or with public: true if that is intended.',
        origin: keyOf(below(api.gateway.origin, 'routes')),
      });
    } else if (!connect.security.public && connect.security.requirements.length === 0) {
      report({
        message: 'The $connect route requires no auth and is not marked public, so anyone can connect; add security, or public: true if that is intended.',
        origin: connect.origin,
      });
    }
  },
};

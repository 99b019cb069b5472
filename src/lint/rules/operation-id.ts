import { keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'operation-id',
  family: 'spec',
  summary: 'Every operation has an operationId.',
  docs: {
    why: 'The operationId names the SDK method, the handler glue and the route in logs and metrics. Without one, gatewright makes a name up from the method and path, which changes whenever the path does.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      responses:
        '200': {description: The orders.}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200': {description: The orders.}
`,
  },
  check({ api, report }) {
    for (const route of api.routes) {
      if (route.operationId !== undefined) continue;
      report({
        message: `${route.method} ${route.path} has no operationId, so it is named "${route.id}" from its path; add operationId: ${route.id} (or a better name) so the SDK method keeps its name when the path changes.`,
        origin: keyOf(route.origin),
      });
    }
  },
};

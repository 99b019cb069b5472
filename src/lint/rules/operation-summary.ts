import { keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'operation-summary',
  family: 'hygiene',
  summary: 'Every operation has a summary.',
  docs: {
    why: 'The summary becomes the SDK method\'s doc comment, the handler stub\'s heading and the operation\'s title in docs and in the API Gateway console.',
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
paths:
  /orders:
    get:
      operationId: listOrders
      summary: List the caller's orders, newest first.
      responses: {'200': {description: The orders.}}
`,
  },
  check({ api, report }) {
    for (const route of api.routes) {
      if (route.summary !== undefined && route.summary.trim() !== '') continue;
      report({ message: `${route.method} ${route.path} has no summary; add a one-line summary of what it does.`, origin: keyOf(route.origin) });
    }
  },
};

import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'operation-tags',
  family: 'hygiene',
  summary: 'Every operation has a tag, and every tag used is declared under the top-level `tags`.',
  docs: {
    why: 'Tags group operations in docs and in the SDK. An untagged operation lands in a catch-all group, and an undeclared tag has no description and is usually a typo of one that exists.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
tags:
  - {name: orders, description: Placing and tracking orders.}
paths:
  /orders:
    get:
      operationId: listOrders
      tags: [order]
      responses: {'200': {description: The orders.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
tags:
  - {name: orders, description: Placing and tracking orders.}
paths:
  /orders:
    get:
      operationId: listOrders
      tags: [orders]
      responses: {'200': {description: The orders.}}
`,
  },
  check({ api, report }) {
    const declared = new Set(api.tags.map((t) => t.name));
    for (const route of api.routes) {
      if (route.tags.length === 0) {
        report({ message: `${route.method} ${route.path} has no tags; add one (declared under the top-level tags) to group it.`, origin: keyOf(route.origin) });
        continue;
      }
      route.tags.forEach((tag, index) => {
        if (declared.has(tag)) return;
        const known = [...declared];
        report({
          message: `The tag "${tag}" is not declared under the top-level tags${known.length > 0 ? ` (declared: ${known.join(', ')})` : ''}; declare it with a description or use a declared one.`,
          origin: below(route.origin, 'tags', index),
        });
      });
    }
  },
};

import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'operation-id-identifier',
  family: 'spec',
  summary: 'operationIds are usable as identifiers: letters, digits, `_` and `$`, not starting with a digit.',
  docs: {
    why: 'The operationId becomes the SDK method and the handler export. One that is not an identifier (`orders/list`, `get-order`) is renamed, so the code does not match the spec that people read.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: orders/list
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
    const uses = new Map<string, number>();
    for (const route of api.routes) if (route.operationId !== undefined) uses.set(route.operationId, (uses.get(route.operationId) ?? 0) + 1);
    for (const route of api.routes) {
      const written = route.operationId;
      // A duplicate is the compiler's operation-id-duplicate error; one report is enough.
      if (written === undefined || written === route.id || (uses.get(written) ?? 0) > 1) continue;
      const why = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(written) ? 'is a reserved word or the name of another route' : 'is not an identifier';
      report({
        message: `The operationId "${written}" ${why}, so the SDK method and handler export are called "${route.id}"; rename it to an identifier such as "${route.id}".`,
        origin: { file: route.origin.file, pointer: `${route.origin.pointer}/operationId` },
      });
    }
  },
};

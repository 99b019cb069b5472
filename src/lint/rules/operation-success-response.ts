import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'operation-success-response',
  family: 'spec',
  summary: 'Every operation declares at least one success (2XX or 3XX) response.',
  docs: {
    why: 'The SDK types the result of a call from its success responses, and the handler glue types what a handler may return. With only errors or `default`, both fall back to `unknown`. (An HTTP proxy integration with a `default` response passes: it answers whatever its backend does.)',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    post:
      operationId: createOrder
      responses:
        '400': {description: The order is not valid.}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    post:
      operationId: createOrder
      responses:
        '201': {description: The order was created.}
        '400': {description: The order is not valid.}
`,
  },
  check({ api, report }) {
    for (const route of api.routes) {
      if (route.responses.some((r) => /^[23]/.test(r.status))) continue;
      // A proxy to another service answers whatever that service does; `default` says so.
      if (route.integration.type === 'http' && route.integration.proxy && route.responses.some((r) => r.status === 'default')) continue;
      report({
        message: `${route.method} ${route.path} declares no 2XX or 3XX response; add the response a successful call returns (e.g. '200' or '204').`,
        origin: { file: route.origin.file, pointer: `${route.origin.pointer}/responses` },
      });
    }
  },
};

import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

/** The codes of the IANA HTTP Status Code Registry. */
const registered = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402,
  403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);
/** Responses that never carry a body (RFC 9110). */
const bodiless = new Set(['204', '205', '304']);

export const rule: LintRule = {
  id: 'response-status-code',
  family: 'spec',
  summary: 'Response codes are registered HTTP codes a gateway can send, and bodiless codes have no content.',
  docs: {
    why: 'API Gateway never sends an informational (1XX) response on an HTTP route, clients and proxies may treat unregistered codes as their class (a 299 as a plain 200), and a 204, 205 or 304 response has no body, so content declared for it never arrives.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders/{id}:
    delete:
      operationId: deleteOrder
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '204':
          description: Deleted.
          content:
            application/json:
              schema: {type: object}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders/{id}:
    delete:
      operationId: deleteOrder
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '204': {description: Deleted.}
`,
  },
  check({ api, report }) {
    for (const route of api.routes) {
      const responses = below(route.origin, 'responses');
      // The response key is in the operation's file even when the response is a $ref.
      const keyAt = (status: string) => keyOf(below(responses, status));
      for (const response of route.responses) {
        const status = response.status;
        if (status === 'default' || /XX$/.test(status)) continue;
        const code = Number(status);
        if (code < 200) {
          report({ message: `API Gateway does not send ${status} responses on HTTP routes; remove this response.`, origin: keyAt(status) });
        } else if (!registered.has(code)) {
          report({
            message: `${status} is not a registered HTTP status code, so clients and proxies treat it as a plain ${status[0]}XX; use a registered code.`,
            origin: keyAt(status),
          });
        } else if (bodiless.has(status) && response.content.length > 0) {
          report({
            message: `A ${status} response has no body, so its content never reaches clients; remove "content", or answer 200 when there is a body to send.`,
            origin: keyOf(below(response.origin, 'content')),
          });
        }
      }
    }
  },
};

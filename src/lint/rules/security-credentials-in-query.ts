import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

/** Query parameter names that carry credentials. */
const credentialName = /^(x[-_]?)?(api[-_]?key|apikey|access[-_]?token|id[-_]?token|refresh[-_]?token|auth[-_]?token|token|secret|client[-_]?secret|password|passwd|session[-_]?(id|token)|authorization)$/i;

export const rule: LintRule = {
  id: 'security-credentials-in-query',
  family: 'security',
  summary: 'API keys, tokens and passwords travel in headers, not in the query string.',
  docs: {
    why: 'Query strings are written to access logs, CloudFront and proxy logs, browser history and Referer headers, so a credential there leaks to everyone who can read them. (WebSocket APIs are exempt: browsers cannot set headers when they connect.)',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - {name: api_key, in: query, required: true, schema: {type: string}}
      x-gateway: {public: true}
      responses: {'200': {description: The orders.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: listOrders
      security: [{partnerKey: []}]
      responses: {'200': {description: The orders.}}
components:
  securitySchemes:
    partnerKey: {type: apiKey, in: header, name: x-api-key}
`,
  },
  check({ api, spec, report }) {
    if (api.kind === 'websocket') return;
    for (const scheme of api.securitySchemes) {
      if (scheme.type !== 'lambda') continue;
      scheme.identitySources.forEach((source, index) => {
        if (source.in !== 'query') return;
        const written = scheme.origin;
        report({
          message: `The authorizer "${scheme.name}" reads the caller's credential from the query parameter "${source.name}", which ends up in access logs, proxies and browser history; read it from a header (header.${source.name === 'token' ? 'Authorization' : source.name}) instead.`,
          origin: firstWritten(spec, below(written, 'x-gateway', 'lambdaAuthorizer', 'identitySources', index), below(written, 'in'), written),
        });
      });
    }
    const seen = new Set<string>();
    for (const route of api.routes) {
      for (const parameter of route.parameters) {
        if (parameter.in !== 'query' || !credentialName.test(parameter.name)) continue;
        const key = `${parameter.origin.file}#${parameter.origin.pointer}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          message: `The query parameter "${parameter.name}" looks like a credential; query strings end up in access logs, proxies and browser history. Send it in a header, through a security scheme.`,
          origin: below(parameter.origin, 'name'),
        });
      }
    }
  },
};

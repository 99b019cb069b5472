import { integrationTimeoutMs } from '../../ir/apigateway-limits.js';
import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-integration-timeout',
  family: 'apigateway',
  summary: 'REST integration timeouts stay within 29 s unless the account\'s quota was raised (HTTP, WebSocket and edge-optimized APIs are the compiler\'s: x-gateway-limit).',
  docs: {
    why: 'A Regional or private REST API waits 29 s for an integration unless the account\'s "Maximum integration timeout" quota was raised; without that, the deploy fails. (HTTP APIs wait at most 30 s, WebSocket and edge-optimized REST APIs 29 s, whatever the quotas: the compiler refuses longer timeouts there as x-gateway-limit.)',
    bad: `openapi: 3.0.3
info: {title: Reports, version: '1'}
x-gateway: {kind: rest}
paths:
  /reports:
    post:
      operationId: createReport
      x-gateway: {lambda: {handler: reports, timeoutMs: 60000}}
      responses: {'202': {description: Accepted.}}
`,
    good: `openapi: 3.0.3
info: {title: Reports, version: '1'}
x-gateway: {kind: rest}
paths:
  /reports:
    post:
      operationId: createReport
      x-gateway: {lambda: {handler: reports, timeoutMs: 29000}}
      responses: {'202': {description: Accepted.}}
`,
  },
  check({ api, spec, report }) {
    // Timeouts no quota raises are refused by the compiler (x-gateway-limit).
    if (api.kind !== 'rest' || api.gateway.endpoint === 'edge') return;
    const limit = integrationTimeoutMs.rest;
    const seen = new Set<string>();
    for (const route of [...api.routes, ...api.messageRoutes]) {
      const integration = route.integration;
      if (integration.type === 'mock' || integration.timeoutMs <= limit.value) continue;
      const origin = firstWritten(spec, below(integration.origin, 'timeoutMs'), below(api.gateway.origin, 'defaults', 'timeoutMs'), integration.origin);
      const key = `${origin.file}#${origin.pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const seconds = integration.timeoutMs / 1000;
      report({
        message: `REST APIs wait 29 s for an integration unless your account's "Maximum integration timeout" quota was raised (up to ${limit.raisedMax / 1000} s, which lowers the account's throttle); without that, a timeout of ${seconds} s does not deploy. Lower timeoutMs to 29000 or raise the quota first.`,
        origin,
      });
    }
  },
};

import { integrationTimeoutMs } from '../../ir/apigateway-limits.js';
import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

const seconds = (ms: number): string => `${ms / 1000} s`;

export const rule: LintRule = {
  id: 'apigw-integration-timeout',
  family: 'apigateway',
  summary: `REST integration timeouts stay within ${seconds(integrationTimeoutMs.rest.value)} unless the account's quota was raised (HTTP, WebSocket and edge-optimized APIs are the compiler's: x-gateway-limit).`,
  docs: {
    why: `A Regional or private REST API waits ${seconds(integrationTimeoutMs.rest.value)} for an integration unless the account's "Maximum integration timeout" quota was raised; without that, the deploy fails. (HTTP APIs wait at most ${seconds(integrationTimeoutMs.http.value)}, WebSocket and edge-optimized REST APIs ${seconds(integrationTimeoutMs.websocket.value)}, whatever the quotas: the compiler refuses longer timeouts there as x-gateway-limit.)`,
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
      report({
        message: `REST APIs wait ${seconds(limit.value)} for an integration unless your account's "Maximum integration timeout" quota was raised (up to ${seconds(limit.raisedMax)}, which lowers the account's throttle); without that, a timeout of ${seconds(integration.timeoutMs)} does not deploy. Lower timeoutMs to ${limit.value} or raise the quota first.`,
        origin,
      });
    }
  },
};

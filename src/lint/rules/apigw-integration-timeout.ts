import { integrationTimeoutMs } from '../../ir/apigateway-limits.js';
import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-integration-timeout',
  family: 'apigateway',
  summary: 'Integration timeouts are within what the kind of API allows: 29 s on REST and WebSocket APIs, 30 s on HTTP APIs.',
  docs: {
    why: 'HTTP APIs wait at most 30 s and WebSocket APIs 29 s, whatever the template says: the deploy fails. REST APIs wait 29 s unless the account\'s quota was raised, which only Regional and private APIs can have; an edge-optimized API cannot go beyond 29 s at all.',
    bad: `openapi: 3.0.3
info: {title: Reports, version: '1'}
x-gateway: {kind: http}
paths:
  /reports:
    post:
      operationId: createReport
      x-gateway: {lambda: {handler: reports, timeoutMs: 60000}}
      responses: {'202': {description: Accepted.}}
`,
    good: `openapi: 3.0.3
info: {title: Reports, version: '1'}
x-gateway: {kind: http}
paths:
  /reports:
    post:
      operationId: createReport
      x-gateway: {lambda: {handler: reports, timeoutMs: 30000}}
      responses: {'202': {description: Accepted.}}
`,
  },
  check({ api, spec, report }) {
    const limit = integrationTimeoutMs[api.kind];
    const edge = api.kind === 'rest' && api.gateway.endpoint === 'edge';
    const seen = new Set<string>();
    for (const route of [...api.routes, ...api.messageRoutes]) {
      const integration = route.integration;
      if (integration.type === 'mock' || integration.timeoutMs <= limit.value) continue;
      const origin = firstWritten(spec, below(integration.origin, 'timeoutMs'), below(api.gateway.origin, 'defaults', 'timeoutMs'), integration.origin);
      const key = `${origin.file}#${origin.pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const seconds = integration.timeoutMs / 1000;
      const message =
        api.kind !== 'rest' ? `${api.kind === 'http' ? 'HTTP' : 'WebSocket'} APIs wait at most ${limit.value / 1000} s for an integration, so a timeout of ${seconds} s does not deploy; lower timeoutMs to ${limit.value} or make the work asynchronous.`
        : edge ? `An edge-optimized REST API waits at most 29 s for an integration, so a timeout of ${seconds} s does not deploy; lower timeoutMs to 29000, or use endpoint: regional and ask AWS for a higher integration timeout quota.`
        : `REST APIs wait 29 s for an integration unless your account's "Maximum integration timeout" quota was raised (up to ${integrationTimeoutMs.rest.raisedMax / 1000} s, which lowers the account's throttle); without that, a timeout of ${seconds} s does not deploy. Lower timeoutMs to 29000 or raise the quota first.`;
      report({ message, origin });
    }
  },
};

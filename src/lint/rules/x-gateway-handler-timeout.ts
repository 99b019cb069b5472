import type { ApiKind } from '../../ir/types.js';
import { lambdaAuthorizerTimeoutMs } from '../../ir/apigateway-limits.js';
import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'x-gateway-handler-timeout',
  family: 'x-gateway',
  summary: 'A Lambda handler does not run longer than the gateway waits for it.',
  docs: {
    why: 'API Gateway stops waiting when the integration timeout passes and answers 504, but the function keeps running (and is billed) until its own timeout; retries then run the same work twice. Keep the function\'s timeout within the gateway\'s.',
    bad: `openapi: 3.0.3
info: {title: Reports, version: '1'}
x-gateway:
  handlers:
    reports: {timeoutS: 120}
paths:
  /reports:
    post:
      operationId: createReport
      x-gateway: {lambda: {handler: reports}}
      responses: {'202': {description: Accepted.}}
`,
    good: `openapi: 3.0.3
info: {title: Reports, version: '1'}
x-gateway:
  handlers:
    reports: {timeoutS: 29}
paths:
  /reports:
    post:
      operationId: createReport
      x-gateway: {lambda: {handler: reports}}
      responses: {'202': {description: Accepted.}}
`,
  },
  check({ api, spec, report }) {
    const routeTimeouts = new Map<string, number>();
    for (const route of [...api.routes, ...api.messageRoutes]) {
      if (route.integration.type !== 'lambda') continue;
      const name = route.integration.handler;
      routeTimeouts.set(name, Math.max(routeTimeouts.get(name) ?? 0, route.integration.timeoutMs));
    }
    for (const handler of api.handlers) {
      const functionMs = handler.timeoutS * 1000;
      const gatewayMs = handler.role === 'authorizer' ? authorizerWait(api.kind) : routeTimeouts.get(handler.name);
      if (gatewayMs === undefined || functionMs <= gatewayMs) continue;
      report({
        message: `The handler "${handler.name}" may run ${handler.timeoutS} s, but API Gateway waits at most ${gatewayMs / 1000} s for ${handler.role === 'authorizer' ? 'an authorizer' : 'it'}, then answers 504 while the function keeps running. Set timeoutS to ${Math.floor(gatewayMs / 1000)} or less, or make the work asynchronous.`,
        origin: firstWritten(spec, below(handler.origin, 'timeoutS'), below(api.gateway.origin, 'defaults', 'lambda', 'timeoutS'), handler.origin),
      });
    }
  },
};

function authorizerWait(kind: ApiKind): number | undefined {
  return kind === 'http' ? lambdaAuthorizerTimeoutMs.http : undefined;
}

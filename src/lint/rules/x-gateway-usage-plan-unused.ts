import { keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'x-gateway-usage-plan-unused',
  family: 'x-gateway',
  summary: 'Usage plans exist only where some operation requires an API key.',
  docs: {
    why: 'A usage plan throttles and meters requests by the API key they carry. When no operation requires an API key, API Gateway never reads one, so the plan\'s throttle and quota silently apply to nothing. An operation requires a key when its security names an `apiKey` scheme, or, with `apiKeySource: authorizer`, a Lambda authorizer (whose `usageIdentifierKey` is the key).',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  usagePlans:
    partners: {throttle: {rate: 10, burst: 20}, apiKeys: [acme]}
paths:
  /products:
    get:
      operationId: listProducts
      x-gateway: {public: true}
      responses: {'200': {description: Products.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  usagePlans:
    partners: {throttle: {rate: 10, burst: 20}, apiKeys: [acme]}
paths:
  /products:
    get:
      operationId: listProducts
      security: [{partnerKey: []}]
      responses: {'200': {description: Products.}}
components:
  securitySchemes:
    partnerKey: {type: apiKey, in: header, name: x-api-key}
`,
  },
  check({ api, report }) {
    if (api.gateway.usagePlans.length === 0) return;
    if ([...api.routes, ...api.messageRoutes].some((route) => route.apiKeyRequired)) return;
    const fromAuthorizer = api.gateway.apiKeySource === 'AUTHORIZER';
    for (const plan of api.gateway.usagePlans) {
      report({
        message: fromAuthorizer
          ? `The usage plan "${plan.name}" applies to requests by their API key. With apiKeySource: authorizer the key is the usageIdentifierKey of a Lambda authorizer, but no operation is behind one (or requires an apiKey scheme), so the plan's throttle and quota apply to nothing. Put the Lambda authorizer that returns the key in the security of the operations it should meter, or remove the plan.`
          : `The usage plan "${plan.name}" applies to requests by their API key, but no operation requires one, so its throttle and quota apply to nothing. Require an apiKey scheme (in: header, name: x-api-key) on the operations it should meter, or remove the plan.`,
        origin: keyOf(plan.origin),
      });
    }
  },
};

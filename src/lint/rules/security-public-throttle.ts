import type { Origin } from '../../diagnostics/diagnostic.js';
import type { Throttle } from '../../ir/types.js';
import { keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'security-public-throttle',
  family: 'security',
  summary: 'Public operations are throttled, on the operation or on every stage.',
  docs: {
    why: 'Usage plans throttle only callers with an API key, so a public operation is limited by nothing but the account-wide quota it shares with every other API of the account. One noisy client can then exhaust it, and the backend scales (and bills) with the abuse.',
    bad: `openapi: 3.0.3
info: {title: Catalog, version: '1'}
x-gateway:
  stages: {prod: {}}
paths:
  /products:
    get:
      operationId: listProducts
      security: []
      responses: {'200': {description: Products.}}
`,
    good: `openapi: 3.0.3
info: {title: Catalog, version: '1'}
x-gateway:
  stages: {prod: {throttle: {rate: 100, burst: 200}}}
paths:
  /products:
    get:
      operationId: listProducts
      security: []
      responses: {'200': {description: Products.}}
`,
  },
  check({ api, report }) {
    const unthrottled = api.gateway.stages.filter((stage) => !stage.throttle);
    if (unthrottled.length === 0) return;
    const stages = unthrottled.map((s) => `"${s.name}"`).join(', ');
    const check = (security: { public: boolean }, throttle: Throttle | undefined, what: string, origin: Origin): void => {
      if (!security.public || throttle) return;
      report({
        message: `${what} is public and has no throttle, and neither ${unthrottled.length > 1 ? 'do the stages' : 'does the stage'} ${stages}; nothing but the account-wide limit stops one client from flooding it. Set x-gateway.throttle on it, or throttle on the stage.`,
        origin,
      });
    };
    for (const route of api.routes) if (route.shadowedBy === undefined) check(route.security, route.throttle, `${route.method} ${route.path}`, keyOf(route.origin));
    for (const message of api.messageRoutes) check(message.security, message.throttle, `The route ${message.routeKey}`, keyOf(message.origin));
  },
};

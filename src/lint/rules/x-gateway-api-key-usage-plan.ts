import type { MessageRoute, Route } from '../../ir/types.js';
import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'x-gateway-api-key-usage-plan',
  family: 'x-gateway',
  summary: 'Operations that require an API key are reachable: every stage has a usage plan, and keys are read from where they are sent.',
  docs: {
    why: 'API Gateway accepts an API key only when the key belongs to a usage plan for the stage being called; otherwise every request is answered 403 Forbidden. With `apiKeySource: authorizer`, keys are read from the answer of the Lambda authorizer in an operation\'s security, so without one no key is ever found.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  stages: {prod: {}, staging: {}}
  usagePlans:
    partners: {stages: [prod], apiKeys: [acme]}
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
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  stages: {prod: {}, staging: {}}
  usagePlans:
    partners: {stages: [prod, staging], apiKeys: [acme]}
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
    const gateway = api.gateway;
    const keyedRoutes = [...api.routes, ...api.messageRoutes].filter((route) => route.apiKeyRequired);
    const first = keyedRoutes[0];
    if (!first) return;
    const what = `${keyedRoutes.length} operation(s) require an API key`;
    if (gateway.apiKeySource === 'AUTHORIZER') {
      const lambdaSchemes = new Set(api.securitySchemes.filter((s) => s.type === 'lambda').map((s) => s.name));
      const keyless = keyedRoutes.filter((route) => !route.security.requirements.some((uses) => uses.some((u) => lambdaSchemes.has(u.scheme))));
      const firstKeyless = keyless[0];
      if (firstKeyless) {
        report({
          message: `${keyless.length} operation(s) require an API key (first ${describe(firstKeyless)}), and apiKeySource: authorizer reads keys from a Lambda authorizer's usageIdentifierKey, but their security names no Lambda authorizer, so no key is ever found and every request is refused. Use apiKeySource: header, or put a lambdaAuthorizer scheme in their security.`,
          origin: below(gateway.origin, 'apiKeySource'),
        });
      }
    }
    // A plan without keys in the spec still counts: keys may be added to it outside the spec.
    const planned = new Set(gateway.usagePlans.flatMap((p) => p.stages));
    const unplanned = gateway.stages.filter((stage) => !planned.has(stage.name));
    if (gateway.usagePlans.length === 0) {
      report({
        message: `${what} (first ${describe(first)}), but there is no usage plan, so API Gateway refuses every key with 403. Add x-gateway.usagePlans with apiKeys, or drop the API key requirement.`,
        origin: first.security.origin,
      });
      return;
    }
    // A plan naming a stage that does not exist is the compiler's x-gateway-reference; the
    // stages it meant to cover would be reported here again.
    const stageNames = new Set(gateway.stages.map((s) => s.name));
    if (gateway.usagePlans.some((p) => p.stages.some((s) => !stageNames.has(s)))) return;
    for (const stage of unplanned) {
      report({
        message: `${what}, but no usage plan covers the stage "${stage.name}", so API Gateway refuses every request there with 403. Add "${stage.name}" to a usage plan's stages (a plan without "stages" covers all).`,
        origin: keyOf(stage.origin),
      });
    }
  },
};

function describe(route: Route | MessageRoute): string {
  return 'method' in route ? `${route.method} ${route.path}` : route.routeKey;
}

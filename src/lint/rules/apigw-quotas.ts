import type { Origin } from '../../diagnostics/diagnostic.js';
import type { Throttle } from '../../ir/types.js';
import {
  accountThrottle, minimumStackResources, perApi, resourcePolicyChars, restResourcePaths, stackResources, stageVariables, usagePlansPerApiKey,
} from '../../ir/apigateway-limits.js';
import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-quotas',
  family: 'apigateway',
  summary: 'The API fits API Gateway\'s and CloudFormation\'s quotas: resources or routes, stages, authorizers, stage variables, policy size, throttles and stack resources.',
  docs: {
    why: `A spec can describe more than one API Gateway API may hold: ${perApi.restResources.value} resources (REST) or ${perApi.routes.value} routes (HTTP, WebSocket), ${perApi.stages.value} stages, ${perApi.authorizers.value} authorizers, ${stageVariables.perStage} stage variables per stage, an ${resourcePolicyChars}-character resource policy, throttles up to the account's ${accountThrottle.rate.toLocaleString('en-US')} requests per second, and ${stackResources} resources per CloudFormation stack. Some of these quotas can be raised; until they are, the deploy fails. (The lengths of stage variable names and values are checked by the x-gateway schema.)`,
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  stages:
    prod: {throttle: {rate: 20000, burst: 5000}}
paths: {}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  stages:
    prod: {throttle: {rate: 2000, burst: 5000}}
paths: {}
`,
  },
  check({ api, spec, report }) {
    const gateway = api.gateway;
    const root: Origin = { file: spec.rootFile, pointer: '' };
    const raisable = (adjustable: boolean) => (adjustable ? ' Ask AWS to raise the quota (Service Quotas) or split the API.' : '');

    if (api.kind === 'rest') {
      const resources = restResourcePaths(api).length;
      if (resources > perApi.restResources.value) {
        report({
          message: `These paths make ${resources} API Gateway resources (one per distinct path prefix), over the quota of ${perApi.restResources.value} per REST API.${raisable(true)}`,
          origin: keyOf(below(root, 'paths')),
        });
      }
    } else {
      const routes = api.kind === 'http' ? api.routes.filter((r) => r.shadowedBy === undefined).length : api.messageRoutes.length;
      if (routes > perApi.routes.value) {
        report({
          message: `The API has ${routes} routes, over the quota of ${perApi.routes.value} per ${api.kind === 'http' ? 'HTTP' : 'WebSocket'} API.${raisable(true)}`,
          origin: api.kind === 'http' ? keyOf(below(root, 'paths')) : keyOf(below(gateway.origin, 'routes')),
        });
      }
    }
    if (gateway.stages.length > perApi.stages.value) {
      report({ message: `The API has ${gateway.stages.length} stages, over the quota of ${perApi.stages.value} per API.${raisable(true)}`, origin: keyOf(below(gateway.origin, 'stages')) });
    }
    const authorizers = api.securitySchemes.filter((s) => s.type === 'lambda' || s.type === 'cognito' || s.type === 'jwt');
    if (authorizers.length > perApi.authorizers.value) {
      report({
        message: `The API declares ${authorizers.length} authorizers (Lambda, Cognito and JWT schemes), over the quota of ${perApi.authorizers.value} per API.${raisable(true)} Schemes that differ only in scopes can share one authorizer.`,
        origin: keyOf(below(root, 'components', 'securitySchemes')),
      });
    }
    for (const stage of gateway.stages) {
      const variables = Object.entries(stage.variables);
      if (variables.length > stageVariables.perStage) {
        report({ message: `The stage "${stage.name}" has ${variables.length} variables; API Gateway allows ${stageVariables.perStage}. Move configuration to the functions' environment or SSM parameters.`, origin: keyOf(below(stage.origin, 'variables')) });
      }
    }
    if (gateway.policy !== undefined) {
      const length = JSON.stringify(gateway.policy).length;
      if (length > resourcePolicyChars) {
        report({ message: `The resource policy is ${length} characters long as JSON, over API Gateway's ${resourcePolicyChars}.${raisable(true)} Merge statements or use wildcards in resources.`, origin: below(gateway.origin, 'policy') });
      }
    }
    const checkThrottle = (throttle: Throttle | undefined, origin: Origin, what: string): void => {
      if (!throttle) return;
      if (throttle.rate > accountThrottle.rate || throttle.burst > accountThrottle.burst) {
        report({
          message: `${what} allows ${throttle.rate} requests per second with bursts of ${throttle.burst}, above the account's limit of ${accountThrottle.rate} per second and bursts of ${accountThrottle.burst} per Region, which every API of the account shares; requests beyond it are throttled anyway. Lower it, or ask AWS to raise the account's throttle quota.`,
          origin: below(origin, 'throttle'),
        });
      }
    };
    for (const stage of gateway.stages) checkThrottle(stage.throttle, stage.origin, `The stage "${stage.name}"`);
    for (const plan of gateway.usagePlans) checkThrottle(plan.throttle, plan.origin, `The usage plan "${plan.name}"`);
    const plansByKey = new Map<string, string[]>();
    for (const plan of gateway.usagePlans) for (const key of plan.apiKeys) plansByKey.set(key, [...(plansByKey.get(key) ?? []), plan.name]);
    for (const [key, plans] of plansByKey) {
      if (plans.length <= usagePlansPerApiKey) continue;
      report({ message: `The API key "${key}" is in ${plans.length} usage plans; API Gateway allows ${usagePlansPerApiKey} per key.`, origin: keyOf(below(gateway.origin, 'usagePlans')) });
    }
    const resources = minimumStackResources(api);
    if (resources > stackResources) {
      report({
        message: `Deploying this API takes at least ${resources} CloudFormation resources (functions with their roles and permissions, stages, usage plans and keys), over the ${stackResources} a stack may hold. Share handlers between operations or split the API into several stacks.`,
        origin: keyOf(below(root, 'paths')),
      });
    }
  },
};

import type { Origin } from '../../diagnostics/diagnostic.js';
import type { DeployValue } from '../../ir/types.js';
import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

/** `${stageVariables.name}` in URIs and ARNs; `$stageVariables.name` in mapping templates. */
const reference = /\$\{?stageVariables\.([A-Za-z0-9_]+)\}?/g;

export const rule: LintRule = {
  id: 'x-gateway-stage-variable',
  family: 'x-gateway',
  summary: 'Every stage variable an integration or authorizer reads is defined on every stage.',
  docs: {
    why: 'API Gateway substitutes stage variables per request. A stage that does not define one sends requests to `https:///orders` or to an empty ARN: the route fails on that stage only, long after the deploy succeeded.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  stages:
    prod: {variables: {backendHost: backend.example.com}}
    staging: {}
paths:
  /stock:
    get:
      operationId: getStock
      x-gateway:
        http: {uri: 'https://\${stageVariables.backendHost}/stock'}
      responses: {'200': {description: Stock levels.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  stages:
    prod: {variables: {backendHost: backend.example.com}}
    staging: {variables: {backendHost: backend.staging.example.com}}
paths:
  /stock:
    get:
      operationId: getStock
      x-gateway:
        http: {uri: 'https://\${stageVariables.backendHost}/stock'}
      responses: {'200': {description: Stock levels.}}
`,
  },
  check({ api, report }) {
    const stages = api.gateway.stages;
    const uses: { name: string; origin: Origin }[] = [];
    const scan = (text: string | undefined, origin: Origin): void => {
      if (text === undefined || !text.includes('stageVariables.')) return;
      for (const match of text.matchAll(reference)) uses.push({ name: match[1] as string, origin });
    };
    const scanValue = (value: DeployValue | undefined, origin: Origin): void => {
      if (value && 'literal' in value) scan(value.literal, origin);
    };
    const integrations = [...api.routes.map((r) => r.integration), ...api.messageRoutes.map((r) => r.integration)];
    for (const integration of integrations) {
      switch (integration.type) {
        case 'http':
          scan(integration.uri, below(integration.origin, 'uri'));
          for (const [key, value] of Object.entries(integration.requestParameters)) scan(value, below(integration.origin, 'requestParameters', key));
          break;
        case 'aws':
          scanValue(integration.resource, below(integration.origin, 'resource'));
          scanValue(integration.roleArn, below(integration.origin, 'roleArn'));
          for (const [type, template] of Object.entries(integration.requestTemplates)) scan(template, below(integration.origin, 'requestTemplates', type));
          for (const [type, template] of Object.entries(integration.responseTemplates)) scan(template, below(integration.origin, 'responseTemplates', type));
          break;
        default:
          break;
      }
    }
    for (const scheme of api.securitySchemes) {
      if (scheme.type !== 'lambda') continue;
      scheme.identitySources.forEach((source, index) => {
        if (source.in === 'stageVariable') uses.push({ name: source.name, origin: below(scheme.origin, 'x-gateway', 'lambdaAuthorizer', 'identitySources', index) });
      });
    }
    const seen = new Set<string>();
    for (const use of uses) {
      const key = `${use.origin.file}#${use.origin.pointer}#${use.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const missing = stages.filter((stage) => !Object.hasOwn(stage.variables, use.name));
      if (missing.length === 0) continue;
      report({
        message: `This reads the stage variable "${use.name}", which the stage${missing.length > 1 ? 's' : ''} ${missing.map((s) => `"${s.name}"`).join(', ')} do${missing.length > 1 ? '' : 'es'} not define; requests there would use an empty value. Add "${use.name}" under variables of ${missing.length > 1 ? 'each' : 'that'} stage.`,
        origin: use.origin,
        related: missing.map((stage) => ({ message: `the stage "${stage.name}"`, origin: { ...stage.origin, key: true } })),
      });
    }
  },
};

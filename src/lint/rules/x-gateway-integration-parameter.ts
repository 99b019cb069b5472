import type { Origin } from '../../diagnostics/diagnostic.js';
import type { Parameter, ParameterLocation } from '../../ir/types.js';
import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

/** Method request expressions: `method.request.querystring.q` (REST) and `$request.querystring.q` (HTTP APIs). */
const methodRequest = /^(?:method\.request|\$request)\.(path|querystring|header)\.(.+)$/;
const locations: Readonly<Record<string, ParameterLocation>> = { path: 'path', querystring: 'query', header: 'header' };

export const rule: LintRule = {
  id: 'x-gateway-integration-parameter',
  family: 'x-gateway',
  summary: 'Integration URIs and request parameter mappings name parameters the operation declares.',
  docs: {
    why: 'API Gateway refuses to deploy a method whose integration maps `method.request.querystring.q` or fills `{id}` in its URI when the method declares no such parameter ("Invalid mapping expression specified"), and the whole stack rolls back.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders/{orderId}:
    get:
      operationId: getOrder
      parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
      x-gateway:
        http:
          uri: 'https://orders.example.com/orders/{id}'
          proxy: false
          requestParameters: {integration.request.header.x-tenant: method.request.header.x-tenant}
      responses: {'200': {description: The order.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders/{orderId}:
    get:
      operationId: getOrder
      parameters:
        - {name: orderId, in: path, required: true, schema: {type: string}}
        - {name: x-tenant, in: header, required: true, schema: {type: string}}
      x-gateway:
        http:
          uri: 'https://orders.example.com/orders/{orderId}'
          proxy: false
          requestParameters: {integration.request.header.x-tenant: method.request.header.x-tenant}
      responses: {'200': {description: The order.}}
`,
  },
  check({ api, report }) {
    for (const route of api.routes) {
      const integration = route.integration;
      const declared = (where: ParameterLocation, name: string): boolean => route.parameters.some((p) => matches(p, where, name));
      const placeholders = (text: string, origin: Origin, mapped: ReadonlySet<string>): void => {
        for (const match of text.matchAll(/\{([^}$]+?)\+?\}/g)) {
          const name = match[1] as string;
          if (declared('path', name) || mapped.has(name)) continue;
          report({
            message: `The integration fills {${name}}, but ${route.method} ${route.path} has no path parameter "${name}"${describeDeclared(route.parameters, 'path')}; use a declared name or map it under requestParameters.`,
            origin,
          });
        }
      };
      if (integration.type === 'http') {
        const mappedPath = new Set<string>();
        for (const [target, source] of Object.entries(integration.requestParameters)) {
          const at = below(integration.origin, 'requestParameters', target);
          const targetPath = /^integration\.request\.path\.(.+)$/.exec(target);
          if (targetPath) mappedPath.add(targetPath[1] as string);
          const match = methodRequest.exec(source);
          if (!match) continue;
          const where = locations[match[1] as string] as ParameterLocation;
          const name = match[2] as string;
          if (declared(where, name)) continue;
          report({
            message: `"${source}" reads the ${where} parameter "${name}", which ${route.method} ${route.path} does not declare, and API Gateway refuses to deploy the mapping; declare {name: ${name}, in: ${where}} on the operation.`,
            origin: at,
          });
        }
        placeholders(integration.uri.replace(/\$\{[^}]*\}/g, ''), below(integration.origin, 'uri'), mappedPath);
      } else if (integration.type === 'aws' && integration.path !== undefined) {
        placeholders(integration.path, below(integration.origin, 'path'), new Set());
      }
    }
  },
};

function matches(parameter: Parameter, where: ParameterLocation, name: string): boolean {
  if (parameter.in !== where) return false;
  return where === 'header' ? parameter.name.toLowerCase() === name.toLowerCase() : parameter.name === name;
}

function describeDeclared(parameters: readonly Parameter[], where: ParameterLocation): string {
  const names = parameters.filter((p) => p.in === where).map((p) => p.name);
  return names.length > 0 ? ` (it has ${names.map((n) => `"${n}"`).join(', ')})` : '';
}

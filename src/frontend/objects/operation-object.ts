import type { GatewaySettings, HttpMethod, Route, SecurityScheme, ClientOnlyScheme } from '../../ir/types.js';
import { booleanAt, child, isObject, optional, stringAt, type BuildContext, type Node } from '../context.js';
import { decodeOperationSettings } from '../x-gateway/operation.js';
import type { GatewayDefaults } from '../x-gateway/root.js';
import { validateXGateway } from '../x-gateway/validate-x-gateway.js';
import { parameterKey, readParameterList, type ParameterList } from './parameter-object.js';
import { checkPathParameters, type TemplateParameter } from './path-template.js';
import { readRequestBody } from './request-body-object.js';
import { readResponses } from './response-object.js';
import { readSecurity, requiresApiKey } from './security-requirement-object.js';

export interface OperationScope {
  readonly path: string;
  readonly gatewayPath: string;
  readonly method: HttpMethod;
  readonly template: readonly TemplateParameter[] | undefined;
  readonly pathItemParameters: ParameterList;
  readonly pathItemGateway: Node | undefined;
  readonly rootSecurity: Node | undefined;
  readonly schemes: ReadonlyMap<string, SecurityScheme | ClientOnlyScheme>;
  readonly declaredSchemes: ReadonlySet<string>;
  readonly defaults: GatewayDefaults;
  readonly apiKeySource: GatewaySettings['apiKeySource'];
}

/** Reads one operation into a route. Its `id` is given later, by the `nameRoutes` pass. */
export function readOperation(ctx: BuildContext, node: Node, scope: OperationScope): Route {
  const own = readParameterList(ctx, child(node, 'parameters'));
  // Operation parameters override path-item parameters with the same name and location.
  const ownKeys = new Set(own.parameters.map(parameterKey));
  const merged = [...scope.pathItemParameters.parameters.filter((p) => !ownKeys.has(parameterKey(p))), ...own.parameters];
  const order = { path: 0, query: 1, header: 2, cookie: 3 } as const;
  const parameters = merged.map((p, i) => [p, i] as const).sort((a, b) => order[a[0].in] - order[b[0].in] || a[1] - b[1]).map(([p]) => p);
  if (scope.template) {
    // A parameter that could not be read (its problem is reported) may be the one the template names.
    const complete = own.complete && scope.pathItemParameters.complete;
    checkPathParameters(ctx, scope.path, scope.template, parameters, node.origin, { reportUndeclared: complete });
  }

  const xNode = child(node, 'x-gateway');
  let gateway: Node | undefined;
  if (xNode.value !== undefined) {
    ctx.diagnostics.push(...validateXGateway(xNode.value, 'operation', xNode.origin));
    if (isObject(xNode.value)) gateway = xNode;
  }
  const settings = decodeOperationSettings(ctx, gateway, scope.pathItemGateway, { method: scope.method, parameters, origin: node.origin }, scope.defaults);
  const securityNode = child(node, 'security');
  const security = readSecurity(
    ctx,
    securityNode.value !== undefined ? securityNode : scope.rootSecurity,
    scope.schemes,
    scope.declaredSchemes,
    settings.public,
    securityNode.value !== undefined ? securityNode.origin : node.origin,
  );
  if (!settings.integration) ctx.defaultedIntegrations.push(node.origin);
  const tags = child(node, 'tags').value;
  const operationId = stringAt(node, 'operationId');
  const requestBody = readRequestBody(ctx, child(node, 'requestBody'));
  return {
    id: '',
    ...optional('operationId', operationId),
    method: scope.method,
    path: scope.path,
    gatewayPath: scope.gatewayPath,
    ...optional('summary', stringAt(node, 'summary')),
    ...optional('description', stringAt(node, 'description')),
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    deprecated: booleanAt(node, 'deprecated') ?? false,
    parameters,
    ...optional('requestBody', requestBody),
    responses: readResponses(ctx, child(node, 'responses')),
    security,
    apiKeyRequired: requiresApiKey(ctx.kind, security, scope.schemes, scope.apiKeySource),
    integration: settings.integration ?? { type: 'lambda', handler: scope.defaults.handler, timeoutMs: scope.defaults.timeoutMs, origin: node.origin },
    ...optional('throttle', settings.throttle),
    ...optional('cache', settings.cache),
    validation: settings.validation,
    ...optional('alarms', settings.alarms),
    ...optional('pagination', settings.pagination),
    origin: node.origin,
  };
}

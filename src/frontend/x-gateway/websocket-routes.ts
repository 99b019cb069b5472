import type { GatewaySettings, MessageRoute, SecurityScheme, ClientOnlyScheme } from '../../ir/types.js';
import { child, entries, isObject, optional, type BuildContext, type Node } from '../context.js';
import { readSecurity, requiresApiKey } from '../objects/security-requirement-object.js';
import { decodeIntegration, decodeRouteAlarms, validationFrom } from './operation.js';
import type { GatewayDefaults } from './root.js';
import { bool, str, throttle } from './values.js';

/** Reads `x-gateway.routes` of a WebSocket API. Only `$connect` may carry auth. */
export function readMessageRoutes(
  ctx: BuildContext,
  node: Node,
  rootSecurity: Node | undefined,
  schemes: ReadonlyMap<string, SecurityScheme | ClientOnlyScheme>,
  declaredSchemes: ReadonlySet<string>,
  defaults: GatewayDefaults,
  apiKeySource: GatewaySettings['apiKeySource'],
): MessageRoute[] {
  const routes: MessageRoute[] = [];
  for (const [routeKey, routeNode] of entries(node)) {
    const value = isObject(routeNode.value) ? routeNode.value : {};
    const integrationKey = (['lambda', 'http', 'mock', 'aws'] as const).find((k) => k in value);
    const integration = integrationKey
      ? decodeIntegration(ctx, integrationKey, child(routeNode, integrationKey), 'POST', defaults)
      : { type: 'lambda' as const, handler: defaults.handler, timeoutMs: defaults.timeoutMs, origin: routeNode.origin };
    const connect = routeKey === '$connect';
    if (!connect && ('security' in value || 'public' in value)) {
      ctx.report('websocket-route-invalid', `Only $connect can be authorized on a WebSocket API; remove "security"/"public" from "${routeKey}" and authorize the connection instead.`, routeNode.origin);
    }
    const securityNode = 'security' in value ? child(routeNode, 'security') : rootSecurity;
    const security = connect
      ? readSecurity(ctx, securityNode, schemes, declaredSchemes, bool(value['public']) ?? false, securityNode?.origin ?? routeNode.origin)
      : { public: false, requirements: [], origin: routeNode.origin };
    const bodyNode = child(routeNode, 'body');
    if (bodyNode.value !== undefined && (connect || routeKey === '$disconnect')) {
      ctx.report('websocket-route-invalid', `${routeKey} carries no message body; remove "body".`, bodyNode.origin);
    }
    const throttleValue = throttle(value['throttle']);
    const validation = 'validation' in value ? validationFrom(value['validation']) : defaults.validation;
    if (!integration) continue;
    routes.push({
      id: '',
      routeKey,
      ...optional('summary', str(value['summary'])),
      ...optional('description', str(value['description'])),
      ...optional('body', bodyNode.value === undefined ? undefined : ctx.schemas.convert(bodyNode)),
      security,
      apiKeyRequired: requiresApiKey(ctx.kind, security, schemes, apiKeySource),
      integration,
      respond: bool(value['respond']) ?? false,
      // Messages have a body only: the gateway checks it against the route's model, nothing else.
      validation: { body: validation.body && bodyNode.value !== undefined, parameters: false },
      ...optional('throttle', throttleValue),
      ...optional('alarms', decodeRouteAlarms(value['alarms'])),
      origin: routeNode.origin,
    });
  }
  return routes;
}

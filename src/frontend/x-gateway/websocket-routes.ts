import type { MessageRoute, SecurityScheme, ClientOnlyScheme } from '../../ir/types.js';
import { child, entries, isObject, optional, type BuildContext, type Node } from '../context.js';
import { readSecurity } from '../objects/security-requirement-object.js';
import { decodeIntegration } from './operation.js';
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
): MessageRoute[] {
  const routes: MessageRoute[] = [];
  for (const [routeKey, routeNode] of entries(node)) {
    const value = isObject(routeNode.value) ? routeNode.value : {};
    const integrationKey = (['lambda', 'http', 'mock'] as const).find((k) => k in value);
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
    if (!integration) continue;
    routes.push({
      id: '',
      routeKey,
      ...optional('summary', str(value['summary'])),
      ...optional('description', str(value['description'])),
      ...optional('body', bodyNode.value === undefined ? undefined : ctx.schemas.convert(bodyNode)),
      security,
      integration,
      respond: bool(value['respond']) ?? false,
      ...optional('throttle', throttleValue),
      origin: routeNode.origin,
    });
  }
  return routes;
}

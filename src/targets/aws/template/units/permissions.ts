/**
 * Lambda invoke permissions: each function may be invoked by API Gateway only for its own
 * methods and paths (REST, HTTP) or route keys (WebSocket), and authorizer functions only
 * as authorizers of this API.
 *
 * A function's resource policy holds at most 20 KB (about 60 statements), and a stack 500
 * resources, so a function serving many routes gets one permission for the whole API.
 */
import { diagnostic } from '../../../../diagnostics/codes.js';
import { getAtt, type CfnValue } from '../../cfn.js';
import { authorizersArn, methodArn, routeKeyArn, wholeApiArn } from '../arns.js';
import { primaryStage, type UnitContext } from '../context.js';

/** Above this many routes, a function gets one permission for the whole API instead of one per route. */
export const maxPermissionsPerFunction = 20;

export function addPermissions(ctx: UnitContext): void {
  const { api } = ctx;
  for (const handler of api.handlers) {
    if (handler.role === 'authorizer') {
      addPermission(ctx, handler.name, 'authorizer', authorizersArn(ctx.names.api));
      continue;
    }
    const scopes = handler.role === 'message' ? messageScopes(ctx, handler.uses) : routeScopes(ctx, handler.uses);
    if (scopes.length > maxPermissionsPerFunction) {
      ctx.template.report(
        diagnostic(
          'template-permission-widened',
          `Handler "${handler.name}" serves ${scopes.length} routes, more than the ${maxPermissionsPerFunction} invoke permissions gatewright gives one function; it may be invoked for any route of this API. Split the routes over more handlers to keep one permission per route.`,
          handler.origin,
        ),
      );
      addPermission(ctx, handler.name, 'api', wholeApiArn(ctx.names.api));
      continue;
    }
    for (const scope of scopes) addPermission(ctx, handler.name, scope.name, scope.arn);
  }
}

interface Scope {
  readonly name: string;
  readonly arn: CfnValue;
}

function routeScopes(ctx: UnitContext, routeIds: readonly string[]): Scope[] {
  const wanted = new Set(routeIds);
  return ctx.api.routes
    .filter((r) => wanted.has(r.id) && r.shadowedBy === undefined && r.integration.type === 'lambda')
    .map((r) => ({ name: r.id, arn: methodArn(ctx.names.api, r.method, r.gatewayPath) }));
}

function messageScopes(ctx: UnitContext, routeIds: readonly string[]): Scope[] {
  const wanted = new Set(routeIds);
  const routes = ctx.api.messageRoutes.filter((r) => wanted.has(r.id) && r.integration.type === 'lambda');
  if (ctx.flavour === 'sam') {
    // SAM's WebSocketApi already grants each route function its route in the primary stage.
    const primary = primaryStage(ctx.api).name;
    return ctx.api.gateway.stages.length > 1
      ? ctx.api.gateway.stages.filter((s) => s.name !== primary).map((s) => ({ name: `stage ${s.name}`, arn: wholeApiArn(ctx.names.api, s.name) }))
      : [];
  }
  return routes.map((r) => ({ name: r.id, arn: routeKeyArn(ctx.names.api, r.routeKey) }));
}

function addPermission(ctx: UnitContext, handler: string, scope: string, sourceArn: CfnValue): void {
  ctx.template.add(ctx.template.ids.get('Permission', `${handler} ${scope}`), {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(ctx.names.function(handler), 'Arn'),
      Principal: 'apigateway.amazonaws.com',
      SourceArn: sourceArn,
    },
  });
}

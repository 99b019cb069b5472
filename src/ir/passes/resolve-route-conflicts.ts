import type { Origin } from '../../diagnostics/diagnostic.js';
import type { Api, Route } from '../types.js';

export type ConflictReport = (code: 'path-shadowed' | 'path-ambiguous', message: string, origin: Origin, related: Origin) => void;

/**
 * Finds routes that the gateway cannot tell apart: the same method on the same gateway
 * path. When they share a Lambda handler, the later ones are marked `shadowedBy` the
 * first (the handler's glue dispatches on the spec's path); otherwise it is an error.
 */
export function resolveRouteConflicts(api: Api, report: ConflictReport): Api {
  const first = new Map<string, Route>();
  const routes = api.routes.map((route): Route => {
    const key = `${route.method} ${route.gatewayPath}`;
    const winner = first.get(key);
    if (!winner) {
      first.set(key, route);
      return route;
    }
    const at = { ...route.origin, key: true };
    const other = { ...winner.origin, key: true };
    const shared = route.integration.type === 'lambda' && winner.integration.type === 'lambda' && route.integration.handler === winner.integration.handler;
    if (!shared) {
      report(
        'path-ambiguous',
        `${route.method} ${route.path} matches the same requests as ${winner.method} ${winner.path}, and API Gateway routes only one of them. Merge the two operations, or serve both with the same Lambda handler.`,
        at,
        other,
      );
      return route;
    }
    report(
      'path-shadowed',
      `${route.method} ${route.path} matches the same requests as ${winner.method} ${winner.path} at the gateway, which routes them as one method; the shared handler "${route.integration.type === 'lambda' ? route.integration.handler : ''}" tells them apart by path. Give them distinct paths if you can.`,
      at,
      other,
    );
    return { ...route, shadowedBy: winner.id };
  });
  return { ...api, routes };
}

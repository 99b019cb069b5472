import type { Api, HttpMethod, Route } from '../../ir/types.js';
import { pathParameterSources, type PathParameterSource } from '../../ir/paths.js';
import type { MethodKey } from './draft.js';

/** One method the gateway routes, and the spec's operations it serves. */
export interface RoutedMethod {
  /** The route that configures the method. */
  readonly route: Route;
  /** Later routes the gateway cannot tell apart from it (`Route.shadowedBy`); their handler tells them apart. */
  readonly shadowed: readonly Route[];
  /** `Route.gatewayPath`. */
  readonly path: string;
  readonly key: MethodKey;
}

/** The methods of the document, in spec order: every route except those another route shadows. */
export function routedMethods(api: Api): RoutedMethod[] {
  // Grouped in one pass: a search of every route per route took minutes on 10,000 routes.
  const shadowedBy = new Map<string, Route[]>();
  for (const route of api.routes) {
    if (route.shadowedBy === undefined) continue;
    const group = shadowedBy.get(route.shadowedBy);
    if (group) group.push(route);
    else shadowedBy.set(route.shadowedBy, [route]);
  }
  return api.routes
    .filter((route) => route.shadowedBy === undefined)
    .map((route) => ({
      route,
      shadowed: shadowedBy.get(route.id) ?? [],
      path: route.gatewayPath,
      key: methodKey(route.method),
    }));
}

export function methodKey(method: HttpMethod): MethodKey {
  return method === 'ANY' ? 'x-amazon-apigateway-any-method' : (method.toLowerCase() as MethodKey);
}

/** The gateway's name for a path parameter of the spec, or undefined when it shares a segment with others. */
export function gatewayParameterName(route: Pick<Route, 'path' | 'gatewayPath'>, specName: string): string | undefined {
  const source = pathParameterSources(route).find((s) => s.name === specName);
  return source && source.pattern === undefined ? source.gatewayName : undefined;
}

/** The gateway's path parameters, each with the spec parameters it carries. */
export function gatewayPathParameters(route: Pick<Route, 'path' | 'gatewayPath'>): Map<string, PathParameterSource[]> {
  const out = new Map<string, PathParameterSource[]>();
  for (const source of pathParameterSources(route)) out.set(source.gatewayName, [...(out.get(source.gatewayName) ?? []), source]);
  return out;
}

import type { Route } from './types.js';

/** Where the value of one path parameter of the spec comes from in the gateway's request. */
export interface PathParameterSource {
  /** The parameter as the spec names it. */
  readonly name: string;
  /** The path parameter API Gateway hands over (from `Route.gatewayPath`). */
  readonly gatewayName: string;
  /** When one gateway parameter carries several of the spec's: a regex over its value, and the group that holds this one. */
  readonly pattern?: string;
  readonly group?: number;
}

/** How to recover the spec's path parameters from what API Gateway passes. */
export function pathParameterSources(route: Pick<Route, 'path' | 'gatewayPath'>): PathParameterSource[] {
  const written = route.path.slice(1).replace(/\/$/, '').split('/');
  const routed = route.gatewayPath.slice(1).replace(/\/$/, '').split('/');
  const out: PathParameterSource[] = [];
  written.forEach((segment, index) => {
    const gateway = /^\{([^{}]+?)\+?\}$/.exec(routed[index] ?? '');
    if (!gateway) return;
    const gatewayName = gateway[1] as string;
    const whole = /^\{([^{}]+?)\+?\}$/.exec(segment);
    if (whole) {
      out.push({ name: whole[1] as string, gatewayName });
      return;
    }
    const names: string[] = [];
    const pattern =
      '^' +
      segment
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const parameter = /^\{(.+)\}$/.exec(part);
          if (!parameter) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(parameter[1] as string);
          return '(.+?)';
        })
        .join('') +
      '$';
    names.forEach((name, i) => out.push({ name, gatewayName, pattern, group: i + 1 }));
  });
  return out;
}

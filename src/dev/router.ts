import type { Route } from '../ir/types.js';
import { decodePathSegment } from './request.js';

export interface RouteMatch {
  readonly route: Route;
  /** By the gateway's parameter names (`Route.gatewayPath`), decoded. */
  readonly pathParameters: Readonly<Record<string, string>>;
}

export type RouteLookup =
  | { readonly found: RouteMatch }
  /** A resource matches the path, but none of its methods (nor ANY) the request's method. */
  | { readonly methodMissing: true; readonly resourcePath: string }
  | { readonly notFound: true };

interface Node {
  readonly literals: Map<string, Node>;
  variable?: { readonly name: string; readonly node: Node };
  greedy?: { readonly name: string; readonly methods: Map<string, Route>; readonly path: string };
  readonly methods: Map<string, Route>;
  path: string;
}

function emptyNode(path: string): Node {
  return { literals: new Map(), methods: new Map(), path };
}

/**
 * Routes requests as API Gateway does, on the gateway path of each route (shadowed
 * routes are served by the route that shadows them): at each segment a literal beats
 * a `{parameter}`, which beats a greedy `{proxy+}`; a method beats `ANY`.
 */
export class Router {
  readonly #root = emptyNode('/');

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      if (route.shadowedBy !== undefined) continue;
      let node = this.#root;
      const segments = splitPath(route.gatewayPath);
      for (const [index, segment] of segments.entries()) {
        const path = '/' + segments.slice(0, index + 1).join('/');
        const greedy = /^\{(.+)\+\}$/.exec(segment);
        if (greedy) {
          node.greedy ??= { name: greedy[1] as string, methods: new Map(), path };
          node.greedy.methods.set(route.method, route);
          node = undefined as unknown as Node;
          break;
        }
        const variable = /^\{(.+)\}$/.exec(segment);
        if (variable) {
          node.variable ??= { name: variable[1] as string, node: emptyNode(path) };
          node = node.variable.node;
        } else {
          let next = node.literals.get(segment);
          if (!next) node.literals.set(segment, (next = emptyNode(path)));
          node = next;
        }
      }
      if (node) node.methods.set(route.method, route);
    }
  }

  lookup(method: string, rawPath: string): RouteLookup {
    const segments = splitPath(rawPath);
    let resourcePath: string | undefined;
    const found = this.#walk(this.#root, segments, 0, method.toUpperCase(), {}, (path) => {
      resourcePath ??= path;
    });
    if (found) return { found };
    return resourcePath !== undefined ? { methodMissing: true, resourcePath } : { notFound: true };
  }

  /**
   * The resource the gateway picks for a path whatever the method (a literal segment before
   * a parameter before a greedy one), with the methods routed on it: where a REST API's
   * `OPTIONS` mock for CORS preflights lives.
   */
  resourceAt(rawPath: string): { readonly path: string; readonly methods: readonly string[] } | undefined {
    const segments = splitPath(rawPath);
    const find = (node: Node, index: number): { path: string; methods: string[] } | undefined => {
      if (index === segments.length) return node.methods.size > 0 ? { path: node.path, methods: [...node.methods.keys()] } : undefined;
      const segment = segments[index] as string;
      const literal = node.literals.get(segment);
      const found = (literal && find(literal, index + 1)) ?? (node.variable && segment !== '' ? find(node.variable.node, index + 1) : undefined);
      if (found) return found;
      return node.greedy ? { path: node.greedy.path, methods: [...node.greedy.methods.keys()] } : undefined;
    };
    return find(this.#root, 0);
  }

  #walk(
    node: Node,
    segments: readonly string[],
    index: number,
    method: string,
    parameters: Record<string, string>,
    sawResource: (path: string) => void,
  ): RouteMatch | undefined {
    if (index === segments.length) {
      const route = node.methods.get(method) ?? node.methods.get('ANY');
      if (route) return { route, pathParameters: parameters };
      if (node.methods.size > 0) sawResource(node.path);
      return undefined;
    }
    const segment = segments[index] as string;
    const literal = node.literals.get(segment);
    if (literal) {
      const match = this.#walk(literal, segments, index + 1, method, parameters, sawResource);
      if (match) return match;
    }
    if (node.variable && segment !== '') {
      const match = this.#walk(node.variable.node, segments, index + 1, method, { ...parameters, [node.variable.name]: decodePathSegment(segment) }, sawResource);
      if (match) return match;
    }
    if (node.greedy) {
      const route = node.greedy.methods.get(method) ?? node.greedy.methods.get('ANY');
      const rest = segments.slice(index).map(decodePathSegment).join('/');
      if (route) return { route, pathParameters: { ...parameters, [node.greedy.name]: rest } };
      sawResource(node.greedy.path);
    }
    return undefined;
  }
}

/** `/a/b/` → `['a', 'b']`; the root is no segments. A trailing slash names the same resource. */
export function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

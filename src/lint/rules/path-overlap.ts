import type { Route } from '../../ir/types.js';
import { pathKeyOrigin } from '../origins.js';
import type { LintRule } from '../rule.js';

interface RoutedPath {
  readonly path: string;
  readonly segments: readonly string[];
  readonly methods: ReadonlySet<string>;
  readonly route: Route;
}

export const rule: LintRule = {
  id: 'path-overlap',
  family: 'spec',
  summary: 'No two templated paths match the same request unless one is more specific at every segment.',
  docs: {
    why: 'API Gateway prefers a literal segment to a parameter, segment by segment from the left. For `/{team}/members` and `/admins/{id}`, the request `/admins/members` goes to `/admins/{id}`, so the first path never sees the team "admins". (Paths that differ only in parameter names are the compiler\'s `path-ambiguous`.)',
    bad: `openapi: 3.0.3
info: {title: Teams, version: '1'}
paths:
  /{team}/members:
    get:
      operationId: listMembers
      parameters: [{name: team, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: Members.}}
  /admins/{id}:
    get:
      operationId: getAdmin
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: An admin.}}
`,
    good: `openapi: 3.0.3
info: {title: Teams, version: '1'}
paths:
  /teams/{team}/members:
    get:
      operationId: listMembers
      parameters: [{name: team, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: Members.}}
  /admins/{id}:
    get:
      operationId: getAdmin
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: An admin.}}
`,
  },
  check({ api, spec, report }) {
    const byPath = new Map<string, { segments: string[]; methods: Set<string>; route: Route }>();
    for (const route of api.routes) {
      if (route.shadowedBy !== undefined || route.gatewayPath.includes('+}')) continue;
      const entry = byPath.get(route.gatewayPath);
      if (entry) entry.methods.add(route.method);
      else byPath.set(route.gatewayPath, { segments: route.gatewayPath.split('/').filter(Boolean), methods: new Set([route.method]), route });
    }
    // REST routes a request to a resource first and only then looks for the method, so
    // paths overlap whatever their methods; HTTP APIs match method and path together.
    const resourceFirst = api.kind === 'rest';
    const bySegmentCount = new Map<number, RoutedPath[]>();
    for (const [path, entry] of byPath) {
      const list = bySegmentCount.get(entry.segments.length) ?? [];
      list.push({ path, ...entry });
      bySegmentCount.set(entry.segments.length, list);
    }
    for (const paths of bySegmentCount.values()) {
      for (let i = 0; i < paths.length; i++) {
        for (let j = 0; j < i; j++) {
          const earlier = paths[j] as RoutedPath;
          const later = paths[i] as RoutedPath;
          if (!resourceFirst && !sharesMethod(earlier.methods, later.methods)) continue;
          const winner = crossedWinner(earlier.segments, later.segments);
          if (winner === undefined) continue;
          const [won, lost] = winner === 0 ? [earlier, later] : [later, earlier];
          report({
            message: `${later.route.path} and ${earlier.route.path} both match requests such as ${example(won.segments, lost.segments)}; API Gateway sends those to ${won.route.path}, so ${lost.route.path} never sees them. Give one of the paths a distinct literal segment.`,
            origin: pathKeyOrigin(spec.rootFile, later.route.path),
            related: [{ message: 'the other path', origin: pathKeyOrigin(spec.rootFile, earlier.route.path) }],
          });
        }
      }
    }
  },
};

function isVariable(segment: string): boolean {
  return segment.startsWith('{');
}

function sharesMethod(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.has('ANY') || b.has('ANY')) return true;
  for (const method of a) if (b.has(method)) return true;
  return false;
}

/**
 * For two paths of the same length that can match one request, where each is literal at a
 * segment the other leaves open: the index (0 or 1) of the path the gateway picks, which is
 * the one with the leftmost literal. `undefined` when they cannot both match or one is
 * simply more specific.
 */
function crossedWinner(a: readonly string[], b: readonly string[]): 0 | 1 | undefined {
  let first: 0 | 1 | undefined;
  let aLiteralOnly = false;
  let bLiteralOnly = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as string;
    const y = b[k] as string;
    const xVar = isVariable(x);
    const yVar = isVariable(y);
    if (!xVar && !yVar) {
      if (x !== y) return undefined;
    } else if (!xVar) {
      aLiteralOnly = true;
      first ??= 0;
    } else if (!yVar) {
      bLiteralOnly = true;
      first ??= 1;
    }
  }
  return aLiteralOnly && bLiteralOnly ? first : undefined;
}

function example(won: readonly string[], lost: readonly string[]): string {
  return '/' + won.map((segment, k) => (isVariable(segment) ? (isVariable(lost[k] as string) ? 'x' : (lost[k] as string)) : segment)).join('/');
}

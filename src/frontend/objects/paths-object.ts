import type { GatewaySettings, HttpMethod, Route, SecurityScheme, ClientOnlyScheme } from '../../ir/types.js';
import { child, entries, expectObject, isObject, type BuildContext, type Node } from '../context.js';
import type { GatewayDefaults } from '../x-gateway/root.js';
import { validateOperationObject } from '../validate-document.js';
import { validateXGateway } from '../x-gateway/validate-x-gateway.js';
import { readOperation } from './operation-object.js';
import { readParameterList } from './parameter-object.js';
import { ResourceTree, readPathTemplate, renderGatewayPath } from './path-template.js';

const methods: Readonly<Record<string, HttpMethod>> = {
  get: 'GET', put: 'PUT', post: 'POST', delete: 'DELETE', options: 'OPTIONS', head: 'HEAD', patch: 'PATCH',
};

export interface PathsScope {
  readonly rootSecurity: Node | undefined;
  readonly schemes: ReadonlyMap<string, SecurityScheme | ClientOnlyScheme>;
  readonly declaredSchemes: ReadonlySet<string>;
  readonly defaults: GatewayDefaults;
  /** Decides which operations require an API key. */
  readonly apiKeySource: GatewaySettings['apiKeySource'];
}

/** Reads `paths` into routes, in written order, checking each path against API Gateway's rules. */
export function readPaths(ctx: BuildContext, node: Node, scope: PathsScope): Route[] {
  const map = expectObject(ctx, node, '"paths"');
  if (!map) return [];
  const routes: Route[] = [];
  const tree = new ResourceTree(ctx);
  for (const [path, written] of entries(map)) {
    if (path.startsWith('x-')) continue;
    const pathOrigin = written.origin;
    const template = readPathTemplate(ctx, path, pathOrigin, ctx.kind);
    const gatewayPath = template ? renderGatewayPath(tree.insert(path, template.segments, pathOrigin)) : path;
    const resolved = ctx.deref(written);
    const item = resolved && expectObject(ctx, resolved, `The path item "${path}"`);
    if (!item) continue;
    const pathItemParameters = readParameterList(ctx, child(item, 'parameters'));
    const xNode = child(item, 'x-gateway');
    let pathItemGateway: Node | undefined;
    if (xNode.value !== undefined) {
      ctx.diagnostics.push(...validateXGateway(xNode.value, 'pathItem', xNode.origin));
      if (isObject(xNode.value)) pathItemGateway = xNode;
    }
    const operationScope = { path, gatewayPath, template: template?.parameters, pathItemParameters, pathItemGateway, ...scope };
    for (const [key, operation] of entries(item)) {
      const method = methods[key];
      if (key === 'trace') {
        ctx.report('operation-method-unsupported', 'API Gateway does not route TRACE requests; remove this operation.', { ...operation.origin, key: true });
        continue;
      }
      if (!method) continue;
      const op = expectObject(ctx, operation, `The ${key} operation`);
      if (op) routes.push(readOperation(ctx, op, { ...operationScope, method }));
    }
    if (pathItemGateway && isObject(obj(pathItemGateway.value)['any'])) {
      const any = child(pathItemGateway, 'any');
      // OpenAPI sees an extension here, so the document's validation skipped it.
      ctx.diagnostics.push(...validateOperationObject(any.value, ctx.version, any.origin, ctx.sources.get(any.origin.file)?.data));
      routes.push(readOperation(ctx, any, { ...operationScope, method: 'ANY' }));
    }
  }
  return routes;
}

function obj(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

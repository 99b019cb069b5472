/**
 * The document while the units build it: paths, methods and components in maps the units
 * fill in their fixed order, then serialised with a stable key order, whatever the order
 * in which the units happened to add things.
 */
import type { CfnValue } from '../aws/cfn.js';

export type JsonObject = { [key: string]: CfnValue };

/** The key of an HTTP method under a path item; ANY is API Gateway's own extension. */
export type MethodKey = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'x-amazon-apigateway-any-method';

export class DocumentDraft {
  /** Top-level keys other than paths and components: info, extensions... */
  readonly root = new Map<string, CfnValue>();
  readonly paths = new Map<string, Map<MethodKey, JsonObject>>();
  readonly schemas = new Map<string, CfnValue>();
  readonly securitySchemes = new Map<string, CfnValue>();

  /** The method object of a path, created empty on first use. */
  method(path: string, key: MethodKey): JsonObject {
    let item = this.paths.get(path);
    if (!item) {
      item = new Map();
      this.paths.set(path, item);
    }
    let operation = item.get(key);
    if (!operation) {
      operation = {};
      item.set(key, operation);
    }
    return operation;
  }

  existingMethod(path: string, key: MethodKey): JsonObject | undefined {
    return this.paths.get(path)?.get(key);
  }

  toJson(): JsonObject {
    const doc: JsonObject = {};
    for (const key of rootOrder) if (this.root.has(key)) doc[key] = this.root.get(key) as CfnValue;
    doc['paths'] = Object.fromEntries(
      [...this.paths].map(([path, methods]) => [path, Object.fromEntries([...methods].sort(byMethod).map(([key, op]) => [key, ordered(op, operationOrder)]))]),
    );
    const components: JsonObject = {};
    if (this.schemas.size > 0) components['schemas'] = Object.fromEntries(this.schemas);
    if (this.securitySchemes.size > 0) components['securitySchemes'] = Object.fromEntries(this.securitySchemes);
    if (Object.keys(components).length > 0) doc['components'] = components;
    for (const [key, value] of [...this.root].filter(([key]) => !rootOrder.includes(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) doc[key] = value;
    return doc;
  }
}

const rootOrder = ['openapi', 'info', 'servers'];

const methodOrder: readonly MethodKey[] = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options', 'x-amazon-apigateway-any-method'];

function byMethod([a]: [MethodKey, unknown], [b]: [MethodKey, unknown]): number {
  return methodOrder.indexOf(a) - methodOrder.indexOf(b);
}

const operationOrder = [
  'operationId', 'summary', 'description', 'tags', 'deprecated', 'parameters', 'requestBody', 'responses', 'security',
  'x-amazon-apigateway-request-validator', 'x-amazon-apigateway-integration',
];

function ordered(object: JsonObject, order: readonly string[]): JsonObject {
  const known = order.filter((key) => key in object).map((key) => [key, object[key] as CfnValue] as const);
  const rest = Object.keys(object)
    .filter((key) => !order.includes(key))
    .map((key) => [key, object[key] as CfnValue] as const);
  return Object.fromEntries([...known, ...rest]);
}

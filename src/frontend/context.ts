import type { Diagnostic, Origin } from '../diagnostics/diagnostic.js';
import { diagnostic, type Code, type DiagnosticOptions } from '../diagnostics/codes.js';
import { appendPointer } from '../load/json-pointer.js';
import { Resolver, isRef } from '../load/resolver.js';
import type { SourceSet } from '../load/source.js';
import type { ApiKind } from '../ir/types.js';
import { SchemaRegistry } from './objects/schema-object.js';

export type OpenApiVersion = '3.0' | '3.1';

/** A value of the spec and where it is. */
export interface Node<T = unknown> {
  readonly value: T;
  readonly origin: Origin;
}

/** State shared while the front end reads one spec. */
export class BuildContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly resolver: Resolver;
  readonly schemas: SchemaRegistry;
  /** Operations that name no integration and so use the default handler. */
  readonly defaultedIntegrations: Origin[] = [];

  constructor(
    readonly sources: SourceSet,
    readonly rootFile: string,
    readonly version: OpenApiVersion,
    readonly kind: ApiKind,
  ) {
    this.resolver = new Resolver(sources);
    this.schemas = new SchemaRegistry(this);
  }

  readonly #reported = new Set<string>();
  readonly #shared = new Map<string, unknown>();

  /**
   * What `read` makes of a component that operations reach through `$ref`, read once: GitHub
   * references 209 parameters 3,153 times and 49 responses 2,026 times. `read` must depend
   * only on the node at `origin`, and report through `report`, whose duplicates are dropped
   * anyway, so that reading it again would add nothing.
   */
  shared<T>(kind: string, origin: Origin, read: () => T): T {
    const key = `${kind}\u0000${origin.file}#${origin.pointer}`;
    if (this.#shared.has(key)) return this.#shared.get(key) as T;
    const value = read();
    this.#shared.set(key, value);
    return value;
  }

  /** Reports a problem once: a root-level setting inherited by many operations is one problem. */
  report(code: Code, message: string, origin?: Origin, options?: DiagnosticOptions): void {
    const key = `${code}\u0000${origin?.file}\u0000${origin?.pointer}\u0000${message}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.diagnostics.push(diagnostic(code, message, origin, options));
  }

  /** Follows `$ref`s to the object they name, reporting loops and dead ends. */
  deref(node: Node): Node | undefined {
    if (!isRef(node.value)) return node;
    const result = this.resolver.deref(node.value, node.origin);
    if ('problem' in result) {
      if (result.problem === 'cycle') {
        this.report('ref-cycle', `The $ref "${result.ref}" leads back to itself through other references; point it at a real object.`, {
          ...node.origin,
          pointer: appendPointer(node.origin.pointer, '$ref'),
        });
      }
      // Unresolved references were reported by the loader, with the same location.
      return undefined;
    }
    return result;
  }
}

export function child(node: Node, key: string | number): Node {
  const value = node.value !== null && typeof node.value === 'object' ? (node.value as Record<string, unknown>)[key] : undefined;
  return { value, origin: { file: node.origin.file, pointer: appendPointer(node.origin.pointer, key) } };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reports a value of the wrong type and returns `undefined`; used where the OpenAPI schema already says so. */
export function expectObject(ctx: BuildContext, node: Node, what: string): Node<Record<string, unknown>> | undefined {
  if (node.value === undefined) return undefined;
  if (isObject(node.value)) return node as Node<Record<string, unknown>>;
  ctx.report('openapi-unexpected-type', `${what} must be an object, not ${describe(node.value)}.`, node.origin);
  return undefined;
}

export function expectArray(ctx: BuildContext, node: Node, what: string): Node<unknown[]> | undefined {
  if (node.value === undefined) return undefined;
  if (Array.isArray(node.value)) return node as Node<unknown[]>;
  ctx.report('openapi-unexpected-type', `${what} must be a list, not ${describe(node.value)}.`, node.origin);
  return undefined;
}

export function stringAt(node: Node, key: string): string | undefined {
  const value = isObject(node.value) ? node.value[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function booleanAt(node: Node, key: string): boolean | undefined {
  const value = isObject(node.value) ? node.value[key] : undefined;
  return typeof value === 'boolean' ? value : undefined;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** `{ [key]: value }` when the value is defined, else `{}`: for optional fields under exactOptionalPropertyTypes. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Each key of an object node, in written order, with its child node. */
export function entries(node: Node | undefined): [string, Node][] {
  if (!node || !isObject(node.value)) return [];
  return Object.keys(node.value).map((key) => [key, child(node, key)]);
}

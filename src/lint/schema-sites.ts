import type { Origin } from '../diagnostics/diagnostic.js';
import { refName, type Schema, type SchemaOrBoolean } from '../ir/schema.js';
import type { Api, Route } from '../ir/types.js';
import { appendPointer } from '../load/json-pointer.js';
import type { SpecView } from './spec-view.js';

/** Where a schema is used. */
export type SchemaPlace = 'component' | 'parameter' | 'request' | 'response' | 'header' | 'message';

/** One schema node of the API, with the origin of the text it was read from. */
export interface SchemaSite {
  readonly schema: Schema;
  readonly origin: Origin;
  /** The schema as written (`undefined` when the text is not at `origin`). */
  readonly raw: unknown;
  readonly place: SchemaPlace;
  /** The name in `Api.schemas`, for the nodes of a named schema. */
  readonly name: string | undefined;
  /** The route whose parameter, body or response holds it; absent for named schemas. */
  readonly route: Route | undefined;
  /** The top-level schema this node belongs to. */
  readonly root: SchemaOrBoolean;
  readonly depth: number;
}

const maps = ['properties', 'patternProperties', 'dependentSchemas'] as const;
const lists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const singles = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'contains', 'unevaluatedProperties'] as const;

/**
 * Every schema node of the API, each once: the named schemas, then the inline schemas of
 * parameters, bodies, responses, headers and messages, in spec order. A shared component
 * (a parameter every route references) is visited at its one origin only.
 *
 * The IR rewrites a few constructs (3.0 `nullable` wraps a schema in `anyOf`, a 3.1 `$ref`
 * with siblings becomes `allOf`); walking the text alongside keeps origins on text that
 * exists: a node the front end made up takes its parent's origin.
 */
export function schemaSites(api: Api, spec: SpecView): SchemaSite[] {
  const out: SchemaSite[] = [];
  const seen = new Set<string>();
  const visitRoot = (schema: SchemaOrBoolean | undefined, origin: Origin, place: SchemaPlace, route?: Route, name?: string): void => {
    if (schema === undefined || typeof schema === 'boolean') return;
    const key = `${origin.file}#${origin.pointer}`;
    if (seen.has(key)) return;
    seen.add(key);
    walk(new Site(schema, undefined, [], origin, spec.at(origin), place, route, name, schema, 0), out);
  };
  for (const named of api.schemas) visitRoot(named.schema, named.origin, 'component', undefined, named.name);
  const at = (origin: Origin, ...path: (string | number)[]): Origin => ({ file: origin.file, pointer: appendPointer(origin.pointer, ...path) });
  for (const route of api.routes) {
    for (const parameter of route.parameters) {
      const origin = parameter.mediaType === undefined ? at(parameter.origin, 'schema') : at(parameter.origin, 'content', parameter.mediaType, 'schema');
      visitRoot(parameter.schema, origin, 'parameter', route);
    }
    for (const content of route.requestBody?.content ?? []) visitRoot(content.schema, at(content.origin, 'schema'), 'request', route);
    for (const response of route.responses) {
      for (const header of response.headers) visitRoot(header.schema, at(header.origin, 'schema'), 'header', route);
      for (const content of response.content) visitRoot(content.schema, at(content.origin, 'schema'), 'response', route);
    }
  }
  for (const message of api.messageRoutes) visitRoot(message.body, at(message.origin, 'body'), 'message');
  return out;
}

/** A schema node whose origin is worked out only when a rule asks for it: most nodes are never reported. */
class Site implements SchemaSite {
  #origin: Origin | undefined;

  constructor(
    readonly schema: Schema,
    private readonly parent: Site | undefined,
    private readonly path: readonly (string | number)[],
    rootOrigin: Origin | undefined,
    readonly raw: unknown,
    readonly place: SchemaPlace,
    readonly route: Route | undefined,
    readonly name: string | undefined,
    readonly root: SchemaOrBoolean,
    readonly depth: number,
  ) {
    this.#origin = rootOrigin;
  }

  get origin(): Origin {
    if (this.#origin === undefined) {
      const base = (this.parent as Site).origin;
      this.#origin = this.path.length === 0 ? base : { file: base.file, pointer: appendPointer(base.pointer, ...this.path) };
    }
    return this.#origin;
  }
}

function walk(site: Site, out: SchemaSite[]): void {
  out.push(site);
  const schema = site.schema;
  const raw = site.raw;
  const descend = (child: SchemaOrBoolean | undefined, ...path: (string | number)[]): void => {
    if (child === undefined || typeof child === 'boolean') return;
    let rawChild: unknown = raw;
    for (const token of path) {
      if (rawChild === null || typeof rawChild !== 'object' || !Object.hasOwn(rawChild, token)) {
        // A node the front end made up: keep the parent's text and origin.
        walk(new Site(child, site, [], undefined, raw, site.place, site.route, site.name, site.root, site.depth + 1), out);
        return;
      }
      rawChild = (rawChild as Record<string | number, unknown>)[token];
    }
    walk(new Site(child, site, path, undefined, rawChild, site.place, site.route, site.name, site.root, site.depth + 1), out);
  };
  for (const key of maps) {
    const map = schema[key];
    if (map) for (const name of Object.keys(map)) descend(map[name], key, name);
  }
  for (const key of lists) schema[key]?.forEach((child, index) => descend(child, key, index));
  for (const key of singles) descend(schema[key], key);
}

/** The named schemas a set of schemas reaches through `$ref`, themselves included when named. */
export function reachableNames(roots: readonly SchemaOrBoolean[], api: Api): Set<string> {
  const byName = new Map(api.schemas.map((s) => [s.name, s.schema]));
  const found = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const schema = stack.pop();
    if (schema === undefined || typeof schema === 'boolean') continue;
    if (schema.$ref !== undefined) {
      const name = refName(schema.$ref);
      if (!found.has(name)) {
        found.add(name);
        stack.push(byName.get(name) ?? true);
      }
    }
    for (const key of maps) {
      const map = schema[key];
      if (map) stack.push(...Object.values(map));
    }
    for (const key of lists) stack.push(...(schema[key] ?? []));
    for (const key of singles) {
      const child = schema[key];
      if (child !== undefined) stack.push(child);
    }
  }
  return found;
}

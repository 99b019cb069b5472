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
    walk(new Site(schema, { place, route, name, root: schema }, undefined, undefined, undefined, origin, spec.at(origin), 0), out);
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

interface SiteRoot {
  readonly place: SchemaPlace;
  readonly route: Route | undefined;
  readonly name: string | undefined;
  readonly root: SchemaOrBoolean;
}

/**
 * A schema node whose origin is worked out only when a rule asks for it: most nodes are
 * never reported, and large specs have tens of thousands of them.
 */
class Site implements SchemaSite {
  #origin: Origin | undefined;

  constructor(
    readonly schema: Schema,
    readonly shared: SiteRoot,
    private readonly parent: Site | undefined,
    /** The keyword and, for maps and lists, the name or index leading here from the parent. */
    private readonly keyword: string | undefined,
    private readonly token: string | number | undefined,
    origin: Origin | undefined,
    readonly raw: unknown,
    readonly depth: number,
  ) {
    this.#origin = origin;
  }

  get place(): SchemaPlace {
    return this.shared.place;
  }

  get route(): Route | undefined {
    return this.shared.route;
  }

  get name(): string | undefined {
    return this.shared.name;
  }

  get root(): SchemaOrBoolean {
    return this.shared.root;
  }

  get origin(): Origin {
    if (this.#origin === undefined) {
      const base = (this.parent as Site).origin;
      const pointer = this.keyword === undefined ? base.pointer : this.token === undefined ? appendPointer(base.pointer, this.keyword) : appendPointer(base.pointer, this.keyword, this.token);
      this.#origin = pointer === base.pointer ? base : { file: base.file, pointer };
    }
    return this.#origin;
  }
}

function walk(site: Site, out: SchemaSite[]): void {
  out.push(site);
  const schema = site.schema;
  const raw = site.raw !== null && typeof site.raw === 'object' ? (site.raw as Record<string, unknown>) : undefined;
  for (const key of maps) {
    const map = schema[key];
    if (!map) continue;
    const rawMap = raw?.[key];
    for (const name in map) descend(site, map[name], key, name, rawMap, out);
  }
  for (const key of lists) {
    const list = schema[key];
    if (!list) continue;
    const rawList = raw?.[key];
    for (let i = 0; i < list.length; i++) descend(site, list[i], key, i, rawList, out);
  }
  for (const key of singles) {
    const child = schema[key];
    if (child !== undefined) descend(site, child, key, undefined, raw, out);
  }
}

/**
 * Walks into a child schema. `container` holds the child's text: the parent's value for a
 * keyword, or the map or list under it. A child the text does not have is one the front end
 * made up (nullable's anyOf, a 3.1 $ref's allOf): it keeps the parent's text and origin.
 */
function descend(parent: Site, child: SchemaOrBoolean | undefined, keyword: string, token: string | number | undefined, container: unknown, out: SchemaSite[]): void {
  if (child === undefined || typeof child === 'boolean') return;
  const step = token === undefined ? keyword : token;
  const written = container !== null && typeof container === 'object' && Object.hasOwn(container, step);
  const shared = parent.shared;
  if (written) walk(new Site(child, shared, parent, keyword, token, undefined, (container as Record<string | number, unknown>)[step], parent.depth + 1), out);
  else walk(new Site(child, shared, parent, undefined, undefined, undefined, parent.raw, parent.depth + 1), out);
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

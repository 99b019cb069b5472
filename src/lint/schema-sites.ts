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
    walk(Site.root(schema, { place, route, name, root: schema, spec }, origin), out);
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
  readonly spec: SpecView;
}

/**
 * A schema node whose text and origin are worked out only when a rule asks for them: most
 * nodes are never reported, and large specs have tens of thousands of them. A node the
 * text does not have is one the front end made up (nullable's anyOf, a 3.1 $ref's allOf):
 * it takes its parent's text and origin.
 */
class Site implements SchemaSite {
  #resolved: { readonly raw: unknown; readonly origin: Origin } | undefined;

  private constructor(
    readonly schema: Schema,
    readonly shared: SiteRoot,
    private readonly parent: Site | undefined,
    /** The keyword and, for maps and lists, the name or index leading here from the parent. */
    private readonly keyword: string | undefined,
    private readonly token: string | number | undefined,
    readonly depth: number,
    /** A root's origin; children work theirs out from it. */
    private readonly rootOrigin: Origin | undefined,
  ) {}

  static root(schema: Schema, shared: SiteRoot, origin: Origin): Site {
    return new Site(schema, shared, undefined, undefined, undefined, 0, origin);
  }

  child(schema: Schema, keyword: string, token: string | number | undefined): Site {
    return new Site(schema, this.shared, this, keyword, token, this.depth + 1, undefined);
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

  get raw(): unknown {
    return this.#resolve().raw;
  }

  get origin(): Origin {
    return this.#resolve().origin;
  }

  #resolve(): { readonly raw: unknown; readonly origin: Origin } {
    if (this.#resolved) return this.#resolved;
    if (!this.parent) {
      const origin = this.rootOrigin as Origin;
      this.#resolved = { raw: this.shared.spec.at(origin), origin };
      return this.#resolved;
    }
    const parent = this.parent.#resolve();
    const keyword = this.keyword as string;
    let raw: unknown = isRecord(parent.raw) ? parent.raw[keyword] : undefined;
    if (this.token !== undefined) raw = raw !== null && typeof raw === 'object' && Object.hasOwn(raw, this.token) ? (raw as Record<string | number, unknown>)[this.token] : undefined;
    this.#resolved =
      raw === undefined
        ? parent
        : { raw, origin: { file: parent.origin.file, pointer: this.token === undefined ? appendPointer(parent.origin.pointer, keyword) : appendPointer(parent.origin.pointer, keyword, this.token) } };
    return this.#resolved;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walk(site: Site, out: SchemaSite[]): void {
  out.push(site);
  const schema = site.schema;
  for (const key of maps) {
    const map = schema[key];
    if (!map) continue;
    for (const name in map) {
      const child = map[name];
      if (child !== undefined && typeof child !== 'boolean') walk(site.child(child, key, name), out);
    }
  }
  for (const key of lists) {
    const list = schema[key];
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const child = list[i];
      if (child !== undefined && typeof child !== 'boolean') walk(site.child(child, key, i), out);
    }
  }
  for (const key of singles) {
    const child = schema[key];
    if (child !== undefined && typeof child !== 'boolean') walk(site.child(child, key, undefined), out);
  }
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

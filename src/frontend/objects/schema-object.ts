import type { Origin } from '../../diagnostics/diagnostic.js';
import { appendPointer, parsePointer } from '../../load/json-pointer.js';
import type { NamedSchema, Schema, SchemaOrBoolean, SchemaType } from '../../ir/schema.js';
import { refName, schemaRef } from '../../ir/schema.js';
import { child, isObject, type BuildContext, type Node } from '../context.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { openApi30SchemaKeywords } from '../validate-document.js';

const schemaTypes = new Set<SchemaType>(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const subschemaMaps = ['properties', 'patternProperties', 'dependentSchemas'] as const;
const subschemaLists = ['allOf', 'oneOf', 'anyOf', 'prefixItems'] as const;
const subschemas = ['additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'contains', 'unevaluatedProperties', 'items'] as const;
const numbers = ['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;
const strings = ['format', 'pattern', 'title', 'description', 'contentMediaType', 'contentEncoding'] as const;
const booleans = ['uniqueItems', 'deprecated', 'readOnly', 'writeOnly'] as const;
/** The keywords read generically, in the order the IR lists them, and where each group ends. */
const keywordOrder = [...subschemaMaps, ...subschemaLists, ...subschemas, ...numbers, ...strings, ...booleans] as const;
type Keyword = (typeof keywordOrder)[number];
const keywordIndex = new Map<string, number>(keywordOrder.map((keyword, index) => [keyword, index]));
const keywordGroupEnds = (() => {
  let end = 0;
  const next = (group: readonly string[]): number => (end += group.length);
  return { maps: next(subschemaMaps), lists: next(subschemaLists), subschemas: next(subschemas), numbers: next(numbers), strings: next(strings), booleans: next(booleans) };
})();
/** The keywords read one by one after the generic ones, as bits: a schema without any skips those reads. */
const otherKeyword = {
  exclusiveMinimum: 1, exclusiveMaximum: 2, required: 4, enum: 8, const: 16, default: 32, examples: 64, example: 128, dependentRequired: 256, discriminator: 512, nullable: 1024,
} as const;
const otherKeywordBits = new Map<string, number>(Object.entries(otherKeyword));
/** Keywords kept outside a `nullable` wrapper: they describe the whole value. */
const annotations = ['title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly'] as const;
/** Keywords that say nothing about the value: a `$ref` with only these beside it stays a plain reference. */
const ignorable = new Set(['$schema', '$id', '$comment', '$anchor', 'xml', 'externalDocs']);

const maxDepth = 256;
/** Keywords that count things: whole numbers, 0 or more. */
const counts = new Set(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);

let keywords30: ReadonlySet<string> | undefined;
function openApi30Keywords(): ReadonlySet<string> {
  keywords30 ??= new Set(openApi30SchemaKeywords());
  return keywords30;
}

type MutableSchema = { -readonly [K in keyof Schema]: Schema[K] };

/**
 * Where a schema is: its parent and key. The converter visits every schema of a spec
 * (49,000 in GitHub's), and building a node and a pointer for each was much of its time
 * and garbage, though only a diagnostic needs the pointer; it is built then, once.
 */
class Place {
  #origin: Origin | undefined;

  private constructor(
    readonly file: string,
    private readonly parent: Place | undefined,
    private readonly key: string | number,
    origin: Origin | undefined,
  ) {
    this.#origin = origin;
  }

  static of(origin: Origin): Place {
    return new Place(origin.file, undefined, '', origin);
  }

  child(key: string | number): Place {
    return new Place(this.file, this, key, undefined);
  }

  get origin(): Origin {
    this.#origin ??= { file: this.file, pointer: appendPointer((this.parent as Place).origin.pointer, this.key) };
    return this.#origin;
  }
}

/**
 * Names every schema of the API and converts each into the IR dialect. Component schemas
 * keep their names; a schema that a `$ref` reaches anywhere else (another file, a
 * definition inside a path) is hoisted under a new unique name, so that every reference
 * in the IR names a schema of `Api.schemas`.
 */
export class SchemaRegistry {
  readonly #nameByTarget = new Map<string, string>();
  readonly #names = new Set<string>();
  readonly #named: { name: string; schema: SchemaOrBoolean; origin: Origin }[] = [];
  readonly #pending: { index: number; origin: Origin }[] = [];
  readonly #refByWritten = new Map<string, string | undefined>();
  #depth = 0;

  constructor(private readonly ctx: BuildContext) {}

  /** Reserves the component names first, so that hoisted schemas never take one. */
  reserveComponents(components: Node | undefined): void {
    if (!components || !isObject(components.value)) return;
    for (const name of Object.keys(components.value)) {
      const origin = child(components, name).origin;
      this.#reserve(name, this.#aliasTarget(origin) ?? origin);
      this.#nameByTarget.set(`${origin.file}#${origin.pointer}`, name);
    }
  }

  /**
   * A component that is only a `$ref` to a schema elsewhere (another file) names that
   * schema: `Book: {$ref: schemas/book.yaml#/Book}` makes the file's schema "Book".
   */
  #aliasTarget(origin: Origin): Origin | undefined {
    const value = this.ctx.resolver.at(origin);
    if (!isObject(value) || typeof value['$ref'] !== 'string' || Object.keys(value).some((k) => k !== '$ref' && !k.startsWith('x-'))) return undefined;
    const target = this.ctx.resolver.target(origin.file, value['$ref']);
    if (!target || this.ctx.resolver.at(target) === undefined) return undefined;
    const componentsPrefix = '/components/schemas/';
    if (target.file === this.ctx.rootFile && target.pointer.startsWith(componentsPrefix)) return undefined;
    if (this.#nameByTarget.has(`${target.file}#${target.pointer}`)) return undefined;
    return target;
  }

  /** Converts every reserved schema not converted yet; call once the document has been read. */
  convertPending(): void {
    // Converting one schema may hoist others onto the end of the list.
    for (let i = 0; i < this.#pending.length; i++) {
      const { index, origin } = this.#pending[i] as { index: number; origin: Origin };
      const entry = this.#named[index];
      if (entry) entry.schema = this.convert({ value: this.ctx.resolver.at(origin), origin });
    }
    this.#pending.length = 0;
  }

  /**
   * Reports named schemas that are only a `$ref`, or only an allOf/oneOf/anyOf, of schemas
   * that lead back to them (`Loop: {$ref: Loop}`, A → B → A). Such a schema describes no
   * value, and its TypeScript alias would refer to itself (TS2456). Recursion through
   * properties, items and the like is fine and not reported. Each schema of a loop becomes
   * `{}`, so later stages never follow it.
   */
  reportReferenceCycles(): void {
    const index = new Map(this.#named.map((entry, i) => [entry.name, i]));
    const edges = this.#named.map((entry) => this.#directReferences(entry.origin, index));
    const state = new Uint8Array(this.#named.length); // 0 new, 1 on the path, 2 done
    const inLoop = new Set<number>();
    for (let start = 0; start < this.#named.length; start++) {
      if (state[start] !== 0) continue;
      // Iterative depth-first search: the path, and for each node the next edge to try.
      const path: number[] = [start];
      const nextEdge: number[] = [0];
      state[start] = 1;
      while (path.length > 0) {
        const top = path.length - 1;
        const node = path[top] as number;
        const edge = edges[node]?.[nextEdge[top] as number];
        if (!edge) {
          state[node] = 2;
          path.pop();
          nextEdge.pop();
          continue;
        }
        nextEdge[top] = (nextEdge[top] as number) + 1;
        if (state[edge.to] === 0) {
          state[edge.to] = 1;
          path.push(edge.to);
          nextEdge.push(0);
        } else if (state[edge.to] === 1) {
          const from = path.indexOf(edge.to);
          const loop = path.slice(from);
          const names = [...loop, edge.to].map((i) => this.#named[i]?.name ?? '');
          // Reported at the reference that leaves the first schema of the loop.
          const leaving = loop.length === 1 ? edge : (edges[edge.to] ?? []).find((e) => e.to === loop[1]) ?? edge;
          this.ctx.report(
            'ref-cycle',
            `The schema "${names[0]}" is made only of references that lead back to it (${names.join(' → ')}, through $ref, allOf, oneOf or anyOf), so it describes no value and its TypeScript type would refer to itself. Give one of these schemas a type, properties or items of its own, or point the $ref at another schema.`,
            leaving.origin,
          );
          for (const i of loop) inLoop.add(i);
        }
      }
    }
    for (const i of inLoop) (this.#named[i] as { schema: SchemaOrBoolean }).schema = {};
  }

  /** The named schemas a schema is made of directly: its own `$ref`, and the members of its allOf, oneOf and anyOf. */
  #directReferences(origin: Origin, index: ReadonlyMap<string, number>): { to: number; origin: Origin }[] {
    const out: { to: number; origin: Origin }[] = [];
    const visit = (value: unknown, at: Origin, depth: number): void => {
      if (!isObject(value) || depth > maxDepth) return;
      if (typeof value['$ref'] === 'string') {
        const ref = this.refFor(at, value['$ref']);
        const to = ref === undefined ? undefined : index.get(refName(ref));
        if (to !== undefined) out.push({ to, origin: { file: at.file, pointer: appendPointer(at.pointer, '$ref') } });
        // OpenAPI 3.0 ignores the siblings of $ref.
        if (this.ctx.version === '3.0') return;
      }
      for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
        const list = value[key];
        if (Array.isArray(list)) list.forEach((item, i) => visit(item, { file: at.file, pointer: appendPointer(at.pointer, key, i) }, depth + 1));
      }
    };
    visit(this.ctx.resolver.at(origin), origin, 0);
    return out;
  }

  get named(): readonly NamedSchema[] {
    return this.#named;
  }

  has(name: string): boolean {
    return this.#nameByTarget.has(`${this.ctx.rootFile}#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }

  /** The IR reference (`#/components/schemas/<name>`) for a `$ref` written at `from`. */
  refFor(from: Origin, ref: string): string | undefined {
    return this.#refIn(from.file, ref);
  }

  #refIn(file: string, ref: string): string | undefined {
    // A reference, once named, keeps its name: the same $ref written again (Kubernetes
    // writes 613 distinct ones 5,404 times) is answered without following it and escaping
    // the name again.
    const written = file + '\u0000' + ref;
    if (this.#refByWritten.has(written)) return this.#refByWritten.get(written);
    const found = this.#nameRef(file, ref);
    this.#refByWritten.set(written, found);
    return found;
  }

  #nameRef(file: string, ref: string): string | undefined {
    const target = this.ctx.resolver.target(file, ref);
    if (!target || this.ctx.resolver.at(target) === undefined) return undefined;
    const key = `${target.file}#${target.pointer}`;
    const known = this.#nameByTarget.get(key);
    if (known !== undefined) return schemaRef(known);
    const name = this.#reserve(this.#hoistedName(target), target);
    return schemaRef(name);
  }

  #reserve(wanted: string, origin: Origin): string {
    let name = wanted;
    for (let n = 2; this.#names.has(name); n++) name = `${wanted}${n}`;
    if (name !== wanted) {
      this.ctx.report('schema-name-collision', `The schema at ${origin.file}#${origin.pointer} is named "${name}" because "${wanted}" is taken.`, origin);
    }
    this.#names.add(name);
    this.#nameByTarget.set(`${origin.file}#${origin.pointer}`, name);
    this.#pending.push({ index: this.#named.length, origin });
    this.#named.push({ name, schema: {}, origin });
    return name;
  }

  #hoistedName(target: Origin): string {
    const tokens = parsePointer(target.pointer) ?? [];
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i] as string;
      if (!/^[0-9]+$/.test(token) && !keywordLike.has(token) && token.trim() !== '') return token;
    }
    const base = target.file.split('/').pop() ?? 'Schema';
    return base.replace(/\.(ya?ml|json)$/i, '') || 'Schema';
  }

  /** Converts a Schema Object of either OpenAPI version into the IR dialect. */
  convert(node: Node, booleanAllowed = false): SchemaOrBoolean {
    return this.#convertAt(node.value, Place.of(node.origin), booleanAllowed);
  }

  #convertAt(value: unknown, at: Place, booleanAllowed: boolean): SchemaOrBoolean {
    if (this.#depth > maxDepth) {
      this.ctx.report('openapi-unexpected-type', `Schemas are nested more than ${maxDepth} levels deep here; use named components and $ref.`, at.origin);
      return {};
    }
    this.#depth++;
    try {
      return this.#convert(value, at, booleanAllowed);
    } finally {
      this.#depth--;
    }
  }

  #convert(value: unknown, at: Place, booleanAllowed: boolean): SchemaOrBoolean {
    if (typeof value === 'boolean') {
      if (this.ctx.version === '3.0' && !booleanAllowed) this.ctx.report('openapi-unexpected-type', 'OpenAPI 3.0 schemas must be objects; boolean schemas need OpenAPI 3.1.', at.origin);
      return value;
    }
    if (!isObject(value)) {
      this.ctx.report('openapi-unexpected-type', `A schema must be an object, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}.`, at.origin);
      return {};
    }
    if (typeof value['$ref'] === 'string') {
      const ref = this.#refIn(at.file, value['$ref']);
      if (ref === undefined) return {};
      // OpenAPI 3.0 ignores every sibling of $ref; 3.1 (JSON Schema 2020-12) applies them too.
      if (this.ctx.version === '3.0' || !hasSchemaSiblings(value)) return { $ref: ref };
      const rest = this.#convert(Object.fromEntries(Object.entries(value).filter(([k]) => k !== '$ref')), at, false);
      const { allOf, ...others } = typeof rest === 'boolean' ? {} : (rest as MutableSchema);
      return { allOf: [{ $ref: ref }, ...(allOf ?? [])], ...others };
    }

    const out: MutableSchema = {};
    const type = value['type'];
    if (typeof type === 'string' && schemaTypes.has(type as SchemaType)) {
      if (type === 'null' && this.ctx.version === '3.0') this.#unexpected(at.child('type'), 'OpenAPI 3.0 has no "null" type; use nullable: true.');
      else out.type = type as SchemaType;
    } else if (Array.isArray(type) && this.ctx.version === '3.1' && type.every((t) => typeof t === 'string' && schemaTypes.has(t as SchemaType))) {
      out.type = type.length === 1 ? (type[0] as SchemaType) : (type as SchemaType[]);
    } else if (type !== undefined) {
      this.#unexpected(at.child('type'), `"type" must be one of ${[...schemaTypes].join(', ')}${this.ctx.version === '3.1' ? ', or a list of them' : ''}.`);
    }

    // One pass over the keys the schema has, taken in the keyword order of the IR: probing
    // each of the ~35 keywords on every schema was most of the time spent converting. The
    // keywords read one by one below are noted in the same pass, and looked up only if there.
    const present: number[] = [];
    let others = 0;
    for (const key in value) {
      const index = keywordIndex.get(key);
      if (index !== undefined && value[key] !== undefined) present.push(index);
      else {
        others |= otherKeywordBits.get(key) ?? 0;
        if (this.ctx.version === '3.0' && !key.startsWith('x-') && !openApi30Keywords().has(key)) this.#unknownKeyword(at, key);
      }
    }
    if (present.length > 1) present.sort((a, b) => a - b);
    for (const index of present) {
      const keyword = keywordOrder[index] as Keyword;
      if (index < keywordGroupEnds.maps) {
        const key = keyword as (typeof subschemaMaps)[number];
        const map = value[key];
        if (!isObject(map)) {
          this.#unexpected(at.child(key), `"${key}" must be an object of schemas.`);
          continue;
        }
        const mapAt = at.child(key);
        const converted: Record<string, SchemaOrBoolean> = {};
        for (const name of Object.keys(map)) {
          const schema = this.#convertAt(map[name], mapAt.child(name), false);
          // An own property even when the name is "__proto__", as Object.fromEntries would define it.
          if (name === '__proto__') Object.defineProperty(converted, name, { value: schema, enumerable: true, writable: true, configurable: true });
          else converted[name] = schema;
        }
        out[key] = converted;
      } else if (index < keywordGroupEnds.lists) {
        const key = keyword as (typeof subschemaLists)[number];
        const list = value[key];
        if (!Array.isArray(list)) {
          this.#unexpected(at.child(key), `"${key}" must be a list of schemas.`);
          continue;
        }
        const listAt = at.child(key);
        const converted: SchemaOrBoolean[] = [];
        for (let i = 0; i < list.length; i++) converted.push(this.#convertAt(list[i], listAt.child(i), false));
        out[key] = converted;
      } else if (index < keywordGroupEnds.subschemas) {
        const key = keyword as (typeof subschemas)[number];
        if (key === 'items' && Array.isArray(value[key])) {
          this.#unexpected(at.child(key), '"items" must be one schema; for tuples use prefixItems (OpenAPI 3.1).');
          continue;
        }
        // OpenAPI 3.0 allows a boolean only for additionalProperties.
        out[key] = this.#convertAt(value[key], at.child(key), key === 'additionalProperties');
      } else if (index < keywordGroupEnds.numbers) {
        const key = keyword as (typeof numbers)[number];
        const n = value[key];
        if (typeof n !== 'number' || !Number.isFinite(n)) this.#unexpected(at.child(key), `"${key}" must be a number.`);
        else if (counts.has(key) && !(Number.isInteger(n) && n >= 0)) this.#unexpected(at.child(key), `"${key}" must be a whole number, 0 or more.`);
        else if (key === 'multipleOf' && !(n > 0)) this.#unexpected(at.child(key), '"multipleOf" must be greater than 0.');
        else out[key] = n;
      } else if (index < keywordGroupEnds.strings) {
        const key = keyword as (typeof strings)[number];
        const text = value[key];
        if (typeof text === 'string') out[key] = text;
        else this.#unexpected(at.child(key), `"${key}" must be a string.`);
      } else {
        const key = keyword as (typeof booleans)[number];
        const b = value[key];
        if (typeof b === 'boolean') out[key] = b;
        else this.#unexpected(at.child(key), `"${key}" must be true or false.`);
      }
    }
    if (others === 0) return out;
    if (others & otherKeyword.exclusiveMinimum) this.#exclusiveBound(value, at, out, 'exclusiveMinimum', 'minimum');
    if (others & otherKeyword.exclusiveMaximum) this.#exclusiveBound(value, at, out, 'exclusiveMaximum', 'maximum');

    const required = value['required'];
    if (Array.isArray(required) && required.every((r) => typeof r === 'string')) out.required = required as string[];
    else if (required !== undefined) this.#unexpected(at.child('required'), '"required" must be a list of property names.');

    const enumValues = value['enum'];
    if (Array.isArray(enumValues)) out.enum = enumValues;
    else if (enumValues !== undefined) this.#unexpected(at.child('enum'), '"enum" must be a list of values.');
    if ('const' in value) out.const = value['const'];
    if ('default' in value) out.default = value['default'];
    const examples = value['examples'];
    if (Array.isArray(examples)) out.examples = examples;
    else if ('example' in value) out.examples = [value['example']];

    const dependentRequired = value['dependentRequired'];
    if (isObject(dependentRequired)) out.dependentRequired = dependentRequired as Record<string, string[]>;

    const discriminator = value['discriminator'];
    if (discriminator !== undefined) this.#discriminator({ value: discriminator, origin: at.child('discriminator').origin }, out);

    if (value['nullable'] === true) {
      if (this.ctx.version === '3.1') {
        this.ctx.report('openapi-unexpected-type', 'OpenAPI 3.1 has no "nullable"; write type: [..., "null"] instead. It was applied anyway.', at.child('nullable').origin, { severity: 'warning' });
      }
      return makeNullable(out);
    }
    return out;
  }

  #exclusiveBound(value: Record<string, unknown>, at: Place, out: MutableSchema, key: 'exclusiveMinimum' | 'exclusiveMaximum', bound: 'minimum' | 'maximum'): void {
    const v = value[key];
    if (v === undefined) return;
    if (typeof v === 'number') {
      out[key] = v;
    } else if (typeof v === 'boolean' && this.ctx.version === '3.0') {
      // 3.0 (draft 4) flags the bound as exclusive; 2020-12 moves the number over.
      if (v && out[bound] !== undefined) {
        out[key] = out[bound];
        delete out[bound];
      }
    } else {
      this.#unexpected(at.child(key), `"${key}" must be a number${this.ctx.version === '3.0' ? ' or a boolean' : ''}.`);
    }
  }

  #discriminator(node: Node, out: MutableSchema): void {
    const value = node.value;
    if (!isObject(value) || typeof value['propertyName'] !== 'string') {
      this.ctx.report('openapi-unexpected-type', '"discriminator" must be an object with a string "propertyName".', node.origin);
      return;
    }
    const mapping: [string, string][] = [];
    const written = value['mapping'];
    if (isObject(written)) {
      const mappingNode = child(node, 'mapping');
      for (const [key, target] of Object.entries(written)) {
        if (typeof target !== 'string') continue;
        const at = child(mappingNode, key).origin;
        // A mapping value is a schema name or a reference.
        const ref = /[#/.]/.test(target) ? this.refFor(at, target) : this.has(target) ? schemaRef(target) : undefined;
        if (ref === undefined) {
          const names = this.#named.map((n) => n.name);
          this.ctx.report('ref-unresolved', `The discriminator mapping "${key}" names "${target}", which is not a schema of this API.${/[#/.]/.test(target) ? '' : didYouMean(target, names)}`, at);
          continue;
        }
        mapping.push([key, ref]);
      }
    }
    out.discriminator = mapping.length > 0 ? { propertyName: value['propertyName'], mapping: Object.fromEntries(mapping) } : { propertyName: value['propertyName'] };
  }

  /** OpenAPI 3.0 Schema Objects take no keywords beyond their own (3.1 allows any, as JSON Schema does). */
  #unknownKeyword(schema: Place, key: string): void {
    const at = schema.child(key).origin;
    const only31 = ['const', 'examples', 'prefixItems', '$defs', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'contentMediaType', 'contentEncoding', 'unevaluatedProperties', 'propertyNames', 'contains', 'patternProperties'];
    const advice = only31.includes(key) ? ` "${key}" is a JSON Schema keyword of OpenAPI 3.1; use openapi: 3.1.0 to use it.` : didYouMean(key, openApi30Keywords());
    this.ctx.report('openapi-schema', `The OpenAPI 3.0 Schema Object at ${at.pointer.slice(1).split('/').join('.')} has no key "${key}".${advice}`, { ...at, key: true });
  }

  #unexpected(at: Place, message: string): void {
    this.ctx.report('openapi-unexpected-type', message, at.origin);
  }
}

function makeNullable(schema: MutableSchema): Schema {
  if (typeof schema.type === 'string') {
    const nullable: MutableSchema = { ...schema, type: [schema.type, 'null'] };
    if (schema.enum && !schema.enum.includes(null)) nullable.enum = [...schema.enum, null];
    return nullable;
  }
  if (Array.isArray(schema.type)) {
    return (schema.type as SchemaType[]).includes('null') ? schema : { ...schema, type: [...(schema.type as SchemaType[]), 'null'] };
  }
  const outer: MutableSchema = {};
  const inner: MutableSchema = { ...schema };
  for (const key of annotations) {
    if (inner[key] !== undefined) {
      (outer as Record<string, unknown>)[key] = inner[key];
      delete inner[key];
    }
  }
  return { ...outer, anyOf: [inner, { type: 'null' }] };
}

/** Whether a schema has keywords beside `$ref` that say something about the value. */
function hasSchemaSiblings(value: Record<string, unknown>): boolean {
  for (const key in value) if (key !== '$ref' && !key.startsWith('x-') && !ignorable.has(key)) return true;
  return false;
}

const keywordLike = new Set([
  'schema', 'schemas', 'properties', 'items', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', 'not', 'content', 'components',
  '$defs', 'definitions', 'prefixItems', 'patternProperties', 'parameters', 'responses', 'requestBody', 'paths',
  'application/json', 'get', 'put', 'post', 'delete', 'patch', 'head', 'options',
]);

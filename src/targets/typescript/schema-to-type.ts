/**
 * Schemas of the IR as TypeScript types, shared by the handlers and the SDK back ends.
 *
 * Every named schema (`Api.schemas`) becomes a named type; other schemas become type
 * expressions that refer to those names. A schema reads differently in a request than in
 * a response (`readOnly` properties are not sent, `writeOnly` ones are not returned,
 * binary data has a different type on each side), so there are two views. A named schema
 * whose views differ gets two names: `Product` (response) and `ProductRequest` (request);
 * one whose views agree has one name for both.
 */
import type { NamedSchema, Schema, SchemaOrBoolean, SchemaType } from '../../ir/schema.js';
import { refName, schemaRefPrefix, schemaTypes } from '../../ir/schema.js';
import { docComment, valueLiteral } from './encode.js';
import { TypeNames } from './type-names.js';
import { intersection, neverType, printType, text, union, unknownType, type TypeMember, type TypeNode } from './type-node.js';

export type SchemaView = 'request' | 'response';

export const schemaViews: readonly SchemaView[] = ['request', 'response'];

export interface SchemaTypeOptions {
  /**
   * The type of `format: binary` strings in each view, e.g. `{ request: 'Buffer', response:
   * 'Uint8Array' }` for handlers (they read a Buffer and may return any bytes) or
   * `{ request: 'Blob | Uint8Array', response: 'Blob' }` for a browser SDK.
   */
  readonly binary: { readonly request: string; readonly response: string };
  /**
   * Views in which values the spec does not list yet are accepted, so that a client keeps
   * compiling when the API adds an enum value or a union variant: enums get
   * `(string & {})` (known values still autocomplete) and unions an open object variant.
   * Usually `{ enums: ['response'], unions: ['response'] }` for an SDK; none for handlers.
   */
  readonly unknownVariants?: { readonly enums?: readonly SchemaView[]; readonly unions?: readonly SchemaView[] };
  /** Names the surrounding module uses that a declaration must not take (the binary types' names are added). */
  readonly reserved?: readonly string[];
  /** Suffix of the request view's name for schemas whose views differ; `Request` by default. */
  readonly requestSuffix?: string;
}

export interface TypeOfOptions {
  /** Prefix for references to named types, e.g. `schemas.` when they are imported as a namespace. */
  readonly qualifier?: string;
  /** Indentation of the line the type starts on, for nested object members. */
  readonly indent?: string;
}

interface Names {
  readonly request: string;
  readonly response: string;
}

/** Named-type planning and rendering for the schemas of one API. */
export class SchemaTypes {
  readonly #schemas = new Map<string, SchemaOrBoolean>();
  readonly #order: readonly NamedSchema[];
  readonly #names = new Map<string, Names>();
  readonly #options: SchemaTypeOptions;

  constructor(schemas: readonly NamedSchema[], options: SchemaTypeOptions) {
    this.#options = options;
    this.#order = schemas;
    for (const named of schemas) this.#schemas.set(named.name, named.schema);
    const builtins = [options.binary.request, options.binary.response].flatMap((t) => t.match(/[A-Za-z_$][A-Za-z0-9_$]*/g) ?? []);
    const names = new TypeNames([...builtins, ...(options.reserved ?? [])]);
    const differing = this.#viewDependent();
    // Base names first, so that a suffixed name never takes a later schema's own name.
    const base = new Map(schemas.map((s) => [s.name, names.allocate(s.name)]));
    for (const s of schemas) {
      const response = base.get(s.name) as string;
      this.#names.set(s.name, { response, request: differing.has(s.name) ? names.allocate(s.name, options.requestSuffix ?? 'Request') : response });
    }
  }

  /** The schemas in declaration order. */
  get schemas(): readonly NamedSchema[] {
    return this.#order;
  }

  /** The type name of a named schema in a view. */
  typeName(schemaName: string, view: SchemaView): string {
    const names = this.#names.get(schemaName);
    if (!names) throw new Error(`internal: no schema named ${schemaName}`);
    return names[view];
  }

  /** Whether a named schema has a different type in requests than in responses. */
  differsByView(schemaName: string): boolean {
    const names = this.#names.get(schemaName);
    return names !== undefined && names.request !== names.response;
  }

  /** Follows `$ref`s to the schema they name (a schema that is only a reference is replaced by its target). */
  resolve(schema: SchemaOrBoolean): SchemaOrBoolean {
    let current = schema;
    for (let hops = 0; hops < 64 && typeof current === 'object' && current.$ref !== undefined; hops++) {
      const target = this.#schemas.get(refName(current.$ref));
      if (target === undefined) return true;
      current = target;
    }
    return current;
  }

  /** A type expression for a schema in a view. */
  typeOf(schema: SchemaOrBoolean, view: SchemaView, options: TypeOfOptions = {}): string {
    return printType(this.node(schema, view, options.qualifier ?? ''), options.indent ?? '');
  }

  /** A type tree for a schema in a view, for callers that build larger types around it. */
  node(schema: SchemaOrBoolean, view: SchemaView, qualifier = ''): TypeNode {
    return new Renderer(this, view, qualifier, this.#options).node(schema);
  }

  /** Documentation lines for a schema: title, description, deprecation, format, default. */
  doc(schema: SchemaOrBoolean): string[] {
    return schemaDoc(schema);
  }

  /**
   * `export` declarations of every named schema in both views (once when they agree), in
   * schema order, each with its documentation.
   */
  declarations(): string {
    const out: string[] = [];
    for (const named of this.#order) {
      for (const view of this.differsByView(named.name) ? (['response', 'request'] as const) : (['response'] as const)) {
        const name = this.typeName(named.name, view);
        const lines = schemaDoc(named.schema);
        if (this.differsByView(named.name)) lines.push(view === 'request' ? `The schema "${named.name}" as sent in requests (without its readOnly properties).` : `The schema "${named.name}" as returned in responses (without its writeOnly properties).`);
        const node = this.node(named.schema, view);
        const doc = docComment(lines);
        out.push(node.kind === 'object' && node.members.length > 0 ? `${doc}export interface ${name} ${printType(node)}\n` : `${doc}export type ${name} = ${printType(node)};\n`);
      }
    }
    return out.join('\n');
  }

  /** Named schemas whose request and response types differ, directly or through a reference. */
  #viewDependent(): Set<string> {
    const binaryDiffers = this.#options.binary.request !== this.#options.binary.response;
    const variants = this.#options.unknownVariants;
    const enumsDiffer = (variants?.enums?.length ?? 0) === 1;
    const unionsDiffer = (variants?.unions?.length ?? 0) === 1;
    const local = new Set<string>();
    const referencedBy = new Map<string, string[]>();
    for (const named of this.#order) {
      walkSchema(named.schema, (schema) => {
        if (schema.$ref !== undefined) {
          const target = refName(schema.$ref);
          referencedBy.set(target, [...(referencedBy.get(target) ?? []), named.name]);
        }
        if (binaryDiffers && schema.format === 'binary') local.add(named.name);
        if (enumsDiffer && schema.enum !== undefined) local.add(named.name);
        if (unionsDiffer && (schema.oneOf !== undefined || schema.anyOf !== undefined)) local.add(named.name);
        for (const property of Object.values(schema.properties ?? {})) {
          const resolved = this.resolve(property);
          if (isFlagged(property) || isFlagged(resolved)) local.add(named.name);
        }
      });
    }
    const dependent = new Set<string>();
    const queue = [...local];
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (dependent.has(name)) continue;
      dependent.add(name);
      for (const user of referencedBy.get(name) ?? []) if (!dependent.has(user)) queue.push(user);
    }
    return dependent;
  }
}

function isFlagged(schema: SchemaOrBoolean): boolean {
  return typeof schema === 'object' && (schema.readOnly === true || schema.writeOnly === true);
}

/** Calls `visit` on a schema and every sub-schema it holds (not following `$ref`s). */
export function walkSchema(schema: SchemaOrBoolean, visit: (schema: Schema) => void): void {
  if (typeof schema !== 'object') return;
  visit(schema);
  for (const key of ['properties', 'patternProperties', 'dependentSchemas'] as const) for (const sub of Object.values(schema[key] ?? {})) walkSchema(sub, visit);
  for (const key of ['allOf', 'oneOf', 'anyOf', 'prefixItems'] as const) for (const sub of schema[key] ?? []) walkSchema(sub, visit);
  for (const key of ['additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'contains', 'unevaluatedProperties', 'items'] as const) {
    const sub = schema[key];
    if (sub !== undefined) walkSchema(sub, visit);
  }
}

/** Documentation lines for a schema (spec text; the caller encodes them with `docComment`). */
export function schemaDoc(schema: SchemaOrBoolean): string[] {
  if (typeof schema !== 'object') return [];
  const lines: string[] = [];
  if (schema.title !== undefined && schema.title !== schema.description) lines.push(schema.title);
  if (schema.description !== undefined) {
    if (lines.length > 0) lines.push('');
    lines.push(schema.description);
  }
  if (schema.format !== undefined && schema.format !== 'binary') lines.push(`@format ${schema.format}`);
  if (schema.default !== undefined) lines.push(`@default ${JSON.stringify(schema.default)}`);
  if (schema.deprecated === true) lines.push('@deprecated');
  return lines;
}

class Renderer {
  constructor(
    private readonly types: SchemaTypes,
    private readonly view: SchemaView,
    private readonly qualifier: string,
    private readonly options: SchemaTypeOptions,
  ) {}

  node(schema: SchemaOrBoolean): TypeNode {
    if (schema === true) return unknownType;
    if (schema === false) return neverType;
    if (schema.$ref !== undefined) {
      const { $ref, ...rest } = schema;
      const reference = this.reference($ref);
      return Object.keys(rest).length === 0 ? reference : intersection([reference, this.node(rest)]);
    }
    if ('const' in schema) return text(valueLiteral(schema.const));
    if (schema.enum !== undefined) return this.enumeration(schema.enum);

    const parts: TypeNode[] = [];
    const types = schemaTypes(schema) ?? inferTypes(schema);
    if (types !== undefined) parts.push(union(types.map((type) => this.ofType(type, schema))));
    for (const member of schema.allOf ?? []) parts.push(this.node(member));
    if (schema.oneOf !== undefined) parts.push(this.alternatives(schema.oneOf, schema));
    if (schema.anyOf !== undefined) parts.push(this.alternatives(schema.anyOf, schema));
    return intersection(parts);
  }

  reference(ref: string): TypeNode {
    if (!ref.startsWith(schemaRefPrefix)) return unknownType;
    const name = refName(ref);
    try {
      return text(this.qualifier + this.types.typeName(name, this.view));
    } catch {
      return unknownType;
    }
  }

  enumeration(values: readonly unknown[]): TypeNode {
    const members = values.map((v) => text(valueLiteral(v)));
    if (this.options.unknownVariants?.enums?.includes(this.view)) {
      if (values.some((v) => typeof v === 'string')) members.push(text('(string & {})'));
      if (values.some((v) => typeof v === 'number')) members.push(text('(number & {})'));
    }
    return union(members);
  }

  ofType(type: SchemaType, schema: Schema): TypeNode {
    switch (type) {
      case 'string':
        return text(schema.format === 'binary' ? atom(this.options.binary[this.view]) : 'string');
      case 'number':
      case 'integer':
        return text('number');
      case 'boolean':
        return text('boolean');
      case 'null':
        return text('null');
      case 'array':
        return this.array(schema);
      case 'object':
        return this.object(schema);
    }
  }

  array(schema: Schema): TypeNode {
    if (schema.prefixItems !== undefined) {
      const required = Math.min(schema.minItems ?? 0, schema.prefixItems.length);
      const elements = schema.prefixItems.map((item, i) => ({ type: this.node(item), optional: i >= required }));
      const closed = schema.items === false || (schema.items === undefined && schema.maxItems !== undefined && schema.maxItems <= schema.prefixItems.length);
      return closed ? { kind: 'tuple', elements } : { kind: 'tuple', elements, rest: schema.items === undefined ? unknownType : this.node(schema.items) };
    }
    return { kind: 'array', element: schema.items === undefined ? unknownType : this.node(schema.items) };
  }

  object(schema: Schema): TypeNode {
    const required = new Set(schema.required ?? []);
    const members: TypeMember[] = [];
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (this.omitted(property)) continue;
      members.push({ name, optional: !required.has(name), type: this.node(property), doc: schemaDoc(property) });
    }
    const declared = new Set(Object.keys(schema.properties ?? {}));
    for (const name of schema.required ?? []) {
      if (!declared.has(name)) members.push({ name, optional: false, type: unknownType });
    }
    const extra: TypeNode[] = [];
    const open = [schema.additionalProperties, schema.unevaluatedProperties].filter((s): s is SchemaOrBoolean => s !== undefined);
    for (const sub of open) if (sub !== false) extra.push(this.node(sub));
    for (const sub of Object.values(schema.patternProperties ?? {})) extra.push(this.node(sub));
    // An object that says nothing about its properties may have any.
    const says = schema.properties !== undefined || schema.patternProperties !== undefined || open.length > 0;
    if (!says) extra.push(unknownType);
    if (extra.length === 0) {
      if (members.length > 0) return { kind: 'object', members };
      // Every property is left out of this view: nothing to add (this is often one part of an allOf).
      if (Object.keys(schema.properties ?? {}).length > 0) return unknownType;
      return { kind: 'object', members, index: neverType };
    }
    // Declared properties must fit the index signature, so it admits their types too.
    const index = union([...extra, ...members.map((m) => m.type), ...(members.some((m) => m.optional) ? [text('undefined')] : [])]);
    return { kind: 'object', members, index };
  }

  /** Whether a property is left out of this view: readOnly ones in requests, writeOnly ones in responses. */
  omitted(property: SchemaOrBoolean): boolean {
    const flag = this.view === 'request' ? 'readOnly' : 'writeOnly';
    const own = typeof property === 'object' && property[flag] === true;
    const target = this.types.resolve(property);
    return own || (typeof target === 'object' && target[flag] === true);
  }

  alternatives(members: readonly SchemaOrBoolean[], schema: Schema): TypeNode {
    const discriminator = schema.discriminator;
    const variants = members.map((member) => {
      const type = this.node(member);
      if (!discriminator || typeof member !== 'object' || member.$ref === undefined) return type;
      const values = discriminatorValues(member.$ref, discriminator.mapping);
      const target = this.types.resolve(member);
      const property = typeof target === 'object' ? target.properties?.[discriminator.propertyName] : undefined;
      if (property !== undefined && literalValues(this.types.resolve(property))?.join('\0') === values.join('\0')) return type;
      // Pin the discriminator to the values that select this variant, so that checking it narrows the union.
      const tag: TypeNode = { kind: 'object', members: [{ name: discriminator.propertyName, optional: false, type: union(values.map((v) => text(valueLiteral(v)))) }] };
      return intersection([type, tag]);
    });
    if (this.options.unknownVariants?.unions?.includes(this.view)) {
      const open: TypeMember[] = discriminator ? [{ name: discriminator.propertyName, optional: false, type: text('string & {}') }] : [];
      variants.push({ kind: 'object', members: open, index: unknownType });
    }
    return union(variants);
  }
}

/** A type given as code, parenthesised unless it is a single name. */
function atom(code: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$.]*$/.test(code) ? code : `(${code})`;
}

/** The discriminator values that select the schema `ref`: its mapping keys, or its name when none maps to it. */
function discriminatorValues(ref: string, mapping: Readonly<Record<string, string>> | undefined): string[] {
  const mapped = Object.entries(mapping ?? {})
    .filter(([, target]) => target === ref)
    .map(([value]) => value);
  return mapped.length > 0 ? mapped : [refName(ref)];
}

/** The literal values a schema admits when it is a `const` or an `enum`. */
function literalValues(schema: SchemaOrBoolean): unknown[] | undefined {
  if (typeof schema !== 'object') return undefined;
  if ('const' in schema) return [schema.const];
  return schema.enum !== undefined ? [...schema.enum] : undefined;
}

/** The type a schema without `type` describes, from the keywords it uses. */
function inferTypes(schema: Schema): SchemaType[] | undefined {
  if (schema.properties !== undefined || schema.additionalProperties !== undefined || schema.patternProperties !== undefined || schema.required !== undefined) return ['object'];
  if (schema.items !== undefined || schema.prefixItems !== undefined) return ['array'];
  if (schema.allOf !== undefined || schema.oneOf !== undefined || schema.anyOf !== undefined) return undefined;
  if (schema.format === 'binary') return ['string'];
  return undefined;
}

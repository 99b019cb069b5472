import type { Origin } from '../diagnostics/diagnostic.js';
import { refName, schemaOrigin, schemaTypes, type NamedSchema, type Schema, type SchemaOrBoolean, type SchemaType } from '../ir/schema.js';
import { equal } from '../lint/validate-value.js';

/** What changed between two versions of a schema, in terms of the values each accepts. */
export type SchemaChangeKind =
  /** The head accepts fewer values. */
  | 'narrowed'
  /** The head accepts more values. */
  | 'widened'
  /** An object property is required in the head and was not in the base. */
  | 'required-added'
  /** An object property is in the base and not in the head. */
  | 'property-removed'
  /** An object property is in the head and not in the base. */
  | 'property-added'
  /** A property the base required is optional in the head. */
  | 'became-optional'
  /** The value's type is another one: the head refuses what the base accepted, and allows what it did not. */
  | 'type-changed';

export interface SchemaChange {
  readonly kind: SchemaChangeKind;
  /** JSON pointer into the value (`/items/price`), `''` for the value itself. */
  readonly at: string;
  /** What changed, in a few words: `type integer → string`, `enum lost "eur"`. */
  readonly detail: string;
  /** For `type-changed`: the types before and after, as `string` or `integer | null`. */
  readonly types?: { readonly from: string; readonly to: string };
  /** Where to point: into the head, or into the base for something removed. */
  readonly side: 'base' | 'head';
  readonly origin: Origin;
  /** For property changes: whether the head's object still allows other properties. */
  readonly openObject?: boolean;
}

interface Side {
  readonly schemas: ReadonlyMap<string, NamedSchema>;
}

interface Located {
  readonly schema: SchemaOrBoolean;
  readonly origin: Origin;
  /** The named schema this is, for the recursion guard. */
  readonly name?: string;
}

/**
 * Compares two schemas structurally: types, enums, bounds, patterns, object properties
 * and array items, following `$ref`s into each side's named schemas. Each pair of named
 * schemas is compared once, so recursive schemas terminate.
 */
export class SchemaComparer {
  readonly #base: Side;
  readonly #head: Side;

  constructor(base: readonly NamedSchema[], head: readonly NamedSchema[]) {
    this.#base = { schemas: new Map(base.map((s) => [s.name, s])) };
    this.#head = { schemas: new Map(head.map((s) => [s.name, s])) };
  }

  compare(base: SchemaOrBoolean | undefined, baseOrigin: Origin, head: SchemaOrBoolean | undefined, headOrigin: Origin): SchemaChange[] {
    const out: SchemaChange[] = [];
    if (base === undefined || head === undefined) return out;
    this.#compare({ schema: base, origin: baseOrigin }, { schema: head, origin: headOrigin }, '', out, new Set(), 0);
    return out;
  }

  #resolve(located: Located, side: Side): Located {
    let current = located;
    for (let hops = 0; hops < 32 && typeof current.schema !== 'boolean' && current.schema.$ref !== undefined && onlyRef(current.schema); hops++) {
      const name = refName(current.schema.$ref);
      const named = side.schemas.get(name);
      if (!named) break;
      current = { schema: named.schema, origin: named.origin, name };
    }
    return current;
  }

  #compare(baseWritten: Located, headWritten: Located, at: string, out: SchemaChange[], seen: Set<string>, depth: number): void {
    if (depth > 64) return;
    const base = this.#resolve(baseWritten, this.#base);
    const head = this.#resolve(headWritten, this.#head);
    // A pair of named schemas is compared once: its changes are the same wherever it is used.
    if (base.name !== undefined && head.name !== undefined) {
      const key = `${base.name}|${head.name}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    if (typeof base.schema === 'boolean' || typeof head.schema === 'boolean') {
      if (base.schema === true && head.schema !== true) out.push(change('narrowed', at, 'any value → a schema', head));
      else if (head.schema === true && base.schema !== true) out.push(change('widened', at, 'a schema → any value', head));
      return;
    }
    const b = base.schema;
    const h = head.schema;
    this.#types(b, h, at, head, out);
    this.#enums(b, h, at, head, out);
    this.#bounds(b, h, at, head, out);
    this.#objects(base, head, at, out, seen, depth);
    if (b.items !== undefined && h.items !== undefined) {
      this.#compare({ schema: b.items, origin: schemaOrigin(base.origin, 'items') }, { schema: h.items, origin: schemaOrigin(head.origin, 'items') }, `${at}/0`, out, seen, depth + 1);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const bl = b[key];
      const hl = h[key];
      if (!bl || !hl || bl.length !== hl.length) continue;
      bl.forEach((part, i) => this.#compare({ schema: part, origin: schemaOrigin(base.origin, key, i) }, { schema: hl[i] as SchemaOrBoolean, origin: schemaOrigin(head.origin, key, i) }, at, out, seen, depth + 1));
    }
  }

  #types(b: Schema, h: Schema, at: string, head: Located, out: SchemaChange[]): void {
    const bt = schemaTypes(b);
    const ht = schemaTypes(h);
    if (equalSets(bt, ht)) return;
    const lost = bt === undefined ? (ht === undefined ? [] : ['any type']) : bt.filter((t) => !covers(ht, t));
    const gained = ht === undefined ? (bt === undefined ? [] : ['any type']) : ht.filter((t) => !covers(bt, t));
    const describe = (types: readonly SchemaType[] | undefined) => (types ? types.join(' | ') : 'any');
    if (lost.length > 0 && gained.length > 0) {
      out.push({ ...change('type-changed', at, `type ${describe(bt)} → ${describe(ht)}`, head, 'type'), types: { from: describe(bt), to: describe(ht) } });
      return;
    }
    if (lost.length > 0) out.push(change('narrowed', at, `type ${describe(bt)} → ${describe(ht)}`, head, 'type'));
    if (gained.length > 0) out.push(change('widened', at, `type ${describe(bt)} → ${describe(ht)}`, head, 'type'));
  }

  #enums(b: Schema, h: Schema, at: string, head: Located, out: SchemaChange[]): void {
    const be = b.enum ?? (b.const !== undefined ? [b.const] : undefined);
    const he = h.enum ?? (h.const !== undefined ? [h.const] : undefined);
    if (be === undefined && he === undefined) return;
    if (be === undefined) {
      out.push(change('narrowed', at, `values limited to ${list(he ?? [])}`, head, h.enum ? 'enum' : 'const'));
      return;
    }
    if (he === undefined) {
      out.push(change('widened', at, `values no longer limited to ${list(be)}`, head));
      return;
    }
    const removed = be.filter((v) => !he.some((w) => equal(v, w)));
    const added = he.filter((v) => !be.some((w) => equal(v, w)));
    if (removed.length > 0) out.push(change('narrowed', at, `no longer accepts ${list(removed)}`, head, h.enum ? 'enum' : 'const'));
    if (added.length > 0) out.push(change('widened', at, `now allows ${list(added)}`, head, h.enum ? 'enum' : 'const'));
  }

  #bounds(b: Schema, h: Schema, at: string, head: Located, out: SchemaChange[]): void {
    const upper = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
    const lower = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
    for (const key of upper) {
      const bv = b[key];
      const hv = h[key];
      if (bv === hv) continue;
      if (hv !== undefined && (bv === undefined || hv < bv)) out.push(change('narrowed', at, `${key} ${bv ?? 'none'} → ${hv}`, head, key));
      else out.push(change('widened', at, `${key} ${bv ?? 'none'} → ${hv ?? 'none'}`, head, key));
    }
    for (const key of lower) {
      const bv = b[key];
      const hv = h[key];
      if (bv === hv) continue;
      if (hv !== undefined && (bv === undefined || hv > bv)) out.push(change('narrowed', at, `${key} ${bv ?? 'none'} → ${hv}`, head, key));
      else out.push(change('widened', at, `${key} ${bv ?? 'none'} → ${hv ?? 'none'}`, head, key));
    }
    if (b.pattern !== h.pattern) {
      if (h.pattern !== undefined) out.push(change('narrowed', at, b.pattern === undefined ? `must match ${h.pattern}` : `pattern ${b.pattern} → ${h.pattern}`, head, 'pattern'));
      else out.push(change('widened', at, `pattern ${b.pattern} dropped`, head));
    }
    if (b.additionalProperties !== false && h.additionalProperties === false && h.properties !== undefined) out.push(change('narrowed', at, 'no other properties allowed', head, 'additionalProperties'));
  }

  #objects(base: Located, head: Located, at: string, out: SchemaChange[], seen: Set<string>, depth: number): void {
    const b = base.schema as Schema;
    const h = head.schema as Schema;
    if (b.properties === undefined && h.properties === undefined && b.required === undefined && h.required === undefined) return;
    const bp = b.properties ?? {};
    const hp = h.properties ?? {};
    const br = new Set(b.required ?? []);
    const hr = new Set(h.required ?? []);
    const openObject = h.additionalProperties !== false && h.unevaluatedProperties !== false;
    for (const name of Object.keys(bp)) {
      const here = pointer(at, name);
      if (!Object.hasOwn(hp, name)) {
        out.push({ ...change('property-removed', here, `property "${name}" removed`, base), side: 'base', openObject });
        continue;
      }
      this.#compare(
        { schema: bp[name] as SchemaOrBoolean, origin: schemaOrigin(base.origin, 'properties', name) },
        { schema: hp[name] as SchemaOrBoolean, origin: schemaOrigin(head.origin, 'properties', name) },
        here,
        out,
        seen,
        depth + 1,
      );
    }
    for (const name of Object.keys(hp)) {
      if (Object.hasOwn(bp, name)) continue;
      const origin = schemaOrigin(head.origin, 'properties', name);
      out.push(change(hr.has(name) ? 'required-added' : 'property-added', pointer(at, name), `property "${name}" added${hr.has(name) ? ', required' : ''}`, { schema: h, origin }));
    }
    for (const name of hr) {
      if (br.has(name) || !Object.hasOwn(bp, name)) continue;
      out.push(change('required-added', pointer(at, name), `property "${name}" became required`, { schema: h, origin: schemaOrigin(head.origin, 'required') }));
    }
    for (const name of br) {
      if (hr.has(name) || !Object.hasOwn(hp, name)) continue;
      out.push(change('became-optional', pointer(at, name), `property "${name}" is no longer required`, { schema: h, origin: schemaOrigin(head.origin, 'properties', name) }));
    }
  }
}

function change(kind: SchemaChangeKind, at: string, detail: string, where: Located, keyword?: string): SchemaChange {
  const written = keyword !== undefined && typeof where.schema === 'object' && (where.schema as Record<string, unknown>)[keyword] !== undefined;
  return { kind, at, detail, side: 'head', origin: written ? schemaOrigin(where.origin, keyword) : where.origin };
}

function onlyRef(schema: Schema): boolean {
  for (const key in schema) if (key !== '$ref' && key !== 'description' && key !== 'title') return false;
  return true;
}

function covers(types: readonly SchemaType[] | undefined, type: SchemaType): boolean {
  if (types === undefined) return true;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function equalSets(a: readonly SchemaType[] | undefined, b: readonly SchemaType[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((t) => b.includes(t));
}

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, 5).map((v) => JSON.stringify(v));
  return shown.join(', ') + (values.length > 5 ? `, and ${values.length - 5} more` : '');
}

function pointer(at: string, name: string): string {
  return `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * The smallest value a schema's type accepts, as data for `expression`: what a stub
 * returns until its author writes the real thing, so that it compiles against the
 * operation's response type from the first build. Required properties only, first
 * enum values and variants, empty strings and zeros, `null` where null is allowed.
 */
import type { Schema, SchemaOrBoolean } from '../../ir/schema.js';
import { refName, schemaTypes } from '../../ir/schema.js';
import { RawCode } from './encode.js';
import type { SchemaTypes, SchemaView } from './schema-to-type.js';

export interface ExampleOptions {
  /** An expression of the view's binary type, e.g. `new Uint8Array()`. */
  readonly binary: string;
}

/** Marks a value the example could not make (a `false` schema, endless required recursion). */
export const impossible = new RawCode('undefined as never');

export function exampleValue(schema: SchemaOrBoolean, view: SchemaView, types: SchemaTypes, options: ExampleOptions): unknown {
  return new Examples(types, view, options).of(schema, new Set());
}

class Examples {
  constructor(
    private readonly types: SchemaTypes,
    private readonly view: SchemaView,
    private readonly options: ExampleOptions,
  ) {}

  /** `nonNull`: inside an allOf, where null would make the intersection empty. */
  of(schema: SchemaOrBoolean, visiting: ReadonlySet<string>, nonNull = false): unknown {
    if (schema === true) return null;
    if (schema === false) return impossible;
    if (schema.$ref !== undefined) {
      const name = refName(schema.$ref);
      if (visiting.has(name)) return impossible;
      const target = this.types.resolve({ $ref: schema.$ref });
      const { $ref: _ref, ...rest } = schema;
      const value = this.of(target, new Set([...visiting, name]), nonNull);
      return Object.keys(rest).length === 0 ? value : merge(value, this.of(rest, visiting, nonNull));
    }
    if ('const' in schema) return schema.const;
    if (schema.enum !== undefined) return (nonNull ? schema.enum.find((v) => v !== null) : undefined) ?? schema.enum[0] ?? null;
    const types = schemaTypes(schema);
    if (types?.includes('null') && !nonNull && schema.allOf === undefined) return null;
    const parts: unknown[] = [];
    const type = types?.find((t) => t !== 'null') ?? inferType(schema);
    if (type !== undefined) parts.push(this.ofType(type, schema, visiting));
    for (const member of schema.allOf ?? []) parts.push(this.of(member, visiting, true));
    const alternatives = (schema.oneOf ?? schema.anyOf ?? []).filter((a) => !nonNull || !isNullSchema(a));
    if (alternatives.length > 0) parts.push(this.variant(alternatives[0] as SchemaOrBoolean, schema, visiting, nonNull));
    if (parts.length === 0) return null;
    return parts.reduce((a, b) => merge(a, b));
  }

  ofType(type: string, schema: Schema, visiting: ReadonlySet<string>): unknown {
    switch (type) {
      case 'string':
        return schema.format === 'binary' ? new RawCode(this.options.binary) : '';
      case 'number':
      case 'integer':
        return typeof schema.minimum === 'number' && schema.minimum > 0 ? schema.minimum : 0;
      case 'boolean':
        return false;
      case 'array': {
        const prefix = schema.prefixItems ?? [];
        const count = Math.max(schema.minItems ?? 0, 0);
        const items: unknown[] = [];
        for (let i = 0; i < count; i++) items.push(this.of(i < prefix.length ? (prefix[i] as SchemaOrBoolean) : (schema.items ?? true), visiting));
        return items;
      }
      case 'object': {
        const object: Record<string, unknown> = {};
        const required = new Set(schema.required ?? []);
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          // An optional property named like a member of Object.prototype (toString) is set too: TypeScript
          // compares the literal's inherited member with it otherwise, and a string is no function.
          if ((!required.has(name) && !(name in Object.prototype)) || this.omitted(property)) continue;
          setOwn(object, name, this.of(property, visiting));
        }
        for (const name of required) if (!Object.hasOwn(object, name) && !Object.hasOwn(schema.properties ?? {}, name)) setOwn(object, name, null);
        return object;
      }
      default:
        return null;
    }
  }

  /** The first variant; with a discriminator, its tag set to the value that selects it. */
  variant(member: SchemaOrBoolean, schema: Schema, visiting: ReadonlySet<string>, nonNull: boolean): unknown {
    const value = this.of(member, visiting, nonNull);
    const discriminator = schema.discriminator;
    if (!discriminator || typeof member !== 'object' || member.$ref === undefined || !isPlainObject(value)) return value;
    const mapped = Object.entries(discriminator.mapping ?? {}).find(([, target]) => target === member.$ref)?.[0];
    const tagged = { ...value };
    setOwn(tagged, discriminator.propertyName, mapped ?? refName(member.$ref));
    return tagged;
  }

  omitted(property: SchemaOrBoolean): boolean {
    const flag = this.view === 'request' ? 'readOnly' : 'writeOnly';
    const target = this.types.resolve(property);
    return (typeof property === 'object' && property[flag] === true) || (typeof target === 'object' && target[flag] === true);
  }
}

function isNullSchema(schema: SchemaOrBoolean): boolean {
  return typeof schema === 'object' && schema.type === 'null';
}

function inferType(schema: Schema): string | undefined {
  if (schema.properties !== undefined || schema.required !== undefined || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  return undefined;
}

/** Sets a property of spec text as the object's own, even when it is called `__proto__`. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawCode);
}

/** Two examples of the same value (allOf members): objects are merged, otherwise the more specific one wins. */
function merge(a: unknown, b: unknown): unknown {
  if (a === impossible || b === impossible) return impossible;
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) setOwn(out, key, Object.hasOwn(out, key) ? merge(out[key], value) : value);
    return out;
  }
  if (a === null || a === undefined) return b;
  return b === null || b === undefined ? a : b;
}

/**
 * Schemas in the IR: one JSON Schema dialect (a 2020-12 subset plus OpenAPI's
 * `discriminator`), whatever the spec's OpenAPI version. The front end normalises 3.0
 * (`nullable`, boolean `exclusiveMinimum`, `example`) into it, drops `x-*` keys, and
 * rewrites every `$ref` to `#/components/schemas/<name>`, naming a schema in
 * `Api.schemas`; a `$ref` never leads anywhere else, so recursive schemas stay recursive.
 *
 * Sub-schemas carry no origin of their own: since references are never inlined, a
 * sub-schema's origin is its parent's origin plus the keyword path (`schemaOrigin`).
 */
import type { Origin } from '../diagnostics/diagnostic.js';
import { appendPointer } from '../load/json-pointer.js';

export type SchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export type SchemaOrBoolean = Schema | boolean;

export interface Discriminator {
  readonly propertyName: string;
  /** Discriminator value to `#/components/schemas/<name>`. */
  readonly mapping?: Readonly<Record<string, string>>;
}

export interface Schema {
  readonly $ref?: string;
  readonly type?: SchemaType | readonly SchemaType[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;

  readonly properties?: Readonly<Record<string, SchemaOrBoolean>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: SchemaOrBoolean;
  readonly patternProperties?: Readonly<Record<string, SchemaOrBoolean>>;
  readonly propertyNames?: SchemaOrBoolean;
  readonly unevaluatedProperties?: SchemaOrBoolean;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly dependentRequired?: Readonly<Record<string, readonly string[]>>;
  readonly dependentSchemas?: Readonly<Record<string, SchemaOrBoolean>>;

  readonly items?: SchemaOrBoolean;
  readonly prefixItems?: readonly SchemaOrBoolean[];
  readonly contains?: SchemaOrBoolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;

  readonly oneOf?: readonly SchemaOrBoolean[];
  readonly anyOf?: readonly SchemaOrBoolean[];
  readonly allOf?: readonly SchemaOrBoolean[];
  readonly not?: SchemaOrBoolean;
  readonly if?: SchemaOrBoolean;
  readonly then?: SchemaOrBoolean;
  readonly else?: SchemaOrBoolean;
  readonly discriminator?: Discriminator;

  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly contentMediaType?: string;
  readonly contentEncoding?: string;

  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;

  readonly title?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly deprecated?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
}

/** A schema with a name in `Api.schemas`: every component schema, and every schema a `$ref` hoisted. */
export interface NamedSchema {
  /** Unique among the API's schemas; the component name where there is one. */
  readonly name: string;
  readonly schema: SchemaOrBoolean;
  readonly origin: Origin;
}

export const schemaRefPrefix = '#/components/schemas/';

export function schemaRef(name: string): string {
  return schemaRefPrefix + name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The schema name a `$ref` of the IR names. */
export function refName(ref: string): string {
  return ref.slice(schemaRefPrefix.length).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The origin of a sub-schema, from its enclosing schema's origin and the keyword path to it. */
export function schemaOrigin(origin: Origin, ...path: readonly (string | number)[]): Origin {
  return { file: origin.file, pointer: appendPointer(origin.pointer, ...path) };
}

/** The types a schema admits, as a list (`undefined` when `type` is absent). */
export function schemaTypes(schema: Schema): readonly SchemaType[] | undefined {
  if (schema.type === undefined) return undefined;
  return typeof schema.type === 'string' ? [schema.type] : schema.type;
}

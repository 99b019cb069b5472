/**
 * Lowers an IR schema (a JSON Schema 2020-12 subset) to what API Gateway models hold:
 * JSON Schema draft 4, restricted to the keywords an OpenAPI 3.0 Schema Object allows
 * (the document is imported as OpenAPI 3.0). Keywords that have an exact draft 4 form
 * are translated (`const`, numeric `exclusiveMinimum`, type lists, boolean schemas);
 * the rest are left out and reported, so the gateway checks less than the spec says
 * and never more: the generated handler checks what the gateway cannot.
 */
import type { Schema, SchemaOrBoolean, SchemaType } from '../../ir/schema.js';
import type { CfnValue } from '../aws/cfn.js';

export type Draft4Schema = { readonly [key: string]: CfnValue };

export type SchemaPath = readonly (string | number)[];

export interface LowerSchemaOptions {
  /** The document reference for an IR `$ref` (`#/components/schemas/<name>`). */
  readonly modelRef: (irRef: string) => string;
  /** Called once for each keyword left out, with its path from the schema being lowered. */
  readonly moved: (keyword: string, path: SchemaPath, reason: string) => void;
  /**
   * The schema describes request bodies (too): readOnly properties are not required there,
   * since clients do not send them. Response schemas keep them required.
   */
  readonly requests?: boolean;
}

/**
 * Formats draft 4 does not define for numbers: they carry no check in a draft 4 validator,
 * and API Gateway refuses to import `int32`, `int64` and `decimal` number formats.
 */
const numericFormats = new Set(['int32', 'int64', 'float', 'double', 'decimal']);

/** Keywords that only annotate; dropping them changes nothing the gateway checks. */
const annotations = new Set(['examples', 'deprecated', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding']);

const movedReasons: Readonly<Record<string, string>> = {
  patternProperties: 'an OpenAPI 3.0 Schema Object has no "patternProperties"',
  propertyNames: 'draft 4 has no "propertyNames"',
  unevaluatedProperties: 'draft 4 has no "unevaluatedProperties"',
  dependentRequired: 'an OpenAPI 3.0 Schema Object has no "dependencies"',
  dependentSchemas: 'an OpenAPI 3.0 Schema Object has no "dependencies"',
  prefixItems: 'an OpenAPI 3.0 Schema Object has no tuple "items"',
  contains: 'draft 4 has no "contains"',
  if: 'draft 4 has no "if"/"then"/"else"',
  then: 'draft 4 has no "if"/"then"/"else"',
  else: 'draft 4 has no "if"/"then"/"else"',
  discriminator: 'API Gateway models do not support "discriminator" (the oneOf/anyOf alternatives are still checked)',
};

export function lowerSchema(schema: SchemaOrBoolean, options: LowerSchemaOptions): Draft4Schema {
  return lower(schema, [], options);
}

function lower(schema: SchemaOrBoolean, path: SchemaPath, options: LowerSchemaOptions): Draft4Schema {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  const out: Record<string, CfnValue> = {};
  const allOf: CfnValue[] = [];
  const sub = (value: SchemaOrBoolean, ...at: (string | number)[]): Draft4Schema => lower(value, [...path, ...at], options);
  const move = (keyword: string, reason = movedReasons[keyword] ?? `API Gateway models cannot hold "${keyword}"`): void =>
    options.moved(keyword, [...path, keyword], reason);

  if (schema.title !== undefined) out['title'] = safeComment(schema.title);
  if (schema.description !== undefined) out['description'] = safeComment(schema.description);

  const typeAlternatives = lowerType(schema.type, out);
  if (schema.enum !== undefined) out['enum'] = distinct(schema.enum as CfnValue[]);
  if (schema.const !== undefined) {
    if (out['enum'] === undefined) out['enum'] = [schema.const as CfnValue];
    else allOf.push({ enum: [schema.const as CfnValue] });
  }

  // objects
  if (schema.properties !== undefined) {
    out['properties'] = Object.fromEntries(Object.entries(schema.properties).map(([name, value]) => [name, sub(value, 'properties', name)]));
  }
  if (schema.required !== undefined) {
    const readOnly = options.requests ? schema.required.filter((name) => isReadOnly(schema.properties?.[name])) : [];
    for (const name of readOnly) {
      options.moved('required', [...path, 'required'], `the property "${name}" is readOnly, so requests do not send it; only responses must hold it`);
    }
    const required = schema.required.filter((name) => !readOnly.includes(name));
    if (required.length > 0) out['required'] = [...new Set(required)];
  }
  if (schema.additionalProperties !== undefined) {
    // It covers the properties patternProperties does not match; with those left out, it would cover them too.
    if (schema.patternProperties !== undefined) move('additionalProperties', 'it applies only to properties "patternProperties" does not match, which API Gateway models cannot hold');
    else out['additionalProperties'] = typeof schema.additionalProperties === 'boolean' ? schema.additionalProperties : sub(schema.additionalProperties, 'additionalProperties');
  }
  if (schema.minProperties !== undefined) out['minProperties'] = schema.minProperties;
  if (schema.maxProperties !== undefined) out['maxProperties'] = schema.maxProperties;
  for (const keyword of ['patternProperties', 'propertyNames', 'unevaluatedProperties', 'dependentRequired', 'dependentSchemas'] as const) {
    if (schema[keyword] !== undefined) move(keyword);
  }

  // arrays
  if (schema.prefixItems !== undefined) {
    move('prefixItems');
    // With prefixItems, 2020-12's "items" covers only the items after them; alone it would cover every item.
    if (schema.items !== undefined) move('items', 'it applies only after "prefixItems", which API Gateway models cannot hold');
  } else if (schema.items !== undefined) {
    out['items'] = sub(schema.items, 'items');
  }
  if (schema.contains !== undefined) move('contains');
  if (schema.minItems !== undefined) out['minItems'] = schema.minItems;
  if (schema.maxItems !== undefined) out['maxItems'] = schema.maxItems;
  if (schema.uniqueItems !== undefined) out['uniqueItems'] = schema.uniqueItems;

  // combinations
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (list !== undefined) {
      const lowered = list.map((item, index) => sub(item, keyword, index));
      if (keyword === 'allOf') allOf.push(...lowered);
      else out[keyword] = lowered;
    }
  }
  if (schema.not !== undefined) out['not'] = sub(schema.not, 'not');
  for (const keyword of ['if', 'then', 'else', 'discriminator'] as const) {
    if (schema[keyword] !== undefined) move(keyword);
  }

  // strings
  if (schema.format !== undefined) {
    if (numericFormats.has(schema.format)) move('format', `draft 4 does not check the number format "${schema.format}" and API Gateway does not import it`);
    else out['format'] = schema.format;
  }
  if (schema.pattern !== undefined) out['pattern'] = schema.pattern;
  if (schema.minLength !== undefined) out['minLength'] = schema.minLength;
  if (schema.maxLength !== undefined) out['maxLength'] = schema.maxLength;

  // numbers: draft 4 writes exclusive bounds as a flag on minimum/maximum
  lowerBound(out, 'minimum', 'exclusiveMinimum', schema.minimum, schema.exclusiveMinimum, (a, b) => a > b);
  lowerBound(out, 'maximum', 'exclusiveMaximum', schema.maximum, schema.exclusiveMaximum, (a, b) => a < b);
  if (schema.multipleOf !== undefined) out['multipleOf'] = schema.multipleOf;

  if (schema.default !== undefined) out['default'] = schema.default as CfnValue;

  if (typeAlternatives) {
    if (out['anyOf'] === undefined) out['anyOf'] = typeAlternatives;
    else allOf.push({ anyOf: typeAlternatives });
  }
  if (schema.$ref !== undefined) {
    const ref = { $ref: options.modelRef(schema.$ref) };
    // In draft 4 a $ref's siblings are ignored, so anything beside it moves into allOf.
    if (Object.keys(out).length === 0 && allOf.length === 0) return ref;
    allOf.unshift(ref);
  }
  if (allOf.length > 0) out['allOf'] = allOf;
  for (const keyword of Object.keys(schema)) {
    if (!handled.has(keyword) && !annotations.has(keyword)) move(keyword);
  }
  return out;
}

const handled = new Set([
  '$ref', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames',
  'unevaluatedProperties', 'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas', 'items', 'prefixItems',
  'contains', 'minItems', 'maxItems', 'uniqueItems', 'oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else', 'discriminator',
  'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'title', 'description', 'default',
]);

/**
 * An OpenAPI 3.0 Schema Object names one type and has no "null" type: a single type stays,
 * a list (or "null") becomes alternatives, which are returned for the caller to place.
 */
function lowerType(type: Schema['type'], out: Record<string, CfnValue>): CfnValue[] | undefined {
  if (type === undefined) return undefined;
  const types: readonly SchemaType[] = typeof type === 'string' ? [type] : type;
  const distinct = [...new Set(types)];
  if (distinct.length === 1 && distinct[0] !== 'null') {
    out['type'] = distinct[0] as string;
    return undefined;
  }
  return distinct.map((t): CfnValue => (t === 'null' ? { enum: [null] } : { type: t }));
}

function lowerBound(
  out: Record<string, CfnValue>,
  inclusiveKey: 'minimum' | 'maximum',
  exclusiveKey: 'exclusiveMinimum' | 'exclusiveMaximum',
  inclusive: number | undefined,
  exclusive: number | undefined,
  tighter: (a: number, b: number) => boolean,
): void {
  if (exclusive === undefined) {
    if (inclusive !== undefined) out[inclusiveKey] = inclusive;
    return;
  }
  // Draft 4 has one bound per side; keep whichever of the two admits less.
  if (inclusive !== undefined && tighter(inclusive, exclusive)) {
    out[inclusiveKey] = inclusive;
    return;
  }
  out[inclusiveKey] = exclusive;
  out[exclusiveKey] = true;
}

/** Draft 4 wants the values of `enum` unique. */
function distinct(values: readonly CfnValue[]): CfnValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = canonicalJson(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function isReadOnly(schema: SchemaOrBoolean | undefined): boolean {
  return typeof schema === 'object' && schema.readOnly === true;
}

/**
 * API Gateway copies model descriptions into the comments of the SDKs it generates, where
 * a `*` followed by `/` would end the comment early.
 */
function safeComment(text: string): string {
  return text.replace(/\*\//g, '* /');
}

/** The IR `$ref`s a schema holds, at any depth (not following them). */
export function schemaRefs(schema: SchemaOrBoolean): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string') found.push(child);
        else if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') walk(child);
      }
    }
  };
  walk(schema);
  return found;
}

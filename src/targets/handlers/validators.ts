/**
 * The request validators of one handler, compiled by ajv at build time into standalone
 * code: the Lambda never compiles a schema at cold start and carries no ajv. ajv's few
 * runtime helpers are inlined, so the output needs no dependency.
 *
 * Two ajv instances: `strict` checks JSON bodies and messages as they are; `coercing`
 * checks parameters and form fields, which arrive as text, turning `"20"` into `20` in
 * place (they are wrapped as `{ value }` for that, since ajv cannot replace a root value).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { fastFormats } from 'ajv-formats/dist/formats.js';
import type { NamedSchema, Schema, SchemaOrBoolean } from '../../ir/schema.js';
import { refName } from '../../ir/schema.js';

export type ValidatorMode = 'strict' | 'coercing';

interface Wanted {
  readonly name: string;
  readonly schema: SchemaOrBoolean;
  readonly mode: ValidatorMode;
}

/** The validators a handler needs; equal schemas share one. */
export class ValidatorSet {
  readonly #byKey = new Map<string, Wanted>();

  /** Registers a schema to check and returns the name its validator is exported as. */
  add(schema: SchemaOrBoolean, mode: ValidatorMode): string {
    const key = `${mode}:${JSON.stringify(schema)}`;
    const existing = this.#byKey.get(key);
    if (existing) return existing.name;
    const name = `${mode}${this.#byKey.size}`;
    this.#byKey.set(key, { name, schema, mode });
    return name;
  }

  get wanted(): readonly Wanted[] {
    return [...this.#byKey.values()];
  }
}

/** Problems the compiler leaves to the caller to report, with the schema they are about. */
export interface ValidatorNotice {
  readonly schemaName?: string;
  readonly pattern: string;
}

export interface CompiledValidators {
  /** TypeScript source of the module (ajv's JavaScript, unchecked by tsc). */
  readonly source: string;
  /** Regular expressions JavaScript cannot run, left out of the checks. */
  readonly unsupportedPatterns: readonly ValidatorNotice[];
}

const documentId = 'gatewright:validators';

/**
 * Formats checked by regular expressions only (ajv-formats' fast set, whose regexes ajv
 * writes into the code), so that no format function is needed at run time. Formats that
 * need a function (`int32`, `regex`, ...) are not checked.
 */
const formatPatterns: Record<string, RegExp | true> = Object.fromEntries(
  Object.entries(fastFormats).flatMap(([name, format]): [string, RegExp | true][] => {
    if (format instanceof RegExp || format === true) return [[name, format]];
    if (typeof format === 'object' && 'validate' in format && format.validate instanceof RegExp) return [[name, format.validate]];
    return [[name, true]];
  }),
);

/** ajv's runtime helpers, as inlined code: what standalone output `require`s, and what replaces it. */
const runtimeHelpers: Record<string, { readonly name: string; readonly code: string }> = {
  'require("ajv/dist/runtime/ucs2length").default': {
    name: 'ucs2length',
    // Lengths count code points, as JSON Schema's minLength and maxLength do.
    code: 'function ucs2length(text) {\n  let length = 0;\n  for (const _ of text) length++;\n  return length;\n}',
  },
  'require("ajv/dist/runtime/equal").default': {
    name: 'equal',
    code: [
      'function equal(a, b) {',
      '  if (a === b) return true;',
      "  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;",
      '  if (Array.isArray(a) !== Array.isArray(b)) return false;',
      '  const keys = Object.keys(a);',
      '  if (keys.length !== Object.keys(b).length) return false;',
      '  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal(a[key], b[key]));',
      '}',
    ].join('\n'),
  },
};

/** Compiles the validators into one module. */
export function compileValidators(schemas: readonly NamedSchema[], set: ValidatorSet): CompiledValidators {
  const unsupportedPatterns: ValidatorNotice[] = [];
  const byName = new Map(schemas.map((s) => [s.name, s.schema]));
  const prepare = (schema: SchemaOrBoolean, schemaName?: string): SchemaOrBoolean =>
    forRequests(schema, byName, (pattern) => unsupportedPatterns.push({ ...(schemaName !== undefined ? { schemaName } : {}), pattern }));
  const components = Object.fromEntries(schemas.map((s) => [s.name, prepare(s.schema, s.name)]));
  const wanted = set.wanted.map((w) => ({ ...w, schema: prepare(w.schema) }));
  const document = { $id: documentId, components: { schemas: components }, 'x-validators': Object.fromEntries(wanted.map((w) => [w.name, w.schema])) };

  const modules: string[] = [];
  const exports: string[] = [];
  const used = new Set<string>();
  for (const mode of ['strict', 'coercing'] as const) {
    const mine = wanted.filter((w) => w.mode === mode);
    if (mine.length === 0) continue;
    const ajv = new Ajv2020({
      strict: false,
      // The IR's schemas were checked by the front end; skipping the meta-schema saves most of ajv's start-up.
      meta: false,
      validateSchema: false,
      allErrors: true,
      // Only a body's own properties count: {} has no "constructor" and no "__proto__" to check.
      ownProperties: true,
      logger: false,
      inlineRefs: false,
      coerceTypes: mode === 'coercing' ? 'array' : false,
      formats: formatPatterns,
      code: { source: true, lines: false, esm: false },
    });
    ajv.addSchema(document);
    const refs = Object.fromEntries(mine.map((w) => [w.name, `${documentId}#/x-validators/${w.name}`]));
    // A CommonJS module: its default import is module.exports, whose `default` is the function.
    let code = standaloneModule.default(ajv, refs);
    for (const [required, helper] of Object.entries(runtimeHelpers)) {
      if (!code.includes(required)) continue;
      code = code.split(required).join(helper.name);
      used.add(required);
    }
    if (/\brequire\(/.test(code)) throw new Error(`internal: ajv standalone code needs a runtime helper gatewright does not inline: ${/require\([^)]*\)/.exec(code)?.[0]}`);
    // CommonJS-style output, scoped so that the two instances' names cannot clash.
    modules.push(`const ${mode} = (() => {\nconst exports = {};\n${code.replace(/^"use strict";/, '')}\nreturn exports;\n})();`);
    for (const w of mine) exports.push(`export const ${w.name}: Validator = ${mode}.${w.name};`);
  }
  const helpers = Object.entries(runtimeHelpers)
    .filter(([required]) => used.has(required))
    .map(([, helper]) => helper.code);
  const source = [
    '// @ts-nocheck: ajv standalone code, compiled from the spec by gatewright at build time.',
    '// Rewritten on every build; do not edit.',
    "import type { Validator } from '../runtime/spec.js';",
    '',
    ...helpers,
    ...modules,
    '',
    ...exports,
    '',
  ].join('\n');
  return { source, unsupportedPatterns };
}

/**
 * A schema as requests are checked against it: readOnly properties are not required (the
 * client does not send them), discriminators (annotations to ajv) are dropped, and
 * patterns JavaScript cannot compile are left out and reported.
 */
function forRequests(schema: SchemaOrBoolean, byName: ReadonlyMap<string, SchemaOrBoolean>, unsupported: (pattern: string) => void): SchemaOrBoolean {
  if (typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'discriminator' || value === undefined) continue;
    if (key === 'pattern') {
      if (isValidPattern(value as string)) out[key] = value;
      else unsupported(value as string);
      continue;
    }
    if (key === 'properties' || key === 'dependentSchemas') {
      out[key] = mapValues(value as Record<string, SchemaOrBoolean>, (s) => forRequests(s, byName, unsupported));
    } else if (key === 'patternProperties') {
      const kept: Record<string, SchemaOrBoolean> = {};
      for (const [pattern, sub] of Object.entries(value as Record<string, SchemaOrBoolean>)) {
        if (isValidPattern(pattern)) kept[pattern] = forRequests(sub, byName, unsupported);
        else unsupported(pattern);
      }
      out[key] = kept;
    } else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf' || key === 'prefixItems') {
      out[key] = (value as SchemaOrBoolean[]).map((s) => forRequests(s, byName, unsupported));
    } else if (['additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'contains', 'unevaluatedProperties', 'items'].includes(key)) {
      out[key] = forRequests(value as SchemaOrBoolean, byName, unsupported);
    } else {
      out[key] = value;
    }
  }
  if (Array.isArray(schema.required) && schema.properties) {
    const properties = schema.properties;
    out['required'] = schema.required.filter((name) => {
      const property = properties[name];
      return property === undefined || !isReadOnly(property, byName);
    });
  }
  return out as Schema;
}

function isReadOnly(schema: SchemaOrBoolean, byName: ReadonlyMap<string, SchemaOrBoolean>): boolean {
  if (typeof schema !== 'object') return false;
  if (schema.readOnly === true) return true;
  if (schema.$ref === undefined) return false;
  const target = byName.get(refName(schema.$ref));
  return typeof target === 'object' && target.readOnly === true;
}

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}

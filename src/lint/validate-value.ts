import { appendPointer } from '../load/json-pointer.js';
import { refName, schemaTypes, type NamedSchema, type Schema, type SchemaOrBoolean, type SchemaType } from '../ir/schema.js';

/** Where a value breaks its schema: a JSON pointer into the value, and why. */
export interface ValueProblem {
  readonly at: string;
  readonly message: string;
}

const maxDepth = 256;
/**
 * Steps one value may take. Nested unions are checked branch by branch, which grows
 * quickly on recursive schemas; past this, the value is taken as valid rather than let
 * one example hold up the whole lint.
 */
const stepBudget = 200_000;

/**
 * Checks values (examples, defaults) against schemas of the IR dialect by walking both.
 * An interpreter rather than a compiled validator: lint checks each example once, and
 * compiling thousands of schemas to check a few values each costs far more than walking.
 * Formats are checked only where a mistake is unambiguous (date-time, date, email, uuid,
 * uri, ipv4, int32, int64); unknown formats pass, as JSON Schema says.
 */
export class ValueValidator {
  readonly #schemas: ReadonlyMap<string, SchemaOrBoolean>;
  readonly #patterns = new Map<string, RegExp | null>();
  #steps = 0;

  constructor(schemas: readonly NamedSchema[]) {
    this.#schemas = new Map(schemas.map((s) => [s.name, s.schema]));
  }

  /** The first problem of a value, or `undefined` when it matches. */
  check(schema: SchemaOrBoolean, value: unknown): ValueProblem | undefined {
    this.#steps = 0;
    const problem = this.#check(schema, value, '', 0);
    return this.#steps > stepBudget ? undefined : problem;
  }

  #check(schema: SchemaOrBoolean, value: unknown, at: string, depth: number): ValueProblem | undefined {
    if (schema === true) return undefined;
    if (schema === false) return { at, message: 'no value is allowed here' };
    if (depth > maxDepth || ++this.#steps > stepBudget) return undefined;
    if (schema.$ref !== undefined) {
      const target = this.#schemas.get(refName(schema.$ref));
      const problem = target === undefined ? undefined : this.#check(target, value, at, depth + 1);
      if (problem) return problem;
    }
    const types = schemaTypes(schema);
    if (types && !types.some((t) => hasType(value, t))) return { at, message: `must be ${types.join(' or ')}, not ${describe(value)}` };
    if (schema.enum && !schema.enum.some((e) => equal(e, value))) {
      return { at, message: `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${JSON.stringify(value)}` };
    }
    if ('const' in schema && schema.const !== undefined && !equal(schema.const, value)) return { at, message: `must be ${JSON.stringify(schema.const)}` };
    const own =
      typeof value === 'number' ? this.#number(schema, value, at)
      : typeof value === 'string' ? this.#string(schema, value, at)
      : Array.isArray(value) ? this.#array(schema, value, at, depth)
      : value !== null && typeof value === 'object' ? this.#object(schema, value as Record<string, unknown>, at, depth)
      : undefined;
    if (own) return own;
    return this.#combinators(schema, value, at, depth);
  }

  #combinators(schema: Schema, value: unknown, at: string, depth: number): ValueProblem | undefined {
    for (const part of schema.allOf ?? []) {
      const problem = this.#check(part, value, at, depth + 1);
      if (problem) return problem;
    }
    if (schema.anyOf) {
      const problems = schema.anyOf.map((part) => this.#check(part, value, at, depth + 1));
      if (!problems.includes(undefined)) return this.#onlyBranch(schema.anyOf, problems, value) ?? { at, message: 'matches none of the anyOf schemas' };
    }
    if (schema.oneOf) {
      const problems = schema.oneOf.map((part) => this.#check(part, value, at, depth + 1));
      const matching = problems.filter((p) => p === undefined).length;
      if (matching === 0) return this.#onlyBranch(schema.oneOf, problems, value) ?? { at, message: 'matches none of the oneOf schemas' };
      if (matching > 1) return { at, message: `matches ${matching} of the oneOf schemas; it must match exactly one` };
    }
    if (schema.not !== undefined && this.#check(schema.not, value, at, depth + 1) === undefined) return { at, message: 'matches the schema under "not"' };
    if (schema.if !== undefined) {
      const branch = this.#check(schema.if, value, at, depth + 1) === undefined ? schema.then : schema.else;
      if (branch !== undefined) return this.#check(branch, value, at, depth + 1);
    }
    return undefined;
  }

  /** For a union no branch accepts: the problem of the only branch of the value's type, which reads better than "matches none". */
  #onlyBranch(parts: readonly SchemaOrBoolean[], problems: readonly (ValueProblem | undefined)[], value: unknown): ValueProblem | undefined {
    let only: ValueProblem | undefined;
    let count = 0;
    parts.forEach((part, i) => {
      if (typeof part === 'boolean') return;
      const types = schemaTypes(part);
      if (types !== undefined && !types.some((t) => hasType(value, t))) return;
      count++;
      only = problems[i];
    });
    return count === 1 ? only : undefined;
  }

  #number(schema: Schema, value: number, at: string): ValueProblem | undefined {
    if (schema.minimum !== undefined && value < schema.minimum) return { at, message: `must be at least ${schema.minimum}, not ${value}` };
    if (schema.maximum !== undefined && value > schema.maximum) return { at, message: `must be at most ${schema.maximum}, not ${value}` };
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return { at, message: `must be more than ${schema.exclusiveMinimum}, not ${value}` };
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return { at, message: `must be less than ${schema.exclusiveMaximum}, not ${value}` };
    if (schema.multipleOf !== undefined && schema.multipleOf > 0) {
      const quotient = value / schema.multipleOf;
      if (Math.abs(quotient - Math.round(quotient)) > 1e-9) return { at, message: `must be a multiple of ${schema.multipleOf}, not ${value}` };
    }
    if (schema.format === 'int32' && (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31)) return { at, message: `must be a 32-bit integer, not ${value}` };
    if (schema.format === 'int64' && !Number.isInteger(value)) return { at, message: `must be an integer, not ${value}` };
    return undefined;
  }

  #string(schema: Schema, value: string, at: string): ValueProblem | undefined {
    if (schema.minLength !== undefined || schema.maxLength !== undefined) {
      // Lengths count code points; count them only when the string has surrogate pairs.
      const length = /[\uD800-\uDBFF]/.test(value) ? [...value].length : value.length;
      if (schema.minLength !== undefined && length < schema.minLength) return { at, message: `must be at least ${schema.minLength} characters long, not ${length}` };
      if (schema.maxLength !== undefined && length > schema.maxLength) return { at, message: `must be at most ${schema.maxLength} characters long, not ${length}` };
    }
    if (schema.pattern !== undefined) {
      const pattern = this.#pattern(schema.pattern);
      if (pattern && !pattern.test(value)) return { at, message: `must match the pattern ${schema.pattern}` };
    }
    if (schema.format !== undefined) {
      const check = formats[schema.format];
      if (check && !check(value)) return { at, message: `must be a${/^[aeiou]/.test(schema.format) ? 'n' : ''} ${schema.format}, not ${JSON.stringify(value)}` };
    }
    return undefined;
  }

  #array(schema: Schema, value: readonly unknown[], at: string, depth: number): ValueProblem | undefined {
    if (schema.minItems !== undefined && value.length < schema.minItems) return { at, message: `must have at least ${schema.minItems} items, not ${value.length}` };
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return { at, message: `must have at most ${schema.maxItems} items, not ${value.length}` };
    const prefix = schema.prefixItems ?? [];
    for (let i = 0; i < value.length; i++) {
      const itemSchema = i < prefix.length ? prefix[i] : schema.items;
      if (itemSchema === undefined) continue;
      const problem = this.#check(itemSchema, value[i], appendPointer(at, i), depth + 1);
      if (problem) return problem;
    }
    if (schema.uniqueItems) {
      for (let i = 1; i < value.length; i++) {
        for (let j = 0; j < i; j++) if (equal(value[i], value[j])) return { at: appendPointer(at, i), message: `repeats item ${j}; items must be unique` };
      }
    }
    if (schema.contains !== undefined && !value.some((item, i) => this.#check(schema.contains as SchemaOrBoolean, item, appendPointer(at, i), depth + 1) === undefined)) {
      return { at, message: 'must contain an item that matches the "contains" schema' };
    }
    return undefined;
  }

  #object(schema: Schema, value: Record<string, unknown>, at: string, depth: number): ValueProblem | undefined {
    const keys = Object.keys(value);
    for (const name of schema.required ?? []) if (!Object.hasOwn(value, name)) return { at, message: `misses the required property "${name}"` };
    if (schema.minProperties !== undefined && keys.length < schema.minProperties) return { at, message: `must have at least ${schema.minProperties} properties` };
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) return { at, message: `must have at most ${schema.maxProperties} properties` };
    for (const [name, needs] of Object.entries(schema.dependentRequired ?? {})) {
      if (!Object.hasOwn(value, name)) continue;
      const missing = needs.find((n) => !Object.hasOwn(value, n));
      if (missing !== undefined) return { at, message: `has "${name}", so it needs "${missing}" too` };
    }
    const patterns = Object.entries(schema.patternProperties ?? {}).map(([p, s]) => [this.#pattern(p), s] as const);
    const unevaluated = schema.unevaluatedProperties === false ? this.#evaluatedNames(schema, 0) : undefined;
    for (const key of keys) {
      const here = appendPointer(at, key);
      const property = schema.properties?.[key];
      let matched = property !== undefined;
      if (property !== undefined) {
        const problem = this.#check(property, value[key], here, depth + 1);
        if (problem) return problem;
      }
      for (const [pattern, patternSchema] of patterns) {
        if (!pattern || !pattern.test(key)) continue;
        matched = true;
        const problem = this.#check(patternSchema, value[key], here, depth + 1);
        if (problem) return problem;
      }
      if (schema.propertyNames !== undefined) {
        const problem = this.#check(schema.propertyNames, key, here, depth + 1);
        if (problem) return { at: here, message: `has a property name that ${problem.message}` };
      }
      if (!matched && schema.additionalProperties !== undefined) {
        if (schema.additionalProperties === false) return { at: here, message: `is a property the schema does not allow` };
        const problem = this.#check(schema.additionalProperties, value[key], here, depth + 1);
        if (problem) return problem;
      }
      if (unevaluated && !matched && schema.additionalProperties === undefined && !unevaluated.has(key)) {
        return { at: here, message: 'is a property the schema does not allow (unevaluatedProperties: false)' };
      }
    }
    for (const [name, dependent] of Object.entries(schema.dependentSchemas ?? {})) {
      if (!Object.hasOwn(value, name)) continue;
      const problem = this.#check(dependent, value, at, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }

  /** Property names a schema declares through its subschemas, for unevaluatedProperties (an approximation that accepts more, never less). */
  #evaluatedNames(schema: SchemaOrBoolean, depth: number, into = new Set<string>()): Set<string> {
    if (typeof schema === 'boolean' || depth > 32) return into;
    for (const name of Object.keys(schema.properties ?? {})) into.add(name);
    if (schema.$ref !== undefined) this.#evaluatedNames(this.#schemas.get(refName(schema.$ref)) ?? true, depth + 1, into);
    for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) this.#evaluatedNames(part, depth + 1, into);
    for (const part of [schema.then, schema.else]) if (part !== undefined) this.#evaluatedNames(part, depth + 1, into);
    return into;
  }

  #pattern(source: string): RegExp | null {
    let pattern = this.#patterns.get(source);
    if (pattern === undefined) {
      try {
        pattern = new RegExp(source, 'u');
      } catch {
        // Not an ECMAScript regex with the u flag; the example is not judged by it.
        pattern = null;
      }
      this.#patterns.set(source, pattern);
    }
    return pattern;
  }
}

const formats: Readonly<Record<string, (value: string) => boolean>> = {
  'date-time': (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v.replace(' ', 'T'))),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  email: (v) => /^[^\s@]+@[^\s@]+$/.test(v),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  uri: (v) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(v),
  ipv4: (v) => /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(v),
};

function hasType(value: unknown, type: SchemaType): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  return `${typeof value === 'number' ? 'the integer' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

/** JSON equality: same type and same content, key order aside. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => equal(item, other[i]));
  }
  const ak = Object.keys(a);
  const bk = Object.keys(b as object);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(b as object, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

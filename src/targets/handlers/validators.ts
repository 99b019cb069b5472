/**
 * The request validators of the handlers, compiled by ajv at build time into standalone
 * code: the Lambda never compiles a schema at cold start and carries no ajv. ajv's few
 * runtime helpers are inlined, so the output needs no dependency.
 *
 * Two ajv instances: `strict` checks JSON bodies and messages as they are; `coercing`
 * checks parameters and form fields, which arrive as text, turning `"20"` into `20` in
 * place (they are wrapped as `{ value }` for that, since ajv cannot replace a root value).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import codegen from 'ajv/dist/compile/codegen/code.js';
import type { UsedScopeValues, ValueScopeName } from 'ajv/dist/compile/codegen/scope.js';
import type { AnyValidateFunction, SourceCode } from 'ajv/dist/types/index.js';
import { fastFormats } from 'ajv-formats/dist/formats.js';
import type { NamedSchema, Schema, SchemaOrBoolean } from '../../ir/schema.js';
import { refName } from '../../ir/schema.js';
import { stringLiteral } from '../typescript/encode.js';

export type ValidatorMode = 'strict' | 'coercing';

interface Wanted {
  /** Equal for equal schemas in the same mode, whichever handler wants them. */
  readonly key: string;
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
    this.#byKey.set(key, { key, name, schema, mode });
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
 * What ajv turns into each validator function instead of its code. ajv evaluates the code
 * of every schema it compiles (megabytes for a large API), but only the source goes into
 * the output, and compiling never calls a validator: a distinct empty function for each
 * is all ajv needs to tell them apart.
 */
const unusedFunction = 'return function unused() {};';

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

/** The ajv instance of a mode, with the API's schemas and every validator of that mode added. */
interface ModeCompiler {
  readonly ajv: Ajv2020;
  /** The name the mode's shared module exports a wanted validator as, by its `ValidatorSet` key. */
  readonly exports: ReadonlyMap<string, string>;
}

interface Prepared {
  readonly mode: ValidatorMode;
  readonly schema: SchemaOrBoolean;
  readonly notices: readonly ValidatorNotice[];
}

/** A module the handlers' validators share: the code of every validator of one mode. */
export interface SharedValidators {
  readonly mode: ValidatorMode;
  readonly source: string;
}

/**
 * Compiles the validators of every handler of an API. Each schema is compiled once, in one
 * ajv instance per mode, and its code written once, into the mode's shared module
 * (`sharedModules`); a handler's module re-exports the validators it uses from there
 * (`compile`). The shared code is tree-shakable, so a function's bundle still holds only
 * its own checks: writing that code into every handler's module instead made the output
 * grow with handlers times schemas (320 MB for the 10,000-operation synthetic spec).
 */
export class ValidatorCompiler {
  readonly #byName: ReadonlyMap<string, SchemaOrBoolean>;
  readonly #components = new Map<string, SchemaOrBoolean>();
  readonly #componentNotices: ValidatorNotice[] = [];
  /** Every validator of every handler, prepared once, by `ValidatorSet` key, in the order first wanted. */
  readonly #prepared = new Map<string, Prepared>();
  readonly #exports = new Map<ValidatorMode, ReadonlyMap<string, string>>();

  constructor(schemas: readonly NamedSchema[], sets: readonly ValidatorSet[]) {
    this.#byName = new Map(schemas.map((s) => [s.name, s.schema]));
    for (const s of schemas) this.#components.set(s.name, this.#prepare(s.schema, this.#componentNotices, s.name));
    for (const set of sets) {
      for (const w of set.wanted) {
        if (this.#prepared.has(w.key)) continue;
        const notices: ValidatorNotice[] = [];
        this.#prepared.set(w.key, { mode: w.mode, schema: this.#prepare(w.schema, notices), notices });
      }
    }
  }

  /** The shared modules, one per mode some validator uses, in a fixed order. */
  sharedModules(): SharedValidators[] {
    const modules: SharedValidators[] = [];
    for (const mode of validatorModes) {
      if (![...this.#prepared.values()].some((p) => p.mode === mode)) continue;
      // The ajv instance is dropped once its module is written: it holds every schema and
      // the code of every validator (tens of megabytes for a large API).
      modules.push({ mode, source: sharedModuleSource(this.#compiler(mode), mode) });
    }
    return modules;
  }

  /**
   * The module of one handler's validators, re-exports from the shared modules (`from`
   * gives the specifier of a mode's module), with the patterns its checks leave out.
   */
  compile(set: ValidatorSet, from: (mode: ValidatorMode) => string): CompiledValidators {
    // Every component's patterns are reported with every handler, as when each handler compiled its own.
    const unsupportedPatterns = [...this.#componentNotices];
    for (const w of set.wanted) unsupportedPatterns.push(...this.#preparedOf(w.key).notices);
    const lines = ['// Rewritten on every build; do not edit.', '// The request validators of this handler, compiled by gatewright from the spec at build time.'];
    for (const mode of validatorModes) {
      const mine = set.wanted.filter((w) => w.mode === mode);
      if (mine.length === 0) continue;
      const exported = this.#exportsOf(mode);
      const names = mine.map((w) => `${exported.get(w.key) as string} as ${w.name}`);
      lines.push(`export { ${names.join(', ')} } from ${stringLiteral(from(mode))};`);
    }
    return { source: `${lines.join('\n')}\n`, unsupportedPatterns };
  }

  #prepare(schema: SchemaOrBoolean, notices: ValidatorNotice[], schemaName?: string): SchemaOrBoolean {
    return forRequests(schema, this.#byName, (pattern) => notices.push({ ...(schemaName !== undefined ? { schemaName } : {}), pattern }));
  }

  #preparedOf(key: string): Prepared {
    const prepared = this.#prepared.get(key);
    if (!prepared) throw new Error('internal: a validator set the compiler was not given');
    return prepared;
  }

  /** The names the mode's shared module exports its validators as, by `ValidatorSet` key, in the order first wanted. */
  #exportsOf(mode: ValidatorMode): ReadonlyMap<string, string> {
    const existing = this.#exports.get(mode);
    if (existing) return existing;
    const exports = new Map<string, string>();
    for (const [key, prepared] of this.#prepared) if (prepared.mode === mode) exports.set(key, `v${exports.size}`);
    this.#exports.set(mode, exports);
    return exports;
  }

  /** A new ajv instance of the mode, holding every validator of the mode. */
  #compiler(mode: ValidatorMode): ModeCompiler {
    const exports = this.#exportsOf(mode);
    const validators: Record<string, SchemaOrBoolean> = {};
    for (const [key, name] of exports) validators[name] = this.#preparedOf(key).schema;
    const document = { $id: documentId, components: { schemas: Object.fromEntries(this.#components) }, 'x-validators': validators };
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
      code: { source: true, lines: false, process: () => unusedFunction },
    });
    ajv.addSchema(document);
    return { ajv, exports };
  }
}

const validatorModes: readonly ValidatorMode[] = ['strict', 'coercing'];

/** ajv's `UsedValueState`: a value whose code is being written, or written. */
const started = 0;
const completed = 1;

/**
 * The shared module of a mode: the code of every validator and of what it references,
 * once, then an export per wanted validator. Written from the functions' sources as ajv's
 * standalone module is, with two changes. The code goes out flat, each function once in
 * the list, where ajv nests each referenced function's code in its referrer's (copying
 * it again at every level of a chain of references). And everything at the top level is
 * free of side effects, for bundlers to drop what a function does not import: each
 * function and its `evaluated` annotation are made in a pure function call, references
 * to a function made later (recursive schemas) are getters, regular expressions are
 * marked pure.
 */
function sharedModuleSource(compiler: ModeCompiler, mode: ValidatorMode): string {
  const { ajv, exports } = compiler;
  const parts: string[] = [];
  const usedValues: UsedScopeValues = {};
  const noCode = new codegen._Code('');
  const usedHelpers = new Set<string>();
  const state = (name: ValueScopeName): number | undefined => usedValues[name.prefix]?.get(name);
  const setState = (name: ValueScopeName, value: number): void => {
    const names = (usedValues[name.prefix] ??= new Map());
    names.set(name, value);
  };
  const emit = (source: SourceCode | undefined): void => {
    if (!source) throw new Error('internal: an ajv validator without its source');
    if (state(source.validateName) === completed) return;
    setState(source.validateName, started);
    let scope = ajv.scope.scopeCode(source.scopeValues, usedValues, referenced).toString();
    // Helpers are found among the function's values, not in its text, where the spec's strings are too.
    for (const helper of source.scopeValues['func'] ?? []) {
      const code = helper.value?.code?.toString() ?? '';
      const inlined = runtimeHelpers[code];
      if (inlined) {
        usedHelpers.add(code);
        // The code has quotes, which the spec's strings cannot hold unescaped here.
        scope = scope.split(code).join(inlined.name);
      } else if (code.includes('require(')) {
        throw new Error(`internal: ajv standalone code needs a runtime helper gatewright does not inline: ${code}`);
      }
    }
    if (scope !== '') parts.push(scope.replace(/ = new RegExp\(/g, ' = /* @__PURE__ */ new RegExp('));
    const name = source.validateName.str;
    const code = flattened(source.validateCode);
    parts.push(source.evaluated === undefined ? code : `var ${name} = /* @__PURE__ */ (() => {\n${code}\n${name}.evaluated = ${source.evaluated.toString()};\nreturn ${name};\n})();`);
    setState(source.validateName, completed);
  };
  /** The code of a referenced function goes into `parts` on its own; the referrer's scope gets none. */
  function referenced(name: ValueScopeName): InstanceType<typeof codegen._Code> | undefined {
    const ref: unknown = name.value?.ref;
    if (name.prefix === 'validate' && typeof ref === 'function') {
      emit((ref as AnyValidateFunction).source);
      return noCode;
    }
    if ((name.prefix === 'root' || name.prefix === 'wrapper') && typeof ref === 'object' && ref !== null) {
      const { validate, validateName } = ref as { validate?: AnyValidateFunction; validateName?: ValueScopeName };
      if (!validateName) throw new Error('internal: an ajv wrapper without a function name');
      parts.push(`const ${name.str} = { get validate() { return ${validateName.str}; } };`);
      if (state(validateName) !== started) emit(validate?.source);
      return noCode;
    }
    return undefined;
  }

  const exportLines: string[] = [];
  for (const name of exports.values()) {
    const validate = ajv.getSchema(`${documentId}#/x-validators/${name}`);
    if (!validate) throw new Error(`internal: ajv did not compile the validator ${name}`);
    emit(validate.source);
    exportLines.push(`export const ${name}: Validator = ${(validate.source as SourceCode).validateName.str};`);
  }
  const helpers = Object.entries(runtimeHelpers)
    .filter(([required]) => usedHelpers.has(required))
    .map(([, helper]) => helper.code);
  return [
    `// @ts-nocheck: ajv standalone code, compiled from the spec by gatewright at build time (${mode === 'strict' ? 'JSON bodies and messages' : 'parameters and form fields, coerced from text'}).`,
    '// Rewritten on every build; do not edit.',
    "import type { Validator } from '../../runtime/spec.js';",
    '',
    ...helpers,
    ...parts,
    '',
    ...exportLines,
    '',
  ].join('\n');
}

/**
 * The text, flat. ajv writes a function's code by concatenation, which V8 keeps as a rope
 * of every piece (a million pieces, 40 MB more than the text, for Stripe's validators)
 * until the text is read; reading one character flattens it in place, so ajv's copy and
 * ours share the flat text and the pieces are freed.
 */
function flattened(text: string): string {
  text.charCodeAt(0);
  return text;
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

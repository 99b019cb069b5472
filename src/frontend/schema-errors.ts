import type { ErrorObject } from 'ajv';
import type { Diagnostic, Origin } from '../diagnostics/diagnostic.js';
import { diagnostic, type Code } from '../diagnostics/codes.js';
import { appendPointer, parsePointer } from '../load/json-pointer.js';
import { closest, didYouMean } from '../diagnostics/did-you-mean.js';

export interface SchemaErrorCodes {
  readonly invalid: Code;
  readonly unknownKey: Code;
  /** Advice for an unknown key that belongs elsewhere, by the pointer of its object in the file; replaces "did you mean". */
  readonly misplacedKey?: (key: string, pointer: string) => string | undefined;
  /**
   * Names the object that has an unknown key ("x-gateway.lambda", "The OpenAPI 3.0
   * Operation Object at paths./a.get"), from the pointer of the object in the file and the
   * schema it failed. By default: `what`, followed by the object's path below the value.
   */
  readonly objectName?: (pointer: string, schema: unknown) => string;
}

/**
 * Turns ajv's errors into one located diagnostic per real problem. ajv reports every
 * failed branch of a `oneOf`; where the value's type picks one branch, only that
 * branch's errors are kept, so users read "unknown key" rather than three guesses.
 */
export function schemaErrorsToDiagnostics(
  errors: readonly ErrorObject[],
  base: Origin,
  what: string,
  codes: SchemaErrorCodes,
  /** The validated value, to tell list items from object members when naming an object. */
  value?: unknown,
): Diagnostic[] {
  // ajv reports a bad property name twice: the inner check and propertyNames itself.
  const kept = withoutEchoes(distil(errors.filter((e) => !(e.keyword !== 'propertyNames' && e.schemaPath.includes('/propertyNames/')))));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const pointer = base.pointer + error.instancePath;
    let result: Diagnostic;
    const refused = unknownKey(error);
    if (refused !== undefined) {
      const key = refused;
      const schema = error.parentSchema as Record<string, unknown> | undefined;
      const allowed = Object.keys(schema?.['properties'] ?? {});
      // Under unevaluatedProperties, keys may also come from branches: then the list is not the whole story.
      const complete = error.keyword === 'additionalProperties' || !['if', 'allOf', 'oneOf', 'anyOf', 'dependentSchemas'].some((k) => schema && k in schema);
      const misplaced = codes.misplacedKey?.(key, pointer);
      const object = codes.objectName?.(pointer, schema) ?? (error.instancePath === '' ? what : `${what}${joinPath(readablePath(value, error.instancePath))}`);
      result = diagnostic(
        codes.unknownKey,
        misplaced
          ? `${object} has no key "${key}" here. ${misplaced}`
          : `${object} has no key "${key}".${didYouMean(key, allowed)}${complete && allowed.length > 0 && allowed.length <= 16 ? ` Allowed keys: ${allowed.join(', ')}.` : ''}`,
        { file: base.file, pointer: appendPointer(pointer, key), key: true },
      );
    } else if (error.keyword === 'propertyNames') {
      const key = String((error.params as { propertyName: string }).propertyName);
      result = diagnostic(codes.invalid, `${describeAt(what, error.instancePath)} ${explain(error)}`, { file: base.file, pointer: appendPointer(pointer, key), key: true });
    } else {
      result = diagnostic(codes.invalid, `${describeAt(what, error.instancePath)} ${explain(error)}`, { file: base.file, pointer });
    }
    const identity = `${result.origin?.pointer}|${result.message}`;
    if (!seen.has(identity)) {
      seen.add(identity);
      out.push(result);
    }
  }
  return out;
}

/** The key an `additionalProperties` or `unevaluatedProperties` error refuses. */
function unknownKey(error: ErrorObject): string | undefined {
  const params = error.params as { additionalProperty?: unknown; unevaluatedProperty?: unknown };
  if (error.keyword === 'additionalProperties') return String(params.additionalProperty);
  if (error.keyword === 'unevaluatedProperties') return String(params.unevaluatedProperty);
  return undefined;
}

/**
 * A pointer below `root` as people write paths: `paths./orders.get.parameters[0]`. Keys
 * with dots, brackets, quotes or spaces are quoted: `paths["/a.json"]`.
 */
export function readablePath(root: unknown, pointer: string): string {
  let node = root;
  let out = '';
  for (const token of parsePointer(pointer) ?? []) {
    if (Array.isArray(node)) {
      out += `[${token}]`;
      node = node[Number(token)];
      continue;
    }
    out += /^[^.[\]"\s]+$/.test(token) ? `${out === '' ? '' : '.'}${token}` : `[${JSON.stringify(token)}]`;
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  }
  return out;
}

/** Appends a readable path to a name: `x-gateway` + `lambda` is `x-gateway.lambda`. */
function joinPath(path: string): string {
  return path === '' || path.startsWith('[') ? path : `.${path}`;
}

function describeAt(what: string, instancePath: string): string {
  return instancePath === '' ? `${what}:` : `${what} at ${instancePath}:`;
}

function explain(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  const hint = description ? ` (${description.replace(/\.$/, '')})` : '';
  switch (error.keyword) {
    case 'required':
      return `the required key "${String(params['missingProperty'])}" is missing; add it.`;
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'const':
      return `must be ${JSON.stringify(params['allowedValue'])}.`;
    case 'type':
      return `must be ${article(String(params['type']))}${hint}.`;
    case 'pattern':
      return `does not match the expected form${hint || ` /${String(params['pattern'])}/`}.`;
    case 'oneOf':
    case 'anyOf':
      return `is not any of the accepted forms${hint}.`;
    case 'not': {
      // The schema's only `not` forbids two integrations side by side.
      const data = error.data !== null && typeof error.data === 'object' ? Object.keys(error.data) : [];
      const integrations = data.filter((key) => ['lambda', 'http', 'mock', 'aws'].includes(key));
      return integrations.length > 1
        ? `has ${integrations.length} integrations (${integrations.join(', ')}), but it is served by exactly one; keep one of them.`
        : `uses a combination of keys that is not allowed${hint}.`;
    }
    case 'propertyNames':
      return `has a key that is not allowed here: "${String(params['propertyName'])}"${hint}.`;
    case 'maximum':
      return `must be at most ${String(params['limit'])}${hint}.`;
    case 'minimum':
      return `must be at least ${String(params['limit'])}${hint}.`;
    case 'exclusiveMinimum':
      return `must be more than ${String(params['limit'])}${hint}.`;
    case 'minItems':
      return `must list at least ${String(params['limit'])} item(s)${hint}.`;
    case 'minLength':
      return params['limit'] === 1 ? `must not be empty${hint}.` : `must be at least ${String(params['limit'])} characters long${hint}.`;
    case 'maxLength':
      return `must be at most ${String(params['limit'])} characters long${hint}.`;
    case 'uniqueItems':
      return `lists the same item twice; remove one.`;
    case 'maxProperties':
      return `may hold at most ${String(params['limit'])} key(s)${hint}.`;
    default:
      return `${error.message ?? 'is not valid'}${hint}.`;
  }
}

/**
 * Drops errors that only repeat another: a missing required key when the object has an
 * unknown key that is its likely misspelling (the unknown key's "did you mean" says it),
 * and `not` failures of values that are not objects (`not: {required: ...}` holds
 * trivially for them; their type error says what is wrong).
 */
function withoutEchoes(errors: readonly ErrorObject[]): ErrorObject[] {
  const unknownKeys = new Map<string, string[]>();
  for (const e of errors) {
    const key = unknownKey(e);
    if (key !== undefined) unknownKeys.set(e.instancePath, [...(unknownKeys.get(e.instancePath) ?? []), key]);
  }
  return errors.filter((e) => {
    if (e.keyword === 'not') return e.data !== null && typeof e.data === 'object' && !Array.isArray(e.data);
    if (e.keyword !== 'required') return true;
    const missing = String((e.params as { missingProperty: string }).missingProperty);
    return !(unknownKeys.get(e.instancePath) ?? []).some((key) => closest(key, [missing]) !== undefined);
  });
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function distil(errors: readonly ErrorObject[]): ErrorObject[] {
  let current = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'then' && e.keyword !== 'else');
  const isUnion = (e: ErrorObject): boolean => e.keyword === 'oneOf' || e.keyword === 'anyOf';
  const isTypeLike = (e: ErrorObject): boolean => ['type', 'const', 'enum'].includes(e.keyword);
  const isMissingRef = (e: ErrorObject): boolean => e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === '$ref';
  const within = (e: ErrorObject, path: string): boolean => e.instancePath === path || e.instancePath.startsWith(path + '/');

  // Innermost unions first, so that an outer union sees its branches already trimmed.
  const unions = current.filter(isUnion).sort((a, b) => b.instancePath.length - a.instancePath.length || b.schemaPath.length - a.schemaPath.length);
  for (const union of unions) {
    if (!current.includes(union)) continue;
    // Where the branches are written inline, their errors carry the union's schema path:
    // keep only the branches whose type fits the value.
    const prefix = union.schemaPath + '/';
    const branchOf = (e: ErrorObject): number | undefined => {
      if (!e.schemaPath.startsWith(prefix)) return undefined;
      const index = Number(e.schemaPath.slice(prefix.length).split('/')[0]);
      return Number.isInteger(index) ? index : undefined;
    };
    const byBranch = new Map<number, ErrorObject[]>();
    for (const e of current) {
      const branch = branchOf(e);
      if (branch !== undefined) byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    if (byBranch.size > 0) {
      const wrongBranch = (list: readonly ErrorObject[]): boolean =>
        list.some((e) => e.instancePath === union.instancePath && (isTypeLike(e) || isMissingRef(e)));
      const plausible = [...byBranch.values()].filter((list) => !wrongBranch(list));
      current = current.filter((e) => branchOf(e) === undefined);
      if (plausible.length === 1) current = [...current.filter((e) => e !== union), ...(plausible[0] ?? [])];
      continue;
    }
    // Branches reached through $ref report schema paths of their own: judge by instance path.
    const related = current.filter((e) => e !== union && within(e, union.instancePath));
    const wrong = (e: ErrorObject): boolean => e.instancePath === union.instancePath && (isTypeLike(e) || isMissingRef(e));
    const substantive = related.filter((e) => !wrong(e) && !isUnion(e));
    if (substantive.length > 0) current = current.filter((e) => e !== union && !(related.includes(e) && wrong(e)));
    else current = current.filter((e) => !related.includes(e));
  }
  return current;
}

// Copied by gatewright from its runtime; rewritten on every build, do not edit.
/**
 * Reads the operation's parameters from the request as OpenAPI serialises them (style,
 * explode), then coerces and checks them with their build-time validators.
 */
import { problemsFrom, type Problem } from './problems.js';
import type { ParameterSpec } from './spec.js';

/** The request's parameter text, decoded, before any OpenAPI style is applied. */
export interface RawParameters {
  /** Spec path parameter name to its text (already recovered from the gateway's parameters). */
  readonly path: Readonly<Record<string, string>>;
  /** Query parameter name to every value it was given, in order. */
  readonly query: ReadonlyMap<string, readonly string[]>;
  /** Lower-cased header name to its values. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly cookies: ReadonlyMap<string, string>;
}

export interface Parameters {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, unknown>;
  readonly cookies: Record<string, unknown>;
}

const locationKey = { path: 'path', query: 'query', header: 'headers', cookie: 'cookies' } as const;

/** Reads, coerces and checks every parameter; what is wrong goes into `problems`. */
export function readParameters(specs: readonly ParameterSpec[], raw: RawParameters, problems: Problem[]): Parameters {
  const out: Parameters = { path: {}, query: {}, headers: {}, cookies: {} };
  const claimed = new Set(specs.filter((s) => s.in === 'query').flatMap((s) => (s.shape === 'object' && s.style === 'form' && s.explode ? (s.properties ?? []) : [s.name])));
  for (const spec of specs) {
    let value: unknown;
    try {
      value = deserialize(spec, raw, claimed);
    } catch (error) {
      problems.push({ in: spec.in, name: spec.name, message: `is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    if (value === undefined) {
      if (spec.default !== undefined) value = structuredClone(spec.default);
      else if (spec.required) {
        problems.push({ in: spec.in, name: spec.name, message: 'is required' });
        continue;
      } else continue;
    }
    if (spec.validate) {
      // Wrapped, so that the validator can coerce the value in place (`"20"` to `20`).
      const wrapper = { value };
      if (!spec.validate(wrapper)) {
        problems.push(...problemsFrom(spec.validate.errors, spec.in, spec.name, '/value'));
        continue;
      }
      value = wrapper.value;
    }
    setOwn(out[locationKey[spec.in]], spec.name, value);
  }
  return out;
}

function deserialize(spec: ParameterSpec, raw: RawParameters, claimed: ReadonlySet<string>): unknown {
  switch (spec.in) {
    case 'path': {
      const text = raw.path[spec.name];
      return text === undefined ? undefined : spec.json ? JSON.parse(text) : fromText(text, spec);
    }
    case 'header': {
      const values = raw.headers.get(spec.name.toLowerCase());
      if (values === undefined) return undefined;
      const text = values.join(',');
      return spec.json ? JSON.parse(text) : fromText(text, spec);
    }
    case 'cookie': {
      const text = raw.cookies.get(spec.name);
      return text === undefined ? undefined : spec.json ? JSON.parse(text) : fromText(text, spec);
    }
    case 'query':
      return fromQuery(spec, raw.query, claimed);
  }
}

function fromQuery(spec: ParameterSpec, query: ReadonlyMap<string, readonly string[]>, claimed: ReadonlySet<string>): unknown {
  if (spec.shape === 'object' && spec.style === 'deepObject') {
    const prefix = `${spec.name}[`;
    const object: Record<string, string> = {};
    let found = false;
    for (const [key, values] of query) {
      if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
      setOwn(object, key.slice(prefix.length, -1), values[values.length - 1] as string);
      found = true;
    }
    return found ? object : undefined;
  }
  if (spec.shape === 'object' && spec.style === 'form' && spec.explode) {
    const object: Record<string, string | readonly string[]> = {};
    let found = false;
    for (const [key, values] of query) {
      const wanted = spec.properties ? spec.properties.includes(key) : !claimed.has(key);
      if (!wanted) continue;
      setOwn(object, key, values.length === 1 ? (values[0] as string) : values);
      found = true;
    }
    return found ? object : undefined;
  }
  const values = query.get(spec.name);
  if (values === undefined || values.length === 0) return undefined;
  const last = values[values.length - 1] as string;
  if (spec.json) return JSON.parse(last);
  if (spec.shape === 'array') {
    if (spec.explode) return [...values];
    const separator = spec.style === 'spaceDelimited' ? ' ' : spec.style === 'pipeDelimited' ? '|' : ',';
    return last === '' ? [] : last.split(separator);
  }
  if (spec.shape === 'object') return pairs(last.split(','));
  return last;
}

/** Applies a path, header or cookie style (simple, label, matrix, form) to one text. */
function fromText(text: string, spec: ParameterSpec): unknown {
  let body = text;
  let separator = ',';
  if (spec.style === 'label') {
    body = text.startsWith('.') ? text.slice(1) : text;
    if (spec.explode) separator = '.';
  } else if (spec.style === 'matrix') {
    const prefix = `;${spec.name}=`;
    if (spec.explode && spec.shape !== 'scalar') {
      // `;id=3;id=4` for lists, `;R=100;G=200` for objects.
      const parts = text.split(';').filter((p) => p !== '');
      if (spec.shape === 'array') return parts.map((p) => (p.startsWith(`${spec.name}=`) ? p.slice(spec.name.length + 1) : p));
      return Object.fromEntries(parts.map((p) => splitOnce(p, '=')));
    }
    body = text.startsWith(prefix) ? text.slice(prefix.length) : text.startsWith(';') ? text.slice(1) : text;
  }
  if (spec.shape === 'scalar') return body;
  const parts = body === '' ? [] : body.split(separator).map((p) => (spec.in === 'header' ? p.trim() : p));
  if (spec.shape === 'array') return parts;
  return spec.explode ? Object.fromEntries(parts.map((p) => splitOnce(p, '='))) : pairs(parts);
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** `[k1, v1, k2, v2]` as an object. */
function pairs(parts: readonly string[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) setOwn(object, parts[i] as string, parts[i + 1] as string);
  return object;
}

/**
 * Sets a property whose name comes from the request as the object's own: assigning to
 * `__proto__` would replace the object's prototype instead.
 */
export function setOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Where spec text lands in generated TypeScript, and the encoder for each place: string
 * literals, doc comments, property keys, and names that must not shadow globals.
 */

/** A double-quoted string literal that reads back as exactly `text`. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key: bare when it is an identifier, else a string literal. */
export function propertyKey(name: string): string {
  return identifierPattern.test(name) ? name : stringLiteral(name);
}

/** `object.name` or `object["name"]`. */
export function memberAccess(object: string, name: string): string {
  return identifierPattern.test(name) ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`;
}

/**
 * A JSDoc block from spec prose: the comment cannot be closed early (`*\/`), control
 * characters and line separators are dropped, and every line is prefixed.
 */
export function docComment(lines: readonly (string | undefined)[], indent = ''): string {
  const text = lines
    .filter((line): line is string => line !== undefined && line.trim() !== '')
    .join('\n\n')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, '')
    .replace(/\*\//g, '*\\/')
    .trim();
  if (text === '') return '';
  const body = text.split('\n').map((line) => `${indent} *${line === '' ? '' : ` ${line.trimEnd()}`}`);
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

/** A JS value as a deterministic TypeScript expression (keys in insertion order). */
export function literal(value: unknown, indent = ''): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return stringLiteral(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = value.map((v) => literal(v, indent));
    return `[${inner.join(', ')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${literal(v, indent)}`).join(', ')} }`;
}

/** PascalCase of an identifier-safe name. */
export function pascal(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]+/g, '_');
  const base = cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
  return /^[A-Za-z_$]/.test(base) ? base : `_${base}`;
}

/** camelCase from any text (tags, API names). */
export function camel(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (joined === '') return 'default_';
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/**
 * Global names a generated module must not declare: its own declarations would hide
 * them (`TypeError`, `Response`...), breaking code that means the global.
 */
export const globalNames: ReadonlySet<string> = new Set(
  (
    'globalThis Infinity NaN undefined eval isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent encodeURI encodeURIComponent escape unescape ' +
    'Object Function Boolean Symbol Error AggregateError EvalError RangeError ReferenceError SyntaxError TypeError URIError Number BigInt Math Date String RegExp ' +
    'Array Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array ' +
    'Map Set WeakMap WeakSet WeakRef FinalizationRegistry ArrayBuffer SharedArrayBuffer DataView Atomics JSON Promise Proxy Reflect Intl ' +
    'Partial Required Readonly Pick Record Exclude Extract Omit NonNullable Parameters ConstructorParameters ReturnType InstanceType Awaited ThisType ' +
    'Uppercase Lowercase Capitalize Uncapitalize NoInfer PropertyKey PromiseLike ArrayLike Iterable Iterator AsyncIterable AsyncIterator IterableIterator AsyncIterableIterator ' +
    'Generator AsyncGenerator ReadonlyArray ReadonlyMap ReadonlySet TemplateStringsArray ' +
    'fetch Request Response Headers HeadersInit RequestInit ResponseInit BodyInit Blob File FormData URL URLSearchParams AbortController AbortSignal ' +
    'ReadableStream WritableStream TransformStream TextEncoder TextDecoder DOMException Event EventTarget crypto Crypto CryptoKey SubtleCrypto ' +
    'console process Buffer setTimeout clearTimeout setInterval clearInterval queueMicrotask structuredClone window self document navigator location ' +
    'MediaError GeolocationPositionError OverconstrainedError WebTransportError RTCError DOMError'
  ).split(' '),
);

/** Hands out unique names: a taken or global name gets a number. */
export class NameRegistry {
  readonly #taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name);
    for (const name of globalNames) this.#taken.add(name);
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.#taken.has(name); n++) name = `${wanted}${n}`;
    this.#taken.add(name);
    return name;
  }
}

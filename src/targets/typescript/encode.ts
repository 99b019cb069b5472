/**
 * Encoders for the places spec text lands in generated TypeScript. Every string that
 * comes from a spec goes through one of these, so no spec text can end a literal, a
 * comment or a declaration early and inject code.
 */

/** TypeScript's reserved words and the strict-mode ones: never usable as a binding name. */
const reservedWords = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface ' +
    'package private protected public await arguments eval'
  ).split(' '),
);

/** Words that cannot name a type alias or interface, on top of the reserved words. */
const reservedTypeNames = new Set('any unknown never object string number boolean symbol bigint undefined void null this type'.split(' '));

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Whether `text` can be written bare as a property name (`{ name: ... }`, `value.name`). */
export function isPropertyIdentifier(text: string): boolean {
  return identifierPattern.test(text);
}

/** Whether `text` can be used as a variable, function or parameter name. */
export function isBindingIdentifier(text: string): boolean {
  return identifierPattern.test(text) && !reservedWords.has(text);
}

/** Whether `text` can name a type alias or interface. */
export function isTypeIdentifier(text: string): boolean {
  return isBindingIdentifier(text) && !reservedTypeNames.has(text);
}

/**
 * A single-quoted string literal holding exactly `text`. Quotes, backslashes, every
 * control and line-terminator character (U+2028/U+2029 included) and lone surrogates are
 * escaped, so the literal is one line whatever the input.
 */
export function stringLiteral(text: string): string {
  let out = "'";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i] as string;
    if (char === "'" || char === '\\') out += '\\' + char;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += unicodeEscape(code);
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += char + (text[i + 1] as string);
        i++;
      } else out += unicodeEscape(code);
    } else if (code >= 0xdc00 && code <= 0xdfff) out += unicodeEscape(code);
    else out += char;
  }
  return out + "'";
}

function unicodeEscape(code: number): string {
  return '\\u' + code.toString(16).padStart(4, '0');
}

/** A property name in an object type or literal: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isPropertyIdentifier(name) ? name : stringLiteral(name);
}

/**
 * A property name in an object literal (a value, not a type): as `propertyKey`, except
 * that `__proto__` is computed (`['__proto__']`), since written plainly it would set the
 * object's prototype instead of making a property.
 */
export function literalKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/** Reading a property: `.name` when it is an identifier, `['na-me']` otherwise. */
export function propertyAccess(name: string): string {
  return isPropertyIdentifier(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

/**
 * The text of a block comment line: `*​/` cannot close the comment, line terminators
 * cannot break out of the ` * ` prefix, and `@ts-ignore` and its kin are escaped (TypeScript
 * obeys `/** @ts-ignore *​/`), so the text stays commentary and cannot silence the compiler.
 */
function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/@(?=ts-)/gi, '\\@').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * A JSDoc block from lines of spec text (descriptions, tags), indented by `indent`;
 * empty when there is nothing to say. Multi-line texts keep their lines.
 */
export function docComment(lines: readonly string[], indent = ''): string {
  const body = lines
    .flatMap((line) => line.replace(/\r\n?/g, '\n').split(/[\n\u2028\u2029]/))
    .map((line) => commentText(line).trimEnd());
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  while (body.length > 0 && body[0] === '') body.shift();
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((line) => (line === '' ? `${indent} *\n` : `${indent} * ${line}\n`)).join('')}${indent} */\n`;
}

/** A one-line block comment (`/* text *​/`), for short notes inside code. */
export function inlineComment(text: string): string {
  return `/* ${commentText(text.replace(/[\r\n\u2028\u2029]+/g, ' ')).trim()} */`;
}

/**
 * A JSON value as a TypeScript expression (or, as types use the same syntax for
 * literals, a literal type): strings through `stringLiteral`, keys through `propertyKey`.
 */
export function valueLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return value === null ? 'null' : 'undefined';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '0' : String(value)) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => valueLiteral(v, indent)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${literalKey(k)}: ${valueLiteral(v, indent)}`).join(', ')} }`;
  }
  return 'undefined';
}

/**
 * Turns spec text into a camel-cased binding identifier (`my-handler` → `myHandler`),
 * deterministically; reserved words get a trailing `_`.
 */
export function camelIdentifier(text: string, fallback = 'value'): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (id === '') id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (!isBindingIdentifier(id)) id = `${id}_`;
  return id;
}

/** Turns spec text into a Pascal-cased type identifier (`order-line` → `OrderLine`). */
export function pascalIdentifier(text: string, fallback = 'Type'): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  if (id === '') id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (!isTypeIdentifier(id)) id = `${id}_`;
  return id;
}

/**
 * Code the generator writes itself (a reference to a generated name, `new Uint8Array()`),
 * never spec text: `expression` pastes it as is, where it encodes everything else.
 */
export class RawCode {
  constructor(readonly code: string) {}
}

const maxInlineExpression = 80;

/**
 * A value (JSON data, possibly holding `RawCode`) as a TypeScript expression, on one line
 * when it is short and spread over indented lines when it is not. Strings go through
 * `stringLiteral`, keys through `propertyKey`.
 */
export function expression(value: unknown, indent = ''): string {
  const short = inline(value, maxInlineExpression);
  if (short !== undefined) return short;
  if (value instanceof RawCode || typeof value !== 'object' || value === null) return value instanceof RawCode ? value.code : valueLiteral(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${expression(v, inner)},\n`).join('')}${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${literalKey(k)}: ${expression(v, inner)},\n`).join('')}${indent}}`;
}

/** A value on one line, or undefined as soon as it is longer than `budget` (so that trying is cheap). */
function inline(value: unknown, budget: number): string | undefined {
  if (value instanceof RawCode) return value.code.includes('\n') ? undefined : value.code;
  if (Array.isArray(value)) {
    let out = '[';
    for (const [i, item] of value.entries()) {
      const part = inline(item, budget - out.length);
      if (part === undefined) return undefined;
      out += (i > 0 ? ', ' : '') + part;
      if (out.length > budget) return undefined;
    }
    return out + ']';
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    let out = '{ ';
    for (const [i, [key, item]] of entries.entries()) {
      const part = inline(item, budget - out.length);
      if (part === undefined) return undefined;
      out += `${i > 0 ? ', ' : ''}${literalKey(key)}: ${part}`;
      if (out.length > budget) return undefined;
    }
    out += ' }';
    return out.length > budget ? undefined : out;
  }
  const literal = valueLiteral(value);
  return literal.length > budget ? undefined : literal;
}

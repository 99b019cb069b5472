import { escapeToken } from './json-pointer.js';
import type { PointerRange, TextRange } from './source.js';

interface Member {
  readonly key?: TextRange;
  readonly value: number;
}

interface Container {
  /** Members found so far, by token. */
  readonly members: Map<string, Member>;
  /** Where scanning for further members resumes; -1 once the container is fully read. */
  resumeAt: number;
  /** For arrays: how many elements have been found. */
  count: number;
}

/**
 * Finds the text range of JSON pointers by scanning the JSON text, skipping the values it
 * does not descend into. Runs only when diagnostics are printed, so loading never pays
 * for positions. Members passed over are remembered, so many lookups in one large file
 * cost about one pass over it.
 */
export function jsonLocator(text: string): (tokens: readonly string[]) => PointerRange {
  const containers = new Map<string, Container>();
  return (tokens) => {
    let at = skipSpace(text, 0);
    let key: TextRange | undefined;
    let pointer = '';
    for (const token of tokens) {
      const found = findChild(text, containers, pointer, at, token);
      if (!found) return { value: valueRange(text, at), ...(key ? { key } : {}), exact: false };
      at = found.value;
      key = found.key;
      pointer += '/' + escapeToken(token);
    }
    return { value: valueRange(text, at), ...(key ? { key } : {}), exact: true };
  };
}

/**
 * A value's range, whose end is found only when asked for: a diagnostic that points at a
 * key never pays for scanning to the end of a large object.
 */
function valueRange(text: string, start: number): TextRange {
  let end: number | undefined;
  return {
    start,
    get end(): number {
      end ??= skipValue(text, start);
      return end;
    },
  };
}

/** One-off lookup, without a cache. */
export function locateInJson(text: string, tokens: readonly string[]): PointerRange {
  return jsonLocator(text)(tokens);
}

function findChild(text: string, containers: Map<string, Container>, pointer: string, open: number, token: string): Member | undefined {
  const ch = text.charCodeAt(open);
  if (ch !== 123 && ch !== 91) return undefined;
  let container = containers.get(pointer);
  if (!container) {
    container = { members: new Map(), resumeAt: skipSpace(text, open + 1), count: 0 };
    containers.set(pointer, container);
  }
  const known = container.members.get(token);
  if (known) return known;
  if (container.resumeAt < 0) return undefined;
  return ch === 123 ? scanObject(text, container, token) : scanArray(text, container, token);
}

function scanObject(text: string, container: Container, token: string): Member | undefined {
  let i = container.resumeAt;
  while (i < text.length && text.charCodeAt(i) === 34) {
    const keyStart = i;
    const keyEnd = skipString(text, i);
    const raw = text.slice(keyStart + 1, keyEnd - 1);
    const name = raw.includes('\\') ? safeParseString(text.slice(keyStart, keyEnd)) : raw;
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== 58) break;
    i = skipSpace(text, i + 1);
    const member: Member = { value: i, key: { start: keyStart, end: keyEnd } };
    if (!container.members.has(name)) container.members.set(name, member);
    i = skipSpace(text, skipValue(text, i));
    const more = text.charCodeAt(i) === 44;
    container.resumeAt = more ? skipSpace(text, i + 1) : -1;
    if (name === token) return member;
    if (!more) return undefined;
    i = container.resumeAt;
  }
  container.resumeAt = -1;
  return undefined;
}

function scanArray(text: string, container: Container, token: string): Member | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const wanted = Number(token);
  let i = container.resumeAt;
  if (text.charCodeAt(i) === 93) {
    container.resumeAt = -1;
    return undefined;
  }
  while (container.count <= wanted) {
    const member: Member = { value: i };
    container.members.set(String(container.count), member);
    container.count++;
    i = skipSpace(text, skipValue(text, i));
    const more = text.charCodeAt(i) === 44;
    container.resumeAt = more ? skipSpace(text, i + 1) : -1;
    if (container.count - 1 === wanted) return member;
    if (!more) return undefined;
    i = container.resumeAt;
  }
  return undefined;
}

function safeParseString(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else break;
  }
  return i;
}

function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const quote = text.indexOf('"', j);
    if (quote === -1) return text.length;
    let backslashes = 0;
    for (let k = quote - 1; k > i && text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

/** Returns the offset just past the value that starts at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === 34) {
        i = skipString(text, i);
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
    i++;
  }
  return i;
}

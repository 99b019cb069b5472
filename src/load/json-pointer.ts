/** RFC 6901 JSON pointers. */

// Pointers are built for every node the front end reads: most tokens need no escaping,
// and checking for that is far cheaper than two regular-expression replacements.
export function escapeToken(token: string | number): string {
  const text = String(token);
  if (text.indexOf('~') === -1 && text.indexOf('/') === -1) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  if (token.indexOf('~') === -1) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function appendPointer(pointer: string, ...tokens: readonly (string | number)[]): string {
  let out = pointer;
  for (const token of tokens) out += '/' + escapeToken(token);
  return out;
}

/** Splits a pointer into unescaped tokens; `undefined` if it is not a valid pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** Follows a pointer through plain data; `undefined` when any step is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (!tokens) return undefined;
  let node: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!isArrayIndex(token)) return undefined;
      node = node[Number(token)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return node;
}

/** `0` or a number without leading zeros, as RFC 6901 writes array indexes. */
function isArrayIndex(token: string): boolean {
  if (token.length === 0 || (token.length > 1 && token.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Decodes the fragment of a `$ref` (`#/a/b%20c`) into a pointer (`/a/b c`). */
export function fragmentToPointer(fragment: string): string | undefined {
  if (fragment.indexOf('%') === -1) return fragment;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}

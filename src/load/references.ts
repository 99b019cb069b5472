import path from 'node:path';
import { fragmentToPointer } from './json-pointer.js';

/** Where a `$ref` leads: a file of the spec (relative to the root folder) and a pointer in it. */
export interface RefTarget {
  readonly file: string;
  readonly pointer: string;
}

export type RefProblem = 'ref-invalid' | 'ref-url' | 'ref-absolute' | 'ref-outside-root';

export type ParsedRef =
  | { readonly kind: 'target'; readonly target: RefTarget }
  | { readonly kind: 'problem'; readonly code: RefProblem; readonly message: string };

/**
 * Interprets a `$ref` string written in `fromFile`, lexically: no file is touched here.
 * The loader then checks the real path (after symlinks) against the root folder.
 */
export function parseRef(fromFile: string, ref: string): ParsedRef {
  const hash = ref.indexOf('#');
  const location = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const pointer = fragmentToPointer(fragment);
  if (pointer === undefined || (pointer !== '' && !pointer.startsWith('/'))) {
    return problem('ref-invalid', `The $ref "${ref}" has a fragment that is not a JSON pointer; write it as "#/path/to/node".`);
  }
  if (location === '') return { kind: 'target', target: { file: fromFile, pointer } };
  if (/^[a-z][a-z0-9+.-]*:/i.test(location) || location.startsWith('//')) {
    return problem('ref-url', `The $ref "${ref}" names a URL; gatewright never reads the network. Copy the document into the spec's folder and reference it by relative path.`);
  }
  if (location.includes('\\')) {
    return problem('ref-invalid', `The $ref "${ref}" uses backslashes; write relative paths with "/".`);
  }
  if (location.startsWith('/')) {
    return problem('ref-absolute', `The $ref "${ref}" names an absolute path; reference files by a path relative to the referring file, inside the spec's folder.`);
  }
  let decoded: string;
  try {
    decoded = decodeURI(location);
  } catch {
    return problem('ref-invalid', `The $ref "${ref}" has a malformed percent-encoding.`);
  }
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), decoded));
  if (file === '..' || file.startsWith('../')) {
    return problem('ref-outside-root', `The $ref "${ref}" leads outside the spec's root folder; move the file inside that folder.`);
  }
  return { kind: 'target', target: { file, pointer } };
}

function problem(code: RefProblem, message: string): ParsedRef {
  return { kind: 'problem', code, message };
}

/** Keys under which `$ref` is data, not a reference (example values, enums, defaults). */
export const literalValueKeys: ReadonlySet<string> = new Set(['example', 'examples', 'default', 'enum', 'const']);

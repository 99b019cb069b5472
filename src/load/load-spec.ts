import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Origin } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/codes.js';
import { closest } from '../diagnostics/did-you-mean.js';
import { appendPointer, getAtPointer, parsePointer } from './json-pointer.js';
import { detectFormat, parseSource } from './parse-source.js';
import { literalValueKeys, parseRef, type RefTarget } from './references.js';
import { SourceSet, type Source } from './source.js';

export interface LoadOptions {
  /** Folder that `$ref`s may not leave; defaults to the spec file's folder. */
  readonly rootDir?: string;
  readonly maxFileBytes?: number;
  readonly maxFiles?: number;
  readonly maxAliasCount?: number;
}

export const defaultLoadLimits = {
  maxFileBytes: 128 * 1024 * 1024,
  maxFiles: 1000,
  maxAliasCount: 100,
} as const;

export interface LoadedSpec {
  readonly sources: SourceSet;
  /** The entry file; `undefined` when it could not be loaded. */
  readonly root: Source | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads a spec and every file its `$ref`s name, enforcing the resolution rules: relative
 * paths only, never a URL, never outside the root folder once symlinks are resolved.
 * References stay in the data as written; `resolveRef` follows them on demand.
 */
export function loadSpec(specPath: string, options: LoadOptions = {}): LoadedSpec {
  const limits = { ...defaultLoadLimits, ...definedOnly(options) };
  const entryAbsolute = path.resolve(specPath);
  let entryReal: string;
  try {
    entryReal = fs.realpathSync(entryAbsolute);
  } catch {
    const sources = new SourceSet(path.dirname(entryAbsolute));
    return {
      sources,
      root: undefined,
      diagnostics: [diagnostic('load-file-not-found', `Cannot read ${specPath}: no such file. Check the path.`)],
    };
  }
  const rootDir = fs.realpathSync(options.rootDir ? path.resolve(options.rootDir) : path.dirname(entryReal));
  const sources = new SourceSet(rootDir);
  const diagnostics: Diagnostic[] = [];
  const entryFile = toPosix(path.relative(rootDir, entryReal));
  if (isOutside(entryFile)) {
    return {
      sources,
      root: undefined,
      diagnostics: [diagnostic('load-file-not-found', `${specPath} is outside the root folder ${rootDir}.`)],
    };
  }

  const readFile = (file: string, absolutePath: string, from: Origin | undefined): Source | undefined => {
    const source = readSource(file, absolutePath, limits, from, diagnostics);
    if (source) sources.add(source);
    return source;
  };

  const root = readFile(entryFile, entryReal, undefined);
  if (!root) return { sources, root: undefined, diagnostics };

  const failedFiles = new Set<string>();
  const queue: Source[] = [root];
  const pendingTargets: { target: RefTarget; origin: Origin; ref: string }[] = [];
  while (queue.length > 0) {
    const source = queue.shift() as Source;
    const existing = new Map<string, boolean>();
    forEachRefLazily(source.data, (ref, pointer) => {
      const originOf = (): Origin => ({ file: source.file, pointer: appendPointer(pointer(), '$ref') });
      if (typeof ref !== 'string') {
        diagnostics.push(diagnostic('ref-invalid', 'A $ref must be a string such as "#/components/schemas/Order" or "schemas/order.yaml#/Order".', originOf()));
        return;
      }
      const parsed = parseRef(source.file, ref);
      if (parsed.kind === 'problem') {
        diagnostics.push(diagnostic(parsed.code, parsed.message, originOf()));
        return;
      }
      const { target } = parsed;
      if (target.file === source.file) {
        // Most references point into their own file, whose data is at hand: one that
        // resolves needs no check later, and no origin, which is the costly part.
        let found = existing.get(target.pointer);
        if (found === undefined) {
          found = getAtPointer(source.data, target.pointer) !== undefined;
          existing.set(target.pointer, found);
        }
        if (!found) pendingTargets.push({ target, origin: originOf(), ref });
        return;
      }
      const origin = originOf();
      if (!sources.has(target.file) && !failedFiles.has(target.file)) {
        const located = locateReferencedFile(rootDir, target.file, ref, origin, diagnostics);
        if (!located) {
          failedFiles.add(target.file);
          return;
        }
        if (sources.files.length >= limits.maxFiles) {
          diagnostics.push(diagnostic('load-too-many-files', `The spec references more than ${limits.maxFiles} files; merge some of them.`, origin));
          failedFiles.add(target.file);
          return;
        }
        const loaded = readFile(located.file, located.absolutePath, origin);
        if (!loaded) {
          failedFiles.add(target.file);
          return;
        }
        if (located.file !== target.file) sources.alias(target.file, located.file);
        queue.push(loaded);
      }
      pendingTargets.push({ target, origin, ref });
    });
  }

  for (const { target, origin, ref } of pendingTargets) {
    const source = sources.get(target.file);
    const file = source?.file ?? target.file;
    // A file that did not parse has been reported already.
    if (!source || source.data === undefined) continue;
    if (getAtPointer(source.data, target.pointer) === undefined) {
      const nearest = nearestPointer(source.data, target.pointer);
      const suggestion = nearest === undefined ? '' : ` Did you mean "${ref.slice(0, ref.indexOf('#') + 1)}${nearest}"?`;
      diagnostics.push(diagnostic('ref-unresolved', `The $ref "${ref}" points at nothing: ${file} has no node at "${target.pointer}". Fix the path or add the target.${suggestion}`, origin));
    }
  }
  return { sources, root, diagnostics };
}

function locateReferencedFile(
  rootDir: string,
  file: string,
  ref: string,
  origin: Origin,
  diagnostics: Diagnostic[],
): { file: string; absolutePath: string } | undefined {
  let real: string;
  try {
    real = fs.realpathSync(path.join(rootDir, file));
  } catch {
    diagnostics.push(diagnostic('ref-file-not-found', `The $ref "${ref}" names ${file}, which does not exist in the spec's folder.`, origin));
    return undefined;
  }
  const relative = toPosix(path.relative(rootDir, real));
  if (isOutside(relative)) {
    diagnostics.push(
      diagnostic('ref-outside-root', `The $ref "${ref}" resolves (through a symbolic link) to ${real}, outside the spec's root folder; gatewright reads only files inside it.`, origin),
    );
    return undefined;
  }
  return { file: relative, absolutePath: real };
}

function readSource(
  file: string,
  absolutePath: string,
  limits: { maxFileBytes: number; maxAliasCount: number },
  from: Origin | undefined,
  diagnostics: Diagnostic[],
): Source | undefined {
  const where = from ?? { file, pointer: '' };
  let bytes: Buffer;
  try {
    const stat = fs.statSync(absolutePath);
    if (!stat.isFile()) {
      diagnostics.push(diagnostic(from ? 'ref-file-not-found' : 'load-file-not-found', `${file} is not a regular file.`, from));
      return undefined;
    }
    if (stat.size > limits.maxFileBytes) {
      diagnostics.push(
        diagnostic('load-file-too-large', `${file} is ${stat.size} bytes, over the ${limits.maxFileBytes}-byte cap; split it or raise --max-file-size.`, where),
      );
      return undefined;
    }
    bytes = fs.readFileSync(absolutePath);
  } catch (error) {
    diagnostics.push(diagnostic(from ? 'ref-file-not-found' : 'load-file-not-found', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, from));
    return undefined;
  }
  let text: string;
  if (isUtf8(bytes)) {
    // As TextDecoder would, drop a byte order mark; Buffer decoding is several times faster.
    text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else {
    const bad = firstInvalidUtf8(bytes);
    // Keep the readable part so the diagnostic can point at the bad byte.
    const readable = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    diagnostics.push(
      diagnostic('load-not-utf8', `${file} is not valid UTF-8 (the first bad byte is at byte offset ${bad}); save the file as UTF-8.`, { file, pointer: '', offset: readable.length }),
    );
    return { file, absolutePath, format: 'yaml', text: new TextDecoder('utf-8').decode(bytes), data: undefined };
  }
  const format = detectFormat(file, text);
  const parsed = parseSource(file, text, format, limits);
  if ('diagnostics' in parsed) {
    // Syntax problems point into the file itself; keep its text so they can be located.
    diagnostics.push(...parsed.diagnostics);
    return { file, absolutePath, format, text, data: undefined };
  }
  return { file, absolutePath, format, text, data: parsed.data };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/** Names whose values are maps keyed by user-chosen names, not by keywords. */
const nameMapKeys = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'parameters', 'responses',
  'paths', 'callbacks', 'headers', 'securitySchemes', 'requestBodies', 'links', 'content', 'encoding', 'variables',
  'webhooks', 'pathItems', 'mapping',
]);

/**
 * Calls `visit` for each `$ref` in reference position, skipping literal data (examples,
 * defaults, enums) and foreign extensions where `$ref` is just a key.
 */
export function forEachRef(data: unknown, visit: (ref: unknown, pointer: string) => void): void {
  forEachRefLazily(data, (ref, pointer) => visit(ref, pointer()));
}

/**
 * `forEachRef`, giving the pointer as a function that builds it, valid only during the
 * call: the loader needs it only for a diagnostic.
 */
function forEachRefLazily(data: unknown, visit: (ref: unknown, pointer: () => string) => void): void {
  // The pointer of a node is built only where a $ref is found: building one for every
  // node of a large spec cost more than parsing it.
  const tokens: (string | number)[] = [];
  const pointer = (): string => appendPointer('', ...tokens);
  const walk = (node: object, namesHere: boolean): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        // Scalars hold no $ref: skip them without a call.
        if (item === null || typeof item !== 'object') continue;
        tokens.push(i);
        walk(item, false);
        tokens.pop();
      }
      return;
    }
    for (const key in node) {
      const value = (node as Record<string, unknown>)[key];
      if (!namesHere) {
        if (key === '$ref') {
          visit(value, pointer);
          continue;
        }
        // An extension other than x-gateway (key.startsWith('x-'), without a call).
        if (key.charCodeAt(0) === 120 && key.charCodeAt(1) === 45 && key !== 'x-gateway') continue;
        if (literalValueKeys.has(key)) {
          if (key === 'examples' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
            for (const name in value) {
              const example = (value as Record<string, unknown>)[name];
              if (example !== null && typeof example === 'object' && '$ref' in example) {
                visit((example as Record<string, unknown>)['$ref'], () => appendPointer(pointer(), key, name));
              }
            }
          }
          continue;
        }
      }
      if (value === null || typeof value !== 'object') continue;
      tokens.push(key);
      walk(value, !namesHere && nameMapKeys.has(key));
      tokens.pop();
    }
  };
  if (data !== null && typeof data === 'object') walk(data, false);
}

function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith('../') || path.isAbsolute(relative);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The existing pointer closest to one that leads nowhere, token by token: each missing
 * token is replaced by the nearest key of its object (`/components/schemas/Pett` ->
 * `/components/schemas/Pet`, `/components/schema/Pet` -> `/components/schemas/Pet`).
 */
function nearestPointer(data: unknown, pointer: string): string | undefined {
  const tokens = parsePointer(pointer);
  if (!tokens || tokens.length === 0) return undefined;
  let node = data;
  let found = '';
  for (const token of tokens) {
    if (node === null || typeof node !== 'object') return undefined;
    // A list index is not misspelled; only keys are.
    const keys = Array.isArray(node) ? [] : Object.keys(node);
    const key = keys.includes(token) || (Array.isArray(node) && token in node) ? token : closest(token, keys);
    if (key === undefined) return undefined;
    node = (node as Record<string, unknown>)[key];
    found = appendPointer(found, key);
  }
  return found === pointer ? undefined : found;
}

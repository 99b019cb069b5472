import type { Origin } from '../diagnostics/diagnostic.js';
import { getAtPointer } from './json-pointer.js';
import { parseRef } from './references.js';
import type { SourceSet } from './source.js';

export interface Resolved<T = unknown> {
  readonly value: T;
  /** Where the value really is, after following every `$ref` on the way. */
  readonly origin: Origin;
}

export type DerefResult = Resolved | { readonly problem: 'unresolved' | 'cycle'; readonly origin: Origin; readonly ref: string };

/**
 * Follows `$ref`s through the loaded files. The loader has already refused every reference
 * that breaks the rules, so this never touches the file system.
 */
export class Resolver {
  // Large specs write the same few hundred references thousands of times (GitHub's
  // "#/components/parameters/owner" on most operations): each is parsed and followed once.
  // The loaded files never change, so neither do the answers.
  readonly #targets = new Map<string, Origin | undefined>();
  readonly #values = new Map<string, unknown>();

  constructor(readonly sources: SourceSet) {}

  /** Where a `$ref` written in `fromFile` leads, or `undefined` when it leads nowhere loaded. */
  target(fromFile: string, ref: string): Origin | undefined {
    const key = fromFile + '\u0000' + ref;
    if (this.#targets.has(key)) return this.#targets.get(key);
    const parsed = parseRef(fromFile, ref);
    const source = parsed.kind === 'target' ? this.sources.get(parsed.target.file) : undefined;
    const target = parsed.kind === 'target' && source ? { file: source.file, pointer: parsed.target.pointer } : undefined;
    this.#targets.set(key, target);
    return target;
  }

  /** The value at an origin. */
  at(origin: Origin): unknown {
    const key = origin.file + '#' + origin.pointer;
    if (this.#values.has(key)) return this.#values.get(key);
    const value = getAtPointer(this.sources.get(origin.file)?.data, origin.pointer);
    this.#values.set(key, value);
    return value;
  }

  /** Follows a chain of `$ref` objects until a value that is not one. */
  deref(value: unknown, origin: Origin): DerefResult {
    let current = value;
    let where = origin;
    const seen = new Set<string>();
    while (isRef(current)) {
      const ref = current.$ref;
      const key = `${where.file}#${where.pointer}`;
      if (seen.has(key)) return { problem: 'cycle', origin, ref };
      seen.add(key);
      const next = this.target(where.file, ref);
      const nextValue = next ? this.at(next) : undefined;
      if (!next || nextValue === undefined) return { problem: 'unresolved', origin: { ...where, pointer: where.pointer + '/$ref' }, ref };
      current = nextValue;
      where = next;
    }
    return { value: current, origin: where };
  }
}

export function isRef(value: unknown): value is { readonly $ref: string } {
  return value !== null && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string';
}

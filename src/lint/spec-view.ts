import type { Origin } from '../diagnostics/diagnostic.js';
import { appendPointer, getAtPointer } from '../load/json-pointer.js';
import { forEachRef, type LoadedSpec } from '../load/load-spec.js';
import { Resolver, isRef } from '../load/resolver.js';

/** A `$ref` in reference position and where it leads (`undefined` when it leads nowhere loaded). */
export interface Reference {
  /** Where the `$ref` key is written. */
  readonly origin: Origin;
  readonly target?: Origin;
}

export interface SpecText {
  readonly file: string;
  readonly text: string;
  readonly data: unknown;
}

/**
 * The read-only window lint rules have onto the loaded spec, for the few facts that are
 * about the spec's text rather than the API (unused components, secrets in text, 3.1-only
 * keys the IR does not carry). Rules read the IR first; this never hands out the
 * `SourceSet` or anything that could change it.
 */
export class SpecView {
  readonly #loaded: LoadedSpec;
  readonly #resolver: Resolver;
  #references: readonly Reference[] | undefined;

  constructor(loaded: LoadedSpec) {
    this.#loaded = loaded;
    this.#resolver = new Resolver(loaded.sources);
  }

  /** The entry file, relative to the root folder. */
  get rootFile(): string {
    return this.#loaded.root?.file ?? '';
  }

  /** The entry document's data. */
  get root(): unknown {
    return this.#loaded.root?.data;
  }

  /** The value at an origin, without following references. */
  at(origin: Origin): unknown {
    return this.#resolver.at(origin);
  }

  /** Follows `$ref`s from a value written at `origin`; `undefined` when they lead nowhere. */
  deref(value: unknown, origin: Origin): { readonly value: unknown; readonly origin: Origin } | undefined {
    if (!isRef(value)) return { value, origin };
    const result = this.#resolver.deref(value, origin);
    return 'problem' in result ? undefined : result;
  }

  /** Every loaded file that parsed, in load order. */
  texts(): SpecText[] {
    const sources = this.#loaded.sources;
    return sources.files.flatMap((file) => {
      const source = sources.get(file);
      return source && source.data !== undefined ? [{ file: source.file, text: source.text, data: source.data }] : [];
    });
  }

  /** Every `$ref` of every file, computed once. */
  references(): readonly Reference[] {
    if (this.#references) return this.#references;
    const out: Reference[] = [];
    // Large specs repeat the same few references thousands of times; resolve each once.
    const resolved = new Map<string, Origin | null>();
    for (const { file, data } of this.texts()) {
      forEachRef(data, (ref, pointer) => {
        const origin = { file, pointer: appendPointer(pointer, '$ref') };
        if (typeof ref !== 'string') {
          out.push({ origin });
          return;
        }
        const key = `${file}\n${ref}`;
        let target = resolved.get(key);
        if (target === undefined) {
          const found = this.#resolver.target(file, ref);
          target = found && getAtPointer(this.#loaded.sources.get(found.file)?.data, found.pointer) !== undefined ? found : null;
          resolved.set(key, target);
        }
        out.push(target ? { origin, target } : { origin });
      });
    }
    this.#references = out;
    return out;
  }
}

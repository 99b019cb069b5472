import { pascalIdentifier } from './encode.js';

/**
 * Hands out type names in one module: valid identifiers, unique (also when compared
 * without case, so two names never differ only in case), and deterministic (the same
 * requests in the same order give the same names). A name that is taken gets a number:
 * `Order`, `Order2`, ...
 */
export class TypeNames {
  readonly #taken = new Set<string>();

  /** `reserved`: names the module refers to that a declaration must not shadow (`Buffer`, `Uint8Array`). */
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name.toLowerCase());
  }

  /** A fresh name made from spec text, with an optional suffix (`Order` + `Input`). */
  allocate(text: string, suffix = ''): string {
    const wanted = pascalIdentifier(text) + suffix;
    let name = wanted;
    for (let n = 2; this.#taken.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    this.#taken.add(name.toLowerCase());
    return name;
  }

  /** Marks a name as used without allocating it (a name the caller fixes). */
  reserve(name: string): void {
    this.#taken.add(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.#taken.has(name.toLowerCase());
  }
}

import { globalNames, pascalIdentifier } from './encode.js';

/**
 * Hands out type names in one module: valid identifiers, unique (also when compared
 * without case, so two names never differ only in case), never a global's name (a schema
 * called `Error` is `Error2`, so the module can still mean the global), and deterministic
 * (the same requests in the same order give the same names). A name that is taken gets a
 * number: `Order`, `Order2`, ...
 */
export class TypeNames {
  readonly #taken = new Set<string>();

  /** `reserved`: names the module refers to that a declaration must not shadow (`Buffer`, `Uint8Array`). */
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name.toLowerCase());
  }

  /** A fresh name made from spec text, with an optional suffix (`Order` + `Input`). */
  allocate(text: string, suffix = ''): string {
    return this.claim(pascalIdentifier(text) + suffix);
  }

  /** A fresh name from an identifier the caller made (`paginate`): the name itself, or numbered when taken. */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.has(name); n++) name = `${wanted}${n}`;
    this.#taken.add(name.toLowerCase());
    return name;
  }

  /** Marks a name as used without allocating it (a name the caller fixes). */
  reserve(name: string): void {
    this.#taken.add(name.toLowerCase());
  }

  /** Whether a declaration may not take the name: it is taken (in any case) or a global's. */
  has(name: string): boolean {
    return this.#taken.has(name.toLowerCase()) || globalNames.has(name);
  }
}

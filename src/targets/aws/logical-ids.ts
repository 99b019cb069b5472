/**
 * CloudFormation logical ids: alphanumeric, at most 255 characters, unique in a template.
 * Ids are built from spec names, so they are sanitised and made unique deterministically;
 * the same spec always gives the same ids (renaming an id replaces the resource).
 */
export class LogicalIds {
  readonly #taken = new Map<string, string>();

  /** The id for `(kind, name)`: stable for the same pair, unique across pairs. */
  get(kind: string, name: string): string {
    const key = `${kind}\u0000${name}`;
    const known = this.#byKey.get(key);
    if (known) return known;
    const base = (pascal(name) + pascal(kind)).slice(0, 240) || kind;
    let id = base;
    for (let n = 2; this.#taken.has(id); n++) id = `${base}${n}`;
    this.#taken.set(id, key);
    this.#byKey.set(key, id);
    return id;
  }

  /** Reserves an exact id (for fixed resources such as `Api` or `ApiStage`). */
  fixed(id: string): string {
    if (!/^[A-Za-z0-9]+$/.test(id)) throw new Error(`not a logical id: ${id}`);
    this.#taken.set(id, id);
    return id;
  }

  readonly #byKey = new Map<string, string>();
}

/** `orders-api v2` to `OrdersApiV2`: letters and digits only, each word capitalised. */
export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

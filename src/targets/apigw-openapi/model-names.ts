import { refName, schemaRefPrefix } from '../../ir/schema.js';
import { pascal } from '../aws/logical-ids.js';

/**
 * Names of the document's models (`components.schemas`). API Gateway model names are
 * letters and digits only, so the IR's schema names are reduced to that, and made unique;
 * models gatewright adds for inline schemas take names no spec schema has.
 */
export class ModelNames {
  readonly #byIrName = new Map<string, string>();
  readonly #taken = new Set<string>();

  /** Registers the IR's schema names in order; returns those that had to change. */
  constructor(irNames: readonly string[], onRename: (irName: string, modelName: string) => void = () => {}) {
    // Names that are already valid keep them, even when an earlier name would reduce to the same.
    for (const name of irNames) if (isModelName(name)) this.#claim(name, name);
    for (const name of irNames) {
      if (isModelName(name)) continue;
      const model = this.unique(pascal(name) || 'Model');
      this.#byIrName.set(name, model);
      onRename(name, model);
    }
  }

  /** The model for an IR schema name. */
  of(irName: string): string {
    const model = this.#byIrName.get(irName);
    if (model === undefined) throw new Error(`no model for schema ${irName}`);
    return model;
  }

  /** The document reference for an IR `$ref`. */
  ref(irRef: string): string {
    return modelRef(this.of(refName(irRef)));
  }

  /** Claims a fresh name built from `base` (letters and digits), adding a number if taken. */
  unique(base: string): string {
    let name = base;
    for (let n = 2; this.#taken.has(name); n++) name = `${base}${n}`;
    this.#taken.add(name);
    return name;
  }

  #claim(irName: string, model: string): void {
    this.#taken.add(model);
    this.#byIrName.set(irName, model);
  }
}

export function modelRef(model: string): string {
  return schemaRefPrefix + model;
}

function isModelName(name: string): boolean {
  return /^[A-Za-z0-9]+$/.test(name);
}

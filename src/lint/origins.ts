import type { Origin } from '../diagnostics/diagnostic.js';
import { appendPointer } from '../load/json-pointer.js';

/** The key of a path under `paths` in the entry file. */
export function pathKeyOrigin(rootFile: string, path: string): Origin {
  return { file: rootFile, pointer: appendPointer('/paths', path), key: true };
}

/** An origin one or more keys below another. */
export function below(origin: Origin, ...path: readonly (string | number)[]): Origin {
  return { file: origin.file, pointer: appendPointer(origin.pointer, ...path) };
}

/** An origin's key rather than its value. */
export function keyOf(origin: Origin): Origin {
  return { ...origin, key: true };
}

/** The first origin whose text exists, else the last one. */
export function firstWritten(spec: { at(origin: Origin): unknown }, ...origins: readonly Origin[]): Origin {
  return origins.find((o) => spec.at(o) !== undefined) ?? (origins[origins.length - 1] as Origin);
}

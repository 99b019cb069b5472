/**
 * Where the handler files live inside the output folder, shared by the handlers back end
 * (which writes them), the template back ends (which point Lambda functions at them) and
 * the local gateway (which loads them).
 *
 *   <out>/handlers/<name>.ts            the stub: written once, then the user's
 *   <out>/gatewright/...                regenerated on every build (types, validators, glue)
 *   <out>/gatewright/entries/<name>.ts  the Lambda entry point: glue around the stub
 */
import { safeFileName } from '../../writer/safe-path.js';

/** The folder (relative to the output folder) that gatewright owns and rewrites. */
export const generatedDir = 'gatewright';

/** The user-owned stub of a handler. */
export function stubPath(handler: string): string {
  return `handlers/${safeFileName(handler)}.ts`;
}

/** The Lambda entry point of a handler: exports `handler`. */
export function entryPath(handler: string): string {
  return `${generatedDir}/entries/${safeFileName(handler)}.ts`;
}

/** The function's `Handler` setting once SAM's esbuild build has bundled the entry point (`<file>.handler`). */
export function lambdaHandler(handler: string): string {
  return `${safeFileName(handler)}.handler`;
}

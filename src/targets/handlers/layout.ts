/**
 * Where the handler files live inside the output folder, shared by the handlers back end
 * (which writes them), the template back ends (which point Lambda functions at them) and
 * the local gateway (which loads them).
 *
 *   <out>/package.json, tsconfig.json   written once: the project the functions build in
 *   <out>/handlers/<name>.ts            the stub: written once, then the user's
 *   <out>/gatewright/...                regenerated on every build:
 *     entries/<name>.ts                 the Lambda entry point: glue around the stub
 *     handlers/<name>.ts                the handler's contract: typed requests and responses
 *     validators/<name>.ts              the handler's request validators, from the shared modules:
 *     validators/shared/<mode>.ts       every validator of the API, compiled by ajv at build time
 *     schemas.ts                        the spec's schemas as TypeScript types
 *     runtime/*.ts                      the glue's code (no dependencies beyond Node.js)
 */
import { safeFileName } from '../../writer/safe-path.js';

/** The folder (relative to the output folder) that gatewright owns and rewrites. */
export const generatedDir = 'gatewright';

/**
 * The folder SAM builds the functions from (`CodeUri`), relative to the output folder: it
 * holds the `package.json` that SAM's esbuild build requires.
 */
export const codeRoot = '.';

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

/** The handler's contract: the types its stub implements. */
export function contractPath(handler: string): string {
  return `${generatedDir}/handlers/${safeFileName(handler)}.ts`;
}

/** The handler's request validators. */
export function validatorsPath(handler: string): string {
  return `${generatedDir}/validators/${safeFileName(handler)}.ts`;
}

/**
 * The validators of every handler, for one ajv mode (`strict`, `coercing`). A folder name
 * no handler's module can take: handler files are `validators/<name>.ts`.
 */
export function sharedValidatorsPath(mode: string): string {
  return `${generatedDir}/validators/shared/${mode}.ts`;
}

/** The spec's schemas as types, shared by every handler's contract. */
export const schemasPath = `${generatedDir}/schemas.ts`;

/** The glue's own code, the same for every API. */
export const runtimeDir = `${generatedDir}/runtime`;

/** Written once, like the stubs: the project the functions and their stubs compile in. */
export const packageJsonPath = 'package.json';
export const tsconfigPath = 'tsconfig.json';

/** How a file of the output imports another: a relative specifier ending in `.js`, as NodeNext resolution wants. */
export function importSpecifier(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.replace(/\.ts$/, '.js').split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

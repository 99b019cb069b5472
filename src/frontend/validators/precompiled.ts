import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * The validators compiled to ajv standalone code by `npm run build`
 * (scripts/build-validators.mjs), next to this module in dist/. Compiling the OpenAPI
 * schemas at startup took longer than validating a 13 MB spec; running from src (tests),
 * nothing is precompiled and the caller compiles the schema itself, with the same ajv
 * options, so both paths report the same errors.
 */
export function loadPrecompiled(name: string): Record<string, ValidateFunction> | undefined {
  try {
    return require(`./${name}.cjs`) as Record<string, ValidateFunction>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(`${name}.cjs`)) return undefined;
    throw error;
  }
}

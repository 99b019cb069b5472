import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');
let library: YamlLibrary | undefined;

/**
 * The YAML library, loaded on first use: a JSON spec never needs it, and loading it was a
 * noticeable share of checking a small spec.
 */
export function yaml(): YamlLibrary {
  return (library ??= createRequire(import.meta.url)('yaml') as YamlLibrary);
}

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

/**
 * The parsed document of the last YAML texts loaded, node ranges included, so that printing a
 * diagnostic finds its line:col without parsing the file a second time. Keyed by the text
 * itself; a few entries cover a multi-file spec's printed problems. Big files are parsed again
 * instead: holding their node trees through a whole compile would cost more memory than time.
 */
const parsed = new Map<string, import('yaml').Document.Parsed>();
const keep = 16;
const largestKept = 1_000_000;

export function rememberParsed(text: string, document: import('yaml').Document.Parsed): void {
  if (text.length > largestKept) return;
  parsed.delete(text);
  parsed.set(text, document);
  if (parsed.size > keep) parsed.delete(parsed.keys().next().value as string);
}

export function parsedBefore(text: string): import('yaml').Document.Parsed | undefined {
  return parsed.get(text);
}

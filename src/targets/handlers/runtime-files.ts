import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from '../../writer/file-set.js';
import { runtimeDir } from './layout.js';

/**
 * The glue's runtime: TypeScript files shipped with gatewright (`runtime/handlers/`) and
 * copied into every output as they are, so the functions need no dependency. The same
 * relative path reaches them from `src/targets/handlers` and `dist/targets/handlers`.
 */
const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../runtime/handlers');

let cached: readonly OutputFile[] | undefined;

export function runtimeFiles(): readonly OutputFile[] {
  cached ??= fs
    .readdirSync(sourceDir)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => ({ path: `${runtimeDir}/${file}`, contents: header + fs.readFileSync(path.join(sourceDir, file), 'utf8') }));
  return cached;
}

const header = '// Copied by gatewright from its runtime; rewritten on every build, do not edit.\n';

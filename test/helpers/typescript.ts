import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './diagnostics.js';

const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');

export interface TypecheckResult {
  /** tsc's diagnostics, one per line, paths relative to the checked folder. */
  readonly errors: readonly string[];
}

/**
 * Type-checks every `.ts` file under `dir` with `tsc --strict --noEmit` in one run (one
 * tsc process over many fixtures is far cheaper than one per fixture). `@types/node` and
 * `@types/aws-lambda` come from the repository's node_modules, linked into `dir`.
 */
export async function typecheck(dir: string, extra: Record<string, unknown> = {}): Promise<TypecheckResult> {
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2023'],
      // As the generated tsconfig.json: esbuild bundles the functions.
      module: 'ESNext',
      moduleResolution: 'Bundler',
      verbatimModuleSyntax: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      types: ['node', 'aws-lambda'],
      ...extra,
    },
    include: ['**/*.ts'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  return typecheckProject(dir);
}

/** Type-checks a folder with the tsconfig.json it holds (for a compiled output, the one gatewright wrote), as `npm run typecheck` would. */
export async function typecheckProject(dir: string): Promise<TypecheckResult> {
  linkNodeModules(dir);
  try {
    await promisify(execFile)(tsc, ['-p', dir, '--pretty', 'false'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    return { errors: [] };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const lines = `${stdout ?? ''}${stderr ?? ''}`.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) throw error;
    return { errors: lines };
  }
}

/** Makes the repository's packages (`@types/aws-lambda`, `@types/node`) resolvable from `dir`, as in a project that installed them. */
export function linkNodeModules(dir: string): void {
  const link = path.join(dir, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(repoRoot, 'node_modules'), link, 'dir');
}

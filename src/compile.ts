import { compileSpecWith, writeResult, type CompileOptions, type CompileResult, type CompileToFolderResult } from './pipeline.js';
import { targetsFor } from './targets/index.js';

export { writeResult, type CompileOptions, type CompileResult, type CompileToFolderResult } from './pipeline.js';

/** Loads, checks and compiles a spec into a file set, in memory. */
export function compileSpec(specPath: string, options: CompileOptions = {}): CompileResult {
  return compileSpecWith(targetsFor, specPath, options);
}

/** Compiles a spec and writes the result into `outDir`; on any error the folder is left as it was. */
export function compile(specPath: string, outDir: string, options: CompileOptions & { forceStubs?: boolean } = {}): CompileToFolderResult {
  return writeResult(compileSpec(specPath, options), outDir, { forceOnce: options.forceStubs ?? false });
}

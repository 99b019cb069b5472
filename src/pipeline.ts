import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { diagnostic } from './diagnostics/codes.js';
import { buildApi } from './frontend/build-api.js';
import type { Api } from './ir/types.js';
import { loadSpec, type LoadOptions } from './load/load-spec.js';
import type { SourceSet } from './load/source.js';
import { defaultArtifacts } from './targets/artifacts.js';
import type { TargetsFor } from './targets/load-targets.js';
import type { Artifact, TargetOptions } from './targets/target.js';
import type { OutputFile } from './writer/file-set.js';
import { OutputError, writeOutput, type WriteOptions, type WriteSummary } from './writer/write-output.js';

export interface CompileOptions {
  /** Infrastructure flavour: `sam` (default) or `cloudformation`. */
  readonly target?: TargetOptions['infrastructure'];
  /** Which artifacts to produce; see `defaultArtifacts`. */
  readonly emit?: readonly Artifact[];
  readonly load?: LoadOptions;
}

export interface CompileResult {
  /** The IR, when the front end could build one. */
  readonly api?: Api;
  readonly sources: SourceSet;
  readonly diagnostics: readonly Diagnostic[];
  /** Empty when there are errors: nothing is generated from a broken spec. */
  readonly files: readonly OutputFile[];
  /**
   * The artifacts the run emits (each file names its own); writing the result replaces
   * exactly these in the output folder and leaves files of other artifacts alone.
   */
  readonly artifacts?: readonly string[];
}

/**
 * Loads, checks and compiles a spec into a file set, in memory, with the back ends that
 * `targetsFor` gives: all of them (`compileSpec` of ./compile.ts), or only those the CLI
 * loaded for the artifacts asked for.
 */
export function compileSpecWith(targetsFor: TargetsFor, specPath: string, options: CompileOptions = {}): CompileResult {
  const loaded = loadSpec(specPath, options.load);
  const { api, diagnostics: frontEnd } = buildApi(loaded);
  const diagnostics = [...frontEnd];
  if (!api || hasErrors(diagnostics)) return { ...(api ? { api } : {}), sources: loaded.sources, diagnostics, files: [] };
  const targetOptions: TargetOptions = { infrastructure: options.target ?? 'sam' };
  // Back ends that share a builder (the openapi artifact and the templates both build the
  // API Gateway document) find the same problems; each is reported once.
  const reported = new Set<string>();
  const report = (d: Diagnostic): void => {
    const key = JSON.stringify([d.code, d.severity, d.message, d.origin?.file, d.origin?.pointer]);
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push(d);
  };
  const ctx = { options: targetOptions, report };
  const files: OutputFile[] = [];
  const emit = [...new Set(options.emit ?? defaultArtifacts)];
  for (const artifact of emit) {
    for (const target of targetsFor(artifact, targetOptions)) for (const file of target.render(target.plan(api, ctx), ctx)) files.push({ ...file, artifact });
  }
  return { api, sources: loaded.sources, diagnostics, files: hasErrors(diagnostics) ? [] : files, artifacts: emit };
}

export interface CompileToFolderResult extends CompileResult {
  readonly written?: WriteSummary;
}

/**
 * Writes the files of a result without errors into `outDir`. A path the writer refuses or a
 * write that fails is reported as a diagnostic rather than thrown, and leaves the folder as
 * it was.
 */
export function writeResult(result: CompileResult, outDir: string, options: WriteOptions = {}): CompileToFolderResult {
  if (hasErrors(result.diagnostics)) return result;
  try {
    const artifacts = options.artifacts ?? result.artifacts;
    return { ...result, written: writeOutput(outDir, result.files, { ...options, ...(artifacts ? { artifacts } : {}) }) };
  } catch (error) {
    if (!(error instanceof OutputError) && !isFileSystemError(error)) throw error;
    const code = error instanceof OutputError ? 'output-path-unsafe' : 'output-write-failed';
    return { ...result, files: [], diagnostics: [...result.diagnostics, diagnostic(code, `${(error as Error).message} The output folder was left as it was.`)] };
  }
}

function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

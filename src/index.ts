/** The programmatic API: the same pipeline the CLI runs. */
export { compile, compileSpec, type CompileOptions, type CompileResult, type CompileToFolderResult } from './compile.js';
export { generateSdk, generateSdkFiles, type SdkGenerateOptions } from './sdk.js';
export { lint, type LintOptions, type LintResult } from './lint.js';
export { loadSpec, type LoadOptions, type LoadedSpec } from './load/load-spec.js';
export { buildApi } from './frontend/build-api.js';
export { formatReports, reportFormats, type Report, type ReportFormat } from './diagnostics/reporters/index.js';
export type { Diagnostic, Origin, Severity } from './diagnostics/diagnostic.js';
export { codes } from './diagnostics/codes.js';
export type * from './ir/types.js';
export { run } from './cli/main.js';

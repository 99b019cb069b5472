import type { Diagnostic } from './diagnostics/diagnostic.js';
import { buildApi } from './frontend/build-api.js';
import type { Api } from './ir/types.js';
import { loadSpec, type LoadOptions } from './load/load-spec.js';
import type { SourceSet } from './load/source.js';

export interface LintOptions {
  readonly load?: LoadOptions;
}

export interface LintResult {
  readonly api?: Api;
  readonly sources: SourceSet;
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks one spec: everything the front end reports. Lint rules add to this. */
export function lint(specPath: string, options: LintOptions = {}): LintResult {
  const loaded = loadSpec(specPath, options.load);
  const { api, diagnostics } = buildApi(loaded);
  return { ...(api ? { api } : {}), sources: loaded.sources, diagnostics };
}

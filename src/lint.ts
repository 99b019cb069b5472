import type { Diagnostic } from './diagnostics/diagnostic.js';
import { buildApi } from './frontend/build-api.js';
import type { Api } from './ir/types.js';
import { findLintConfig, type LintConfig } from './lint/config.js';
import { applyConfig, runRules } from './lint/run-rules.js';
import { SpecView } from './lint/spec-view.js';
import { loadSpec, type LoadOptions } from './load/load-spec.js';
import type { SourceSet } from './load/source.js';

export interface LintOptions {
  readonly load?: LoadOptions;
  /**
   * The config to lint with (see `loadLintConfig`); by default the nearest
   * `gatewright.config.yaml` (or `package.json` "gatewright" key) is looked up from the
   * spec's folder, then from the working folder.
   */
  readonly config?: LintConfig;
}

export interface LintResult {
  readonly api?: Api;
  readonly sources: SourceSet;
  readonly diagnostics: readonly Diagnostic[];
  /** The config the spec was linted with. */
  readonly config: LintConfig;
}

/**
 * Checks one spec: everything the compiler reports, then the lint rules the config turns
 * on, all in one run. A config that cannot be read throws a `UsageError`; problems in the
 * spec never throw.
 */
export function lint(specPath: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? findLintConfig(specPath);
  const loaded = loadSpec(specPath, options.load);
  const { api, diagnostics: compiler } = buildApi(loaded);
  const found = api ? [...compiler, ...runRules(api, new SpecView(loaded), config)] : [...compiler];
  return { ...(api ? { api } : {}), sources: loaded.sources, diagnostics: applyConfig(found, config, loaded.sources), config };
}

import path from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadSpec, type LoadOptions } from '../../src/load/load-spec.js';
import { buildApi } from '../../src/frontend/build-api.js';
import type { SourceSet } from '../../src/load/source.js';
import type { Api } from '../../src/ir/types.js';

export interface Located {
  readonly code: string;
  readonly severity: string;
  readonly file: string;
  readonly pointer: string | undefined;
  /** `line:column`, 1-based. */
  readonly at: string | undefined;
  readonly message: string;
}

/** Loads and builds a spec, and returns its diagnostics with line:col resolved. */
export function check(specPath: string, options?: LoadOptions): { api: Api | undefined; diagnostics: Located[]; sources: SourceSet } {
  const loaded = loadSpec(specPath, options);
  const { api, diagnostics } = buildApi(loaded);
  return { api, diagnostics: diagnostics.map((d) => locate(d, loaded.sources)), sources: loaded.sources };
}

export function locate(d: Diagnostic, sources: SourceSet): Located {
  const span = d.origin ? sources.locate(d.origin) : undefined;
  return {
    code: d.code,
    severity: d.severity,
    file: d.origin?.file ?? '',
    pointer: d.origin?.pointer,
    at: span ? `${span.start.line}:${span.start.column}` : undefined,
    message: d.message,
  };
}

export const repoRoot = path.resolve(import.meta.dirname, '../..');

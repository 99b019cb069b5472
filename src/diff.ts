import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { isBreaking, opensApi } from './diff/changes.js';
import { diffApis, type Change } from './diff/diff-api.js';
import { buildApi } from './frontend/build-api.js';
import { loadSpec, type LoadOptions } from './load/load-spec.js';
import type { SourceSet } from './load/source.js';

export interface DiffOptions {
  readonly load?: LoadOptions;
  /**
   * `breaking`: breaking changes are errors (CI fails on them). Otherwise they are
   * warnings: reported, but the diff itself passes.
   */
  readonly failOn?: 'breaking';
}

/** One of the two specs, with what is reported about it: its changes, and its errors. */
export interface DiffSide {
  readonly spec: string;
  readonly sources: SourceSet;
  readonly diagnostics: readonly Diagnostic[];
}

export interface DiffResult {
  /** The base spec, with the changes that point into it (what was removed). */
  readonly base: DiffSide;
  /** The head spec, with every other change. */
  readonly head: DiffSide;
  readonly changes: readonly Change[];
  /** Whether some change breaks clients or the deployed gateway. */
  readonly breaking: boolean;
  /** Whether either spec has errors, which make the comparison unreliable. */
  readonly specErrors: boolean;
}

/**
 * Compares two versions of a spec and classifies every change as breaking (for clients or
 * for the deployed gateway) or not. A breaking change is reported as an error with
 * `failOn: 'breaking'` and as a warning without it, a change that opens the API up (an
 * operation made public) as a warning, any other change as info; the specs'
 * own errors are reported too, since a spec the compiler refuses cannot be compared
 * reliably.
 */
export function diff(basePath: string, headPath: string, options: DiffOptions = {}): DiffResult {
  const sides = [basePath, headPath].map((spec) => {
    const loaded = loadSpec(spec, options.load);
    const { api, diagnostics } = buildApi(loaded);
    return { spec, api, sources: loaded.sources, errors: diagnostics.filter((d) => d.severity === 'error') };
  });
  const [base, head] = sides as [(typeof sides)[number], (typeof sides)[number]];
  const changes = base.api && head.api ? diffApis(base.api, head.api) : [];
  const toDiagnostic = (c: Change): Diagnostic => ({ code: c.kind, severity: isBreaking(c.kind) ? (options.failOn === 'breaking' ? 'error' : 'warning') : opensApi(c.kind) ? 'warning' : 'info', message: c.message, origin: c.origin });
  const side = (s: typeof base, which: 'base' | 'head'): DiffSide => ({
    spec: s.spec,
    sources: s.sources,
    diagnostics: [...s.errors, ...changes.filter((c) => c.side === which).map(toDiagnostic)],
  });
  return {
    base: side(base, 'base'),
    head: side(head, 'head'),
    changes,
    breaking: changes.some((c) => isBreaking(c.kind)),
    specErrors: hasErrors(base.errors) || hasErrors(head.errors),
  };
}

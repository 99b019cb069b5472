import path from 'node:path';
import type { Diagnostic, Origin, Severity } from '../diagnostic.js';
import { sortDiagnostics } from '../diagnostic.js';
import type { SourceSet, Span } from '../../load/source.js';
import { codes } from '../codes.js';

/** The diagnostics of one spec, with the files they point into. */
export interface Report {
  /** The spec path as the user gave it. */
  readonly spec: string;
  readonly sources: SourceSet;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ReporterOptions {
  /** Paths are printed relative to this folder. */
  readonly cwd: string;
  /** A one-line description of a code or rule id, for SARIF rule metadata and help. */
  readonly describe?: (code: string) => string | undefined;
  /** Where a code or rule id is documented, for SARIF rule metadata; `docs/diagnostics.md` otherwise. */
  readonly helpUri?: (code: string) => string | undefined;
  readonly color?: boolean;
}

/** A diagnostic with its location resolved to a printable file and line:col. */
export interface LocatedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly file: string;
  readonly span?: Span;
  readonly pointer?: string;
  readonly related: readonly { readonly message: string; readonly file: string; readonly span?: Span; readonly pointer: string }[];
}

export function locate(report: Report, cwd: string): LocatedDiagnostic[] {
  const where = (origin: Origin | undefined) => {
    if (!origin) return { file: displayPath(report.spec, cwd) };
    const absolute = path.join(report.sources.rootDir, origin.file);
    const span = report.sources.locate(origin);
    return { file: displayPath(absolute, cwd), ...(span ? { span } : {}) };
  };
  const located: LocatedDiagnostic[] = sortDiagnostics(report.diagnostics).map((diagnostic) => ({
    diagnostic,
    ...where(diagnostic.origin),
    ...(diagnostic.origin ? { pointer: diagnostic.origin.pointer } : {}),
    related: (diagnostic.related ?? []).map((r) => ({ message: r.message, pointer: r.origin.pointer, ...where(r.origin) })),
  }));
  // In reading order: by file, then by position (the sort above breaks ties stably).
  return located.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.span?.startOffset ?? -1) - (b.span?.startOffset ?? -1)));
}

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return (relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, file) : relative).split(path.sep).join('/');
}

export function describeCode(code: string, options: ReporterOptions): string | undefined {
  return options.describe?.(code) ?? (codes as Record<string, { summary: string } | undefined>)[code]?.summary;
}

export function counts(reports: readonly Report[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const report of reports) for (const d of report.diagnostics) out[d.severity]++;
  return out;
}

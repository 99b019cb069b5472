/**
 * A diagnostic carries a JSON pointer into a source file, never a line and column:
 * positions are computed only when a reporter prints it (see `load/locate.ts`), so
 * loading a large JSON spec costs little more than `JSON.parse`.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Origin {
  /** Path of the source file, relative to the spec's root folder, with `/` separators. */
  readonly file: string;
  /** RFC 6901 JSON pointer into that file; `''` is the whole document. */
  readonly pointer: string;
  /** Point at the key of the pointed-to member rather than its value (e.g. for unknown keys). */
  readonly key?: boolean;
  /** A character offset, for problems found before there is a tree to point into (syntax errors). */
  readonly offset?: number;
}

export interface RelatedLocation {
  readonly message: string;
  readonly origin: Origin;
}

export interface Diagnostic {
  /** Stable code from the catalogue (`codes.ts`) or a lint rule id. */
  readonly code: string;
  readonly severity: Severity;
  /** Says what is wrong and what to do about it. */
  readonly message: string;
  readonly origin?: Origin;
  readonly related?: readonly RelatedLocation[];
  /**
   * The problem is only that API Gateway cannot do this (auth it cannot enforce, paths it
   * cannot route). Commands that do not configure the gateway, such as `sdk`, may go on.
   */
  readonly gatewayOnly?: boolean;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then pointer, then code, so output is the same on every run. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compare(a.origin?.file ?? '', b.origin?.file ?? '') ||
      compare(a.origin?.pointer ?? '', b.origin?.pointer ?? '') ||
      compare(a.code, b.code) ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown for user-facing failures that are not tied to a spec location (bad CLI input, I/O). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

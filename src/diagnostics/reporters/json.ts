import { counts, locate, type Report, type ReporterOptions } from './report.js';

/** Machine-readable output: every diagnostic with file, pointer, and line:col. */
export function formatJson(reports: readonly Report[], options: ReporterOptions): string {
  const total = counts(reports);
  const diagnostics = reports.flatMap((report) =>
    locate(report, options.cwd).map((item) => ({
      spec: report.spec,
      file: item.file,
      code: item.diagnostic.code,
      severity: item.diagnostic.severity,
      message: item.diagnostic.message,
      ...(item.pointer !== undefined ? { pointer: item.pointer } : {}),
      ...(item.span
        ? { line: item.span.start.line, column: item.span.start.column, endLine: item.span.end.line, endColumn: item.span.end.column }
        : {}),
      ...(item.related.length > 0
        ? {
            related: item.related.map((r) => ({
              message: r.message,
              file: r.file,
              pointer: r.pointer,
              ...(r.span ? { line: r.span.start.line, column: r.span.start.column } : {}),
            })),
          }
        : {}),
    })),
  );
  return JSON.stringify({ errorCount: total.error, warningCount: total.warning, infoCount: total.info, diagnostics }, null, 2) + '\n';
}

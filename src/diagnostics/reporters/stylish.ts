import pc from 'picocolors';
import type { Severity } from '../diagnostic.js';
import { counts, locate, type Report, type ReporterOptions } from './report.js';

/** How many info diagnostics of one code are printed per file before the rest are only counted. */
export const infoShownPerCode = 5;

/**
 * Human output: grouped by file, each problem with line:col, code, pointer and a code frame.
 * Info is hygiene, often repeated on every operation: it gets no code frame, and past
 * {@link infoShownPerCode} of one code in a file the rest are counted, not printed (the
 * machine formats keep every one).
 */
export function formatStylish(reports: readonly Report[], options: ReporterOptions): string {
  const c = pc.createColors(options.color ?? false);
  const lines: string[] = [];
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  for (const report of reports) {
    const located = locate(report, options.cwd);
    let currentFile: string | undefined;
    let infoByCode = new Map<string, number>();
    const foldedInfo = (): void => {
      for (const [code, count] of infoByCode) {
        if (count > infoShownPerCode) lines.push(`  ${c.dim(`… and ${count - infoShownPerCode} more ${code}`)}`);
      }
      infoByCode = new Map();
    };
    for (const item of located) {
      if (item.file !== currentFile) {
        foldedInfo();
        if (currentFile !== undefined) lines.push('');
        lines.push(c.underline(item.file));
        currentFile = item.file;
      }
      const { diagnostic, span } = item;
      const isInfo = diagnostic.severity === 'info';
      if (isInfo) {
        const seen = (infoByCode.get(diagnostic.code) ?? 0) + 1;
        infoByCode.set(diagnostic.code, seen);
        if (seen > infoShownPerCode) continue;
      }
      const position = span ? `${span.start.line}:${span.start.column}` : '';
      lines.push(`  ${c.dim(position.padEnd(7))} ${paint[diagnostic.severity](diagnostic.severity.padEnd(7))} ${diagnostic.message}  ${c.dim(diagnostic.code)}`);
      // The whole document ('') says nothing a reader can use, e.g. for a syntax error.
      if (item.pointer) lines.push(`          ${c.dim(`at #${item.pointer}`)}`);
      if (span && item.pointer !== undefined && !isInfo) {
        const origin = diagnostic.origin;
        if (origin) lines.push(...codeFrame(report, origin.file, span, c.dim, paint[diagnostic.severity]));
      }
      for (const related of item.related) {
        const at = related.span ? `${related.file}:${related.span.start.line}:${related.span.start.column}` : related.file;
        lines.push(`          ${c.dim(`${related.message}: ${at}${related.pointer ? ` (#${related.pointer})` : ''}`)}`);
      }
    }
    foldedInfo();
  }
  const total = counts(reports);
  const problems = total.error + total.warning;
  if (problems > 0) {
    if (lines.length > 0) lines.push('');
    const summary = `${problems} problem${problems === 1 ? '' : 's'} (${total.error} error${total.error === 1 ? '' : 's'}, ${total.warning} warning${total.warning === 1 ? '' : 's'})${total.info > 0 ? `, ${total.info} info` : ''}`;
    lines.push(total.error > 0 ? c.red(c.bold(`✖ ${summary}`)) : c.yellow(c.bold(`⚠ ${summary}`)));
  } else if (total.info > 0) {
    // Info notes are not problems: "0 problems ..., 5 info" read as a contradiction.
    if (lines.length > 0) lines.push('');
    lines.push(`${c.green('✔ no problems')}${c.dim(`, ${total.info} info`)}`);
  } else if (!options.quietWhenClean) {
    // Silence would leave people wondering whether anything was checked.
    lines.push(c.green('✔ no problems'));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

const frameWidth = 160;

/** The line before and the line of the problem, with a caret under it; long lines are windowed around the column. */
function codeFrame(report: Report, file: string, span: NonNullable<ReturnType<typeof locate>[number]['span']>, dim: (s: string) => string, mark: (s: string) => string): string[] {
  const first = Math.max(1, span.start.line - 1);
  const last = span.start.line;
  const width = String(last).length;
  // Minified specs put everything on one line: show the part around the problem. Tabs are
  // replaced after clipping, so a thousand problems on a 2 MB line do not copy it each time.
  const windowStart = Math.max(0, span.start.column - 1 - frameWidth / 2);
  // Slice before any other work on the text: the line may be the whole 20 MB spec.
  const clip = (text: string): string => {
    const slice = text.slice(windowStart, windowStart + frameWidth).replace(/\t/g, ' ');
    return (windowStart > 0 ? '…' : '') + slice + (windowStart + frameWidth < text.length ? '…' : '');
  };
  const out: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = report.sources.lineText(file, line);
    out.push(`  ${line === span.start.line ? mark('>') : ' '} ${dim(String(line).padStart(width))} ${dim('|')} ${clip(text)}`);
  }
  const lineText = report.sources.lineText(file, span.start.line);
  const endColumn = span.end.line === span.start.line ? span.end.column : lineText.length + 1;
  const caretStart = span.start.column - 1 - windowStart + (windowStart > 0 ? 1 : 0);
  const length = Math.max(1, Math.min(endColumn - span.start.column, frameWidth - (span.start.column - 1 - windowStart)));
  out.push(`    ${' '.repeat(width)} ${dim('|')} ${' '.repeat(Math.max(0, caretStart))}${mark('^'.repeat(length))}`);
  return out;
}

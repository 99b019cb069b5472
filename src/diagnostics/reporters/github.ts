import type { Severity } from '../diagnostic.js';
import { locate, type Report, type ReporterOptions } from './report.js';

const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: each problem becomes an annotation on the pull request. */
export function formatGithub(reports: readonly Report[], options: ReporterOptions): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const item of locate(report, options.cwd)) {
      const props = [`file=${escapeProperty(item.file)}`];
      if (item.span) {
        props.push(`line=${item.span.start.line}`, `col=${item.span.start.column}`, `endLine=${item.span.end.line}`);
        if (item.span.end.line === item.span.start.line) props.push(`endColumn=${item.span.end.column}`);
      }
      props.push(`title=${escapeProperty(`gatewright ${item.diagnostic.code}`)}`);
      const pointer = item.pointer !== undefined ? ` (at #${item.pointer})` : '';
      lines.push(`::${command[item.diagnostic.severity]} ${props.join(',')}::${escapeData(item.diagnostic.message + pointer)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

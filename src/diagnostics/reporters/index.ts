import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Report, ReporterOptions } from './report.js';

export type { Report, ReporterOptions } from './report.js';
export { counts } from './report.js';

export const reportFormats = ['stylish', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function formatReports(format: ReportFormat, reports: readonly Report[], options: ReporterOptions & { version: string }): string {
  switch (format) {
    case 'stylish':
      return formatStylish(reports, options);
    case 'json':
      return formatJson(reports, options);
    case 'sarif':
      return formatSarif(reports, { ...options, tool: { version: options.version } });
    case 'github':
      return formatGithub(reports, options);
  }
}

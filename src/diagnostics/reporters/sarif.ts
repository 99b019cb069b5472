import type { Severity } from '../diagnostic.js';
import { describeCode, locate, type Report, type ReporterOptions } from './report.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifToolInfo {
  readonly version: string;
}

/** SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards. */
export function formatSarif(reports: readonly Report[], options: ReporterOptions & { tool: SarifToolInfo }): string {
  const located = reports.flatMap((report) => locate(report, options.cwd));
  const ruleIds = [...new Set(located.map((l) => l.diagnostic.code))].sort();
  const artifacts = [...new Set(located.flatMap((l) => [l.file, ...l.related.map((r) => r.file)]))].sort();
  const region = (span: NonNullable<(typeof located)[number]['span']>) => ({
    startLine: span.start.line,
    startColumn: span.start.column,
    endLine: span.end.line,
    endColumn: Math.max(span.end.column, span.start.line === span.end.line ? span.start.column : 1),
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gatewright',
            informationUri: 'https://github.com/gatewright/gatewright',
            version: options.tool.version,
            rules: ruleIds.map((id) => {
              const text = describeCode(id, options) ?? id;
              return { id, name: id, shortDescription: { text }, helpUri: options.helpUri?.(id) ?? `https://github.com/gatewright/gatewright/blob/main/docs/diagnostics.md#${id}` };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: artifacts.map((uri) => ({ location: { uri } })),
        results: located.map((item) => ({
          ruleId: item.diagnostic.code,
          ruleIndex: ruleIds.indexOf(item.diagnostic.code),
          level: level[item.diagnostic.severity],
          message: { text: item.diagnostic.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: item.file, index: artifacts.indexOf(item.file) },
                ...(item.span ? { region: region(item.span) } : {}),
              },
              ...(item.pointer !== undefined ? { logicalLocations: [{ fullyQualifiedName: `#${item.pointer}`, kind: 'object' }] } : {}),
            },
          ],
          ...(item.related.length > 0
            ? {
                relatedLocations: item.related.map((r, id) => ({
                  id,
                  message: { text: r.message },
                  physicalLocation: { artifactLocation: { uri: r.file, index: artifacts.indexOf(r.file) }, ...(r.span ? { region: region(r.span) } : {}) },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

import path from 'node:path';
import { Command, Option } from 'commander';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatReports, reportFormats, type ReportFormat } from '../../diagnostics/reporters/index.js';
import { generateSdk } from '../../sdk.js';
import { exitCodeFor, version, type Io } from '../io.js';
import { shellWord, writtenSummary } from '../written-summary.js';
import { loadOptionFlags, loadOptionsFrom } from './load-options.js';

export function sdkCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('sdk')
    .description('Generate a client SDK package (TypeScript: ESM with .d.ts, on plain fetch) that knows the gateway’s auth, retries and limits.')
    .argument('<spec>', 'OpenAPI 3.0/3.1 spec (YAML or JSON)')
    .requiredOption('-o, --out <dir>', 'output folder for the package')
    .addOption(new Option('--lang <lang>', 'SDK language').choices(['ts']).default('ts'))
    .option('--group-by-tag', 'group operations under one client member per tag (client.orders.placeOrder)')
    .addOption(new Option('--errors <mode>', 'answers outside 2xx: thrown as typed errors, or returned as a result union').choices(['throw', 'result']).default('throw'))
    .addOption(new Option('-f, --format <format>', 'diagnostics format').choices(reportFormats).default('stylish'))
    .option('-q, --quiet', 'print errors and warnings only: no info notes, no summary of what was written, no next steps');
  loadOptionFlags(command);
  command.action(
    (spec: string, options: { out: string; lang: 'ts'; groupByTag?: boolean; errors: 'throw' | 'result'; quiet?: boolean; format: ReportFormat; root?: string; maxFileSize?: string }) => {
      const result = generateSdk(spec, options.out, { lang: options.lang, groupByTag: options.groupByTag ?? false, errors: options.errors, load: loadOptionsFrom(options) });
      const report = formatReports(options.format, [{ spec, sources: result.sources, diagnostics: options.quiet ? result.diagnostics.filter((d) => d.severity !== 'info') : result.diagnostics }], { cwd: io.cwd, color: io.color, version, quietWhenClean: options.quiet ?? false });
      if (report) (options.format === 'stylish' ? io.stderr : io.stdout)(report);
      if (!hasErrors(result.diagnostics) && result.written && !options.quiet) {
        // README.md shows how to depend on the package and call the API with credentials.
        io.stderr(writtenSummary(options.out, result.written, [`Build: cd ${shellWord(options.out)} && npm install && npm run build`, `Use: see ${path.join(options.out, 'README.md')}`]));
      }
      setExit(exitCodeFor(result.diagnostics));
    },
  );
  return command;
}

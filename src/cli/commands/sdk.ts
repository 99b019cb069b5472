import { Command, Option } from 'commander';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatReports, reportFormats, type ReportFormat } from '../../diagnostics/reporters/index.js';
import { generateSdk } from '../../sdk.js';
import { exitCodes, missingSpec, version, type Io } from '../io.js';
import { loadOptionFlags, loadOptionsFrom } from './load-options.js';

export function sdkCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('sdk')
    .description('Generate a client SDK package (TypeScript: ESM with .d.ts, on plain fetch) that knows the gateway’s auth, retries and limits.')
    .argument('<spec>', 'OpenAPI 3.0/3.1 spec (YAML or JSON)')
    .requiredOption('-o, --out <dir>', 'output folder for the package')
    .addOption(new Option('--lang <lang>', 'SDK language').choices(['ts']).default('ts'))
    .option('--group-by-tag', 'group operations under one client member per tag (client.orders.placeOrder)')
    .addOption(new Option('--errors <mode>', 'answers outside 2xx: thrown as typed errors, or returned as a result union').choices(['throw', 'result']).default('throw'))
    .addOption(new Option('-f, --format <format>', 'diagnostics format').choices(reportFormats).default('stylish'));
  loadOptionFlags(command);
  command.action(
    (spec: string, options: { out: string; lang: 'ts'; groupByTag?: boolean; errors: 'throw' | 'result'; format: ReportFormat; root?: string; maxFileSize?: string }) => {
      const result = generateSdk(spec, options.out, { lang: options.lang, groupByTag: options.groupByTag ?? false, errors: options.errors, load: loadOptionsFrom(options) });
      const report = formatReports(options.format, [{ spec, sources: result.sources, diagnostics: result.diagnostics }], { cwd: io.cwd, color: io.color, version });
      if (report) (options.format === 'stylish' ? io.stderr : io.stdout)(report);
      const failed = hasErrors(result.diagnostics);
      if (!failed && result.written) {
        const w = result.written;
        io.stderr(`${w.written.length} file(s) written to ${options.out}${w.removed.length > 0 ? `, ${w.removed.length} stale file(s) removed` : ''}.\n`);
      }
      setExit(missingSpec(result.diagnostics) ? exitCodes.usage : failed ? exitCodes.specErrors : exitCodes.ok);
    },
  );
  return command;
}

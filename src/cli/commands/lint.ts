import { Command, Option } from 'commander';
import { hasErrors, UsageError } from '../../diagnostics/diagnostic.js';
import { counts, formatReports, reportFormats, type Report, type ReportFormat } from '../../diagnostics/reporters/index.js';
import { lint } from '../../lint.js';
import { findLintConfig, loadLintConfig, type LintConfig } from '../../lint/config.js';
import { describeRule, ruleHelpUri } from '../../lint/describe.js';
import { exitCodes, missingSpec, version, type Io } from '../io.js';
import { loadOptionFlags, loadOptionsFrom } from './load-options.js';

export function lintCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('lint')
    .description('Check specs for OpenAPI validity, x-gateway settings and what API Gateway will reject.')
    .argument('<spec...>', 'one or more specs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(reportFormats).default('stylish'))
    .option('--max-warnings <n>', 'fail when there are more warnings than this')
    .option('-c, --config <file>', `config file (default: the nearest gatewright.config.yaml or package.json "gatewright" key, from the spec's folder up)`);
  loadOptionFlags(command);
  command.action((specs: string[], options: { format: ReportFormat; maxWarnings?: string; config?: string; root?: string; maxFileSize?: string }) => {
    let maxWarnings: number | undefined;
    if (options.maxWarnings !== undefined) {
      maxWarnings = Number(options.maxWarnings);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings must be a whole number, not "${options.maxWarnings}".`);
    }
    const load = loadOptionsFrom(options);
    // Read the config before any spec, so a broken config stops the run before any output.
    const given: LintConfig | undefined = options.config === undefined ? undefined : loadLintConfig(options.config, io.cwd);
    const configs = specs.map((spec) => given ?? findLintConfig(spec, io.cwd));
    const reports: Report[] = specs.map((spec, index) => {
      const result = lint(spec, { load, config: configs[index] as LintConfig });
      return { spec, sources: result.sources, diagnostics: result.diagnostics };
    });
    const output = formatReports(options.format, reports, { cwd: io.cwd, color: io.color, version, describe: describeRule, helpUri: ruleHelpUri });
    if (output) io.stdout(output);
    const total = counts(reports);
    const tooManyWarnings = maxWarnings !== undefined && total.warning > maxWarnings;
    if (tooManyWarnings && options.format === 'stylish') io.stderr(`Too many warnings: ${total.warning} (--max-warnings ${maxWarnings}).\n`);
    if (reports.some((r) => missingSpec(r.diagnostics))) setExit(exitCodes.usage);
    else setExit(reports.some((r) => hasErrors(r.diagnostics)) || tooManyWarnings ? exitCodes.specErrors : exitCodes.ok);
  });
  return command;
}

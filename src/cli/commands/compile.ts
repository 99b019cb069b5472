import { Command, Option } from 'commander';
import { compile, compileSpec, type CompileToFolderResult } from '../../compile.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatReports, reportFormats, type ReportFormat } from '../../diagnostics/reporters/index.js';
import { availableArtifacts, type Artifact } from '../../targets/index.js';
import { serializeIr } from '../../targets/ir/ir-target.js';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { exitCodes, missingSpec, version, type Io } from '../io.js';
import { loadOptionFlags, loadOptionsFrom } from './load-options.js';

export function compileCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('compile')
    .description('Compile a spec into the gateway template, the API Gateway OpenAPI document and typed handlers.')
    .argument('<spec>', 'OpenAPI 3.0/3.1 spec (YAML or JSON)')
    .option('-o, --out <dir>', 'output folder')
    .addOption(new Option('-t, --target <target>', 'infrastructure flavour').choices(['sam', 'cloudformation']).default('sam'))
    .option('--emit <artifacts>', `comma-separated artifacts: ${availableArtifacts.join(', ')}`)
    .option('--force-stubs', 'overwrite existing handler stubs (they are otherwise written once)')
    .addOption(new Option('-f, --format <format>', 'diagnostics format').choices(reportFormats).default('stylish'));
  loadOptionFlags(command);
  command.action((spec: string, options: { out?: string; target: 'sam' | 'cloudformation'; emit?: string; forceStubs?: boolean; format: ReportFormat; maxFileSize?: string; root?: string }) => {
    const emit = parseEmit(options.emit);
    const load = loadOptionsFrom(options);
    const printIrOnly = options.out === undefined && emit?.length === 1 && emit[0] === 'ir';
    if (options.out === undefined && !printIrOnly) throw new UsageError('compile needs an output folder: add -o <dir> (or use --emit ir to print the IR).');
    const common = { target: options.target, ...(emit ? { emit } : {}), load };
    const result: CompileToFolderResult =
      options.out === undefined ? compileSpec(spec, common) : compile(spec, options.out, { ...common, forceStubs: options.forceStubs ?? false });
    const report = formatReports(options.format, [{ spec, sources: result.sources, diagnostics: result.diagnostics }], { cwd: io.cwd, color: io.color, version });
    const failed = hasErrors(result.diagnostics);
    if (printIrOnly && !failed && result.api) {
      io.stdout(serializeIr(result.api));
      if (report) io.stderr(report);
    } else if (report) {
      (options.format === 'stylish' ? io.stderr : io.stdout)(report);
    }
    if (!failed && result.written) {
      const w = result.written;
      const parts = [`${w.written.length} file(s) written to ${options.out}`];
      if (w.removed.length > 0) parts.push(`${w.removed.length} stale file(s) removed`);
      if (w.kept.length > 0) parts.push(`${w.kept.length} existing stub(s) kept`);
      io.stderr(parts.join(', ') + '.\n');
      for (const replaced of w.replaced) io.stderr(`Replaced the stub ${replaced} (--force-stubs).\n`);
    }
    setExit(missingSpec(result.diagnostics) ? exitCodes.usage : failed ? exitCodes.specErrors : exitCodes.ok);
  });
  return command;
}

/** `undefined` when `--emit` is absent, so `compile` emits the default artifacts. */
function parseEmit(written: string | undefined): Artifact[] | undefined {
  if (written === undefined) return undefined;
  const names = written.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!availableArtifacts.includes(name as Artifact)) {
      throw new UsageError(`--emit: "${name}" is not an artifact gatewright can produce; choose from ${availableArtifacts.join(', ')}.`);
    }
  }
  return names as Artifact[];
}

import { Command, Option } from 'commander';
import { compileSpecWith, writeResult, type CompileToFolderResult } from '../../pipeline.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatReports, reportFormats, type ReportFormat } from '../../diagnostics/reporters/index.js';
import { availableArtifacts, defaultArtifacts } from '../../targets/artifacts.js';
import { loadTargetsFor } from '../../targets/load-targets.js';
import type { Artifact } from '../../targets/target.js';
import { serializeIr } from '../../targets/ir/ir-target.js';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { exitCodeFor, version, writtenMessage, type Io } from '../io.js';
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
  command.action(async (spec: string, options: { out?: string; target: 'sam' | 'cloudformation'; emit?: string; forceStubs?: boolean; format: ReportFormat; maxFileSize?: string; root?: string }) => {
    const emit = parseEmit(options.emit);
    const load = loadOptionsFrom(options);
    const printIrOnly = options.out === undefined && emit?.length === 1 && emit[0] === 'ir';
    if (options.out === undefined && !printIrOnly) throw new UsageError('compile needs an output folder: add -o <dir> (or use --emit ir to print the IR).');
    const common = { target: options.target, ...(emit ? { emit } : {}), load };
    const targetsFor = await loadTargetsFor(emit ?? defaultArtifacts);
    const compiled = compileSpecWith(targetsFor, spec, common);
    const result: CompileToFolderResult = options.out === undefined ? compiled : writeResult(compiled, options.out, { forceOnce: options.forceStubs ?? false });
    const report = formatReports(options.format, [{ spec, sources: result.sources, diagnostics: result.diagnostics }], { cwd: io.cwd, color: io.color, version });
    const failed = hasErrors(result.diagnostics);
    if (printIrOnly && !failed && result.api) {
      io.stdout(serializeIr(result.api));
      if (report) io.stderr(report);
    } else if (report) {
      (options.format === 'stylish' ? io.stderr : io.stdout)(report);
    }
    if (!failed && result.written && options.out !== undefined) io.stderr(writtenMessage(options.out, result.written));
    setExit(exitCodeFor(result.diagnostics));
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

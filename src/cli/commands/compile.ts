import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { compileSpecWith, writeResult, type CompileToFolderResult } from '../../pipeline.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatReports, reportFormats, type ReportFormat } from '../../diagnostics/reporters/index.js';
import { availableArtifacts, defaultArtifacts } from '../../targets/artifacts.js';
import { loadTargetsFor } from '../../targets/load-targets.js';
import type { Artifact } from '../../targets/target.js';
import { stubPath } from '../../targets/handlers/layout.js';
import type { WriteSummary } from '../../writer/write-output.js';
import { shellWord, writtenSummary } from '../written-summary.js';
import { serializeIr } from '../../targets/ir/ir-target.js';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { exitCodeFor, version, type Io } from '../io.js';
import { loadOptionFlags, loadOptionsFrom } from './load-options.js';

export function compileCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('compile')
    .description('Compile a spec into the gateway template, the API Gateway OpenAPI document and typed handlers.')
    .argument('<spec>', 'OpenAPI 3.0/3.1 spec (YAML or JSON)')
    .option('-o, --out <dir>', 'output folder')
    .addOption(new Option('-t, --target <target>', 'infrastructure flavour').choices(['sam', 'cloudformation']).default('sam'))
    .option('--emit <artifacts>', `comma-separated artifacts: ${availableArtifacts.join(', ')} (default: ${defaultArtifacts.join(',')})`)
    .option('--force-stubs', 'overwrite existing handler stubs (they are otherwise written once); edited ones are backed up in <dir>/.gatewright/replaced/')
    .option('-q, --quiet', 'print errors and warnings only: no info notes, no summary of what was written, no next steps')
    .addOption(new Option('-f, --format <format>', 'diagnostics format').choices(reportFormats).default('stylish'));
  loadOptionFlags(command);
  command.action(async (spec: string, options: { out?: string; target: 'sam' | 'cloudformation'; emit?: string; forceStubs?: boolean; quiet?: boolean; format: ReportFormat; maxFileSize?: string; root?: string }) => {
    const emit = parseEmit(options.emit);
    const load = loadOptionsFrom(options);
    const printIrOnly = options.out === undefined && emit?.length === 1 && emit[0] === 'ir';
    if (options.out === undefined && !printIrOnly) throw new UsageError('compile needs an output folder: add -o <dir> (or use --emit ir to print the IR).');
    const common = { target: options.target, ...(emit ? { emit } : {}), load };
    const targetsFor = await loadTargetsFor(emit ?? defaultArtifacts);
    const compiled = compileSpecWith(targetsFor, spec, common);
    const result: CompileToFolderResult = options.out === undefined ? compiled : writeResult(compiled, options.out, { forceOnce: options.forceStubs ?? false });
    const report = formatReports(options.format, [{ spec, sources: result.sources, diagnostics: options.quiet ? result.diagnostics.filter((d) => d.severity !== 'info') : result.diagnostics }], { cwd: io.cwd, color: io.color, version, quietWhenClean: options.quiet ?? false });
    const failed = hasErrors(result.diagnostics);
    if (printIrOnly && !failed && result.api) {
      io.stdout(serializeIr(result.api));
      if (report) io.stderr(report);
    } else if (report) {
      (options.format === 'stylish' ? io.stderr : io.stdout)(report);
    }
    if (!failed && result.written && options.out !== undefined && !options.quiet) {
      io.stderr(writtenSummary(options.out, result.written, nextSteps(spec, options.out, emit ?? defaultArtifacts, options.target, result.written)));
    }
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

/** What to do with what was written: edit the stubs, try it locally, lint, deploy. */
function nextSteps(spec: string, out: string, emitted: readonly Artifact[], target: 'sam' | 'cloudformation', written: WriteSummary): string[] {
  const steps: string[] = [];
  const stubFolder = stubPath('x').split('/')[0] as string;
  const stubs = written.entries.filter((e) => e.artifact === 'handlers' && e.path.startsWith(`${stubFolder}/`) && e.outcome !== 'written' && e.outcome !== 'removed');
  const cd = `cd ${shellWord(out)}`;
  const hasProject = fs.existsSync(path.resolve(out, 'package.json'));
  if (stubs.length > 0) {
    steps.push(`Write the handlers in ${path.join(out, stubFolder)}/ (yours: gatewright writes them once and never overwrites them).`);
    steps.push(`Try them locally: gatewright dev ${shellWord(spec)} --out ${shellWord(out)}`);
  }
  if (emitted.includes('template') || emitted.includes('openapi')) {
    // compile checks what it needs to build; the security and API Gateway rules (a cache that serves one caller's answer to another) are lint's.
    steps.push(`Before deploying, check it: gatewright lint ${shellWord(spec)}`);
  }
  if (emitted.includes('template')) {
    const install = hasProject ? 'npm install && ' : '';
    if (target === 'sam') steps.push(`Deploy: ${cd} && ${install}sam build && sam deploy --guided`);
    else steps.push(`Deploy: ${cd} && ${install}bundle each handler into build/<name>/<name>.js, then aws cloudformation package and deploy (docs/targets.md).`);
  } else if (emitted.includes('openapi')) {
    steps.push(`Import: fill in the {{placeholders}} of ${path.join(out, 'openapi.apigw.json')}, then run the command under its x-gatewright.import (docs/apigw-openapi.md).`);
  }
  return steps;
}

import { Command, Option } from 'commander';
import { formatReports, reportFormats, type ReportFormat } from '../../diagnostics/reporters/index.js';
import { describeChange, isBreaking } from '../../diff/changes.js';
import { diff } from '../../diff.js';
import { exitCodes, missingSpec, version, type Io } from '../io.js';
import { loadOptionFlags, loadOptionsFrom } from './load-options.js';

export function diffCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('diff')
    .description('Compare two versions of a spec and classify every change as breaking (for clients or the deployed gateway) or not.')
    .argument('<base>', 'the spec as it is deployed or released')
    .argument('<head>', 'the spec as it is about to be')
    .addOption(new Option('-f, --format <format>', 'output format').choices(reportFormats).default('stylish'))
    .addOption(new Option('--fail-on <what>', 'report changes of this class as errors and exit 1 on them (otherwise they are warnings)').choices(['breaking']));
  loadOptionFlags(command);
  command.action((basePath: string, headPath: string, options: { format: ReportFormat; failOn?: 'breaking'; root?: string; maxFileSize?: string }) => {
    const result = diff(basePath, headPath, { load: loadOptionsFrom(options), ...(options.failOn ? { failOn: options.failOn } : {}) });
    const reports = [result.base, result.head];
    const output = formatReports(options.format, reports, { cwd: io.cwd, color: io.color, version, describe: describeChange, helpUri: changeHelpUri, quietWhenClean: true });
    if (output) io.stdout(output);
    if (options.format === 'stylish' && !result.specErrors) {
      const breaking = result.changes.filter((c) => isBreaking(c.kind)).length;
      io.stderr(result.changes.length === 0 ? 'No changes.\n' : `${plural(result.changes.length, 'change')}, ${plural(breaking, 'breaking change')}.\n`);
    }
    if (reports.some((r) => missingSpec(r.diagnostics))) setExit(exitCodes.usage);
    else if (result.specErrors || (options.failOn === 'breaking' && result.breaking)) setExit(exitCodes.specErrors);
    else setExit(exitCodes.ok);
  });
  return command;
}

function changeHelpUri(kind: string): string | undefined {
  return describeChange(kind) === undefined ? undefined : `https://github.com/gatewright/gatewright/blob/main/docs/lint.md#diff-${kind}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

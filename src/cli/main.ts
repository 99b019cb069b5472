import { Command, CommanderError } from 'commander';
import { UsageError } from '../diagnostics/diagnostic.js';
import { exitCodes, processIo, version, type Io } from './io.js';

type CommandFactory = (io: Io, setExit: (code: number) => void) => Command;

/**
 * Each command's module, loaded only when it is needed: `gatewright lint` in CI should not
 * pay for loading the compiler's back ends and the SDK generator (about 100 ms).
 */
const commands: Readonly<Record<string, () => Promise<CommandFactory>>> = {
  compile: async () => (await import('./commands/compile.js')).compileCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  sdk: async () => (await import('./commands/sdk.js')).sdkCommand,
  dev: async () => (await import('./commands/dev.js')).devCommand,
};

/**
 * Runs the CLI and returns the exit code: 0 success, 1 the spec has errors, 2 usage or
 * internal error. User mistakes never print a stack trace.
 */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('gatewright')
    .description('Compile OpenAPI 3.0/3.1 with x-gateway extensions into AWS API Gateway infrastructure, handlers, SDKs and lint results.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  // The command named first is all that is needed to parse, and `--version` needs none; anything else (help, an unknown command) needs them all.
  const named =
    argv[0] !== undefined && Object.hasOwn(commands, argv[0]) ? [argv[0]] : argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v') ? [] : Object.keys(commands);
  for (const name of named) {
    const command = (await (commands[name] as () => Promise<CommandFactory>)())(io, setExit);
    program.addCommand(command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError('(run with --help for usage)'));
  }
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return exitCodes.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
      return exitCodes.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`gatewright: ${error.message}\n`);
      return exitCodes.usage;
    }
    const detail = error instanceof Error ? (process.env['GATEWRIGHT_DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr(
      `gatewright: internal error: ${detail}\nThis is a bug in gatewright, not in your spec. Please report it with the spec (or a minimal part of it) at https://github.com/gatewright/gatewright/issues. Set GATEWRIGHT_DEBUG=1 for a stack trace.\n`,
    );
    return exitCodes.internal;
  }
}

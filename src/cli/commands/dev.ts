import { Command } from 'commander';
import path from 'node:path';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { formatReports } from '../../diagnostics/reporters/index.js';
import { UnknownStageError } from '../../dev/app.js';
import { startupBanner, writeCredentialsFile } from '../../dev/credentials-file.js';
import { MintError, mintDevToken, mintedTokenBanner } from '../../dev/mint-token.js';
import type { DevOptions } from '../../dev/options.js';
import { DevStartError, startDevServer } from '../../dev/server.js';
import { exitCodes, missingSpec, version, type Io } from '../io.js';
import { loadOptionFlags, loadOptionsFrom } from './load-options.js';

interface DevFlags {
  port: string;
  stage?: string;
  out?: string;
  verbose?: boolean;
  watch: boolean;
  allowNetwork?: boolean;
  mintToken?: string;
  scopes?: string;
  subject?: string;
  expiresIn?: string;
  root?: string;
  maxFileSize?: string;
}

export function devCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('dev')
    .description('Serve the API on 127.0.0.1 as API Gateway would, calling the TypeScript handlers in process; reloads on changes.')
    .argument('<spec>', 'OpenAPI 3.0/3.1 spec (YAML or JSON)')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '3000')
    .option('-s, --stage <stage>', 'stage to serve (default: the spec’s first stage)')
    .option('-o, --out <dir>', 'compile output folder with handlers/ and gatewright/entries/ (default: the spec’s folder)')
    .option('--verbose', 'print every event and response')
    .option('--no-watch', 'do not reload when the spec or a handler changes')
    .option('--allow-network', 'fetch https jwksUri key sets (dev reads no network otherwise)')
    .option('--mint-token <scheme>', 'print a dev token for a JWT or Cognito scheme (and, on stderr, how to use it) and exit')
    .option('--scopes <scopes>', 'with --mint-token: comma-separated scopes')
    .option('--subject <sub>', 'with --mint-token: the token’s subject', 'dev-user')
    .option('--expires-in <seconds>', 'with --mint-token: lifetime in seconds', '3600');
  loadOptionFlags(command);
  command.action(async (spec: string, flags: DevFlags) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${flags.port}".`);
    const options: DevOptions = {
      specPath: spec,
      ...(flags.out !== undefined ? { outDir: flags.out } : {}),
      port,
      ...(flags.stage !== undefined ? { stage: flags.stage } : {}),
      load: loadOptionsFrom(flags),
      verbose: flags.verbose ?? false,
      watch: flags.watch,
      allowNetwork: flags.allowNetwork ?? false,
      log: (line) => io.stdout(line + '\n'),
      report: (diagnostics, sources) => {
        const text = formatReports('stylish', [{ spec, sources, diagnostics }], { cwd: io.cwd, color: io.color, version });
        if (text) io.stderr(text);
      },
    };
    if (flags.mintToken !== undefined) {
      const expiresInS = Number(flags.expiresIn);
      if (!Number.isInteger(expiresInS) || expiresInS <= 0) throw new UsageError(`--expires-in must be a whole number of seconds, not "${flags.expiresIn}".`);
      try {
        const minted = await mintDevToken(options, flags.mintToken, {
          scopes: flags.scopes?.split(',').map((s) => s.trim()).filter(Boolean) ?? [],
          subject: flags.subject ?? 'dev-user',
          expiresInS,
        });
        // The token alone on stdout, so TOKEN=$(gatewright dev ... --mint-token X) works; how to use it on stderr.
        io.stdout(minted.token + '\n');
        io.stderr(mintedTokenBanner(minted, io.cwd) + '\n');
        setExit(exitCodes.ok);
      } catch (error) {
        if (!(error instanceof MintError)) throw error;
        io.stderr(`gatewright: ${error.message}\n`);
        setExit(exitCodes.specErrors);
      }
      return;
    }
    let server;
    try {
      server = await startDevServer(options);
    } catch (error) {
      if (error instanceof UnknownStageError) throw new UsageError(error.message);
      if (error instanceof DevStartError) {
        setExit(missingSpec(error.diagnostics) ? exitCodes.usage : exitCodes.specErrors);
        return;
      }
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; pick another with --port.`);
      throw error;
    }
    const outDir = path.resolve(options.outDir ?? path.dirname(path.resolve(spec)));
    const file = writeCredentialsFile(server.app, outDir, server.url);
    io.stdout(startupBanner(server.app, server.url, path.relative(io.cwd, file) || file) + '\n');
    await (io.untilStopped?.() ?? new Promise<void>(() => undefined));
    await server.close();
    setExit(exitCodes.ok);
  });
  return command;
}

import { createRequire } from 'node:module';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Exit codes are the CLI's contract with CI. */
export const exitCodes = { ok: 0, specErrors: 1, usage: 2, internal: 2 } as const;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Colour in human output. */
  readonly color: boolean;
  /** Resolves when a long-running command (`dev`) should stop: Ctrl-C or SIGTERM. */
  readonly untilStopped?: () => Promise<void>;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb',
    untilStopped: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}

const require = createRequire(import.meta.url);
export const version: string = (require('../../package.json') as { version: string }).version;

/** A spec path that names no file is a usage error (2), not an error in a spec (1). */
export function missingSpec(diagnostics: readonly { code: string; origin?: unknown }[]): boolean {
  return diagnostics.some((d) => d.code === 'load-file-not-found' && d.origin === undefined);
}

/** The exit code for the diagnostics of a run over one spec. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  return missingSpec(diagnostics) ? exitCodes.usage : hasErrors(diagnostics) ? exitCodes.specErrors : exitCodes.ok;
}

import type { Command } from 'commander';
import { UsageError } from '../../diagnostics/diagnostic.js';
import type { LoadOptions } from '../../load/load-spec.js';

export function loadOptionFlags(command: Command): Command {
  return command
    .option('--root <dir>', 'folder that $refs may not leave (default: the spec file’s folder)')
    .option('--max-file-size <bytes>', 'largest spec file read, in bytes (default 134217728)');
}

export function loadOptionsFrom(options: { root?: string; maxFileSize?: string }): LoadOptions {
  let maxFileBytes: number | undefined;
  if (options.maxFileSize !== undefined) {
    maxFileBytes = Number(options.maxFileSize);
    if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes, not "${options.maxFileSize}".`);
  }
  return { ...(options.root !== undefined ? { rootDir: options.root } : {}), ...(maxFileBytes !== undefined ? { maxFileBytes } : {}) };
}

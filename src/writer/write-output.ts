import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileSet } from './file-set.js';
import { checkOutputPath } from './safe-path.js';

export const manifestPath = '.gatewright/manifest.json';

export interface WriteOptions {
  /** Overwrite files marked `once` (user-owned stubs). */
  readonly forceOnce?: boolean;
}

export interface WriteSummary {
  readonly written: readonly string[];
  /** Files gatewright wrote earlier and no longer generates. */
  readonly removed: readonly string[];
  /** `once` files left alone because they already exist. */
  readonly kept: readonly string[];
  /** `once` files overwritten because of `forceOnce`. */
  readonly replaced: readonly string[];
}

export class OutputError extends Error {
  override readonly name = 'OutputError';
}

interface Manifest {
  readonly generator: 'gatewright';
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Writes a file set into the output folder. Every file is first written to a staging
 * folder inside it, and only when all are written are they renamed into place, so a
 * failure leaves the previous output as it was. Files the previous run generated and
 * this one does not are removed; nothing else is.
 */
export function writeOutput(outDir: string, files: FileSet, options: WriteOptions = {}): WriteSummary {
  const seen = new Map<string, string>();
  for (const file of files) {
    const problem = checkOutputPath(file.path);
    if (problem) throw new OutputError(`The output path "${file.path}" ${problem}; it was not written.`);
    const key = file.path.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) throw new OutputError(`Two generated files would share the path "${file.path}"${other !== file.path ? ` (with "${other}", on case-insensitive file systems)` : ''}.`);
    seen.set(key, file.path);
    if (file.path === manifestPath || file.path.startsWith('.gatewright/')) throw new OutputError(`The output path "${file.path}" is reserved for gatewright's own records.`);
  }

  fs.mkdirSync(outDir, { recursive: true });
  const root = fs.realpathSync(outDir);
  const previous = readManifest(root);
  const stagingParent = path.join(root, '.gatewright');
  fs.mkdirSync(stagingParent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(stagingParent, `staging-${randomBytes(4).toString('hex')}-`));

  const written: string[] = [];
  const kept: string[] = [];
  const replaced: string[] = [];
  const generated: Record<string, string> = {};
  const moves: { from: string; to: string; path: string }[] = [];
  try {
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const target = path.join(root, ...file.path.split('/'));
      assertInside(root, target, file.path);
      if (file.once) {
        if (fs.existsSync(target) && (!options.forceOnce || file.keep)) {
          kept.push(file.path);
          continue;
        }
        if (fs.existsSync(target)) replaced.push(file.path);
      } else {
        generated[file.path] = hash(file.contents);
      }
      const staged = path.join(staging, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(staged), { recursive: true });
      fs.writeFileSync(staged, file.contents);
      moves.push({ from: staged, to: target, path: file.path });
    }
    for (const move of moves) {
      assertNoSymlinkEscape(root, path.dirname(move.to), move.path);
      fs.mkdirSync(path.dirname(move.to), { recursive: true });
      if (isSymlink(move.to)) fs.rmSync(move.to);
      fs.renameSync(move.from, move.to);
      written.push(move.path);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }

  const removed: string[] = [];
  for (const stale of Object.keys(previous.files).sort()) {
    if (stale in generated || checkOutputPath(stale) !== undefined) continue;
    const target = path.join(root, ...stale.split('/'));
    if (!isInside(root, target) || !fs.existsSync(target) || isSymlink(target)) continue;
    fs.rmSync(target);
    removed.push(stale);
    removeEmptyParents(root, path.dirname(target));
  }
  writeAtomically(path.join(root, ...manifestPath.split('/')), JSON.stringify({ generator: 'gatewright', files: sortKeys(generated) } satisfies Manifest, null, 2) + '\n');
  return { written, removed, kept, replaced };
}

function readManifest(root: string): Manifest {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(root, ...manifestPath.split('/')), 'utf8')) as Partial<Manifest>;
    if (parsed.generator === 'gatewright' && parsed.files && typeof parsed.files === 'object') return parsed as Manifest;
  } catch {
    // No manifest: nothing of this folder is known to be ours.
  }
  return { generator: 'gatewright', files: {} };
}

function writeAtomically(target: string, contents: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, target);
}

function assertInside(root: string, target: string, written: string): void {
  if (!isInside(root, target)) throw new OutputError(`The output path "${written}" would land outside the output folder; it was not written.`);
}

/** A folder of the output that is a symbolic link to elsewhere must not carry files out of it. */
function assertNoSymlinkEscape(root: string, dir: string, written: string): void {
  let existing = dir;
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  const real = fs.realpathSync(existing);
  if (real !== root && !isInside(root, real)) {
    throw new OutputError(`The output path "${written}" goes through a symbolic link that leaves the output folder; it was not written.`);
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isSymlink(target: string): boolean {
  try {
    return fs.lstatSync(target).isSymbolicLink();
  } catch {
    return false;
  }
}

function removeEmptyParents(root: string, dir: string): void {
  let current = dir;
  while (isInside(root, current)) {
    try {
      if (fs.readdirSync(current).length > 0) return;
      fs.rmdirSync(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

function hash(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

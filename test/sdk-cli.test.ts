import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/diagnostics.js';
import { tempDir } from './helpers/temp.js';

test.each([
  ['a good spec writes the package (0)', { given: (out: string) => ['sdk', path.join(repoRoot, 'fixtures/shop.yaml'), '-o', out, '--lang', 'ts', '--group-by-tag', '--errors', 'result'], want: { code: 0, wrote: true } }],
  ['a spec with errors writes nothing (1)', { given: (out: string) => ['sdk', path.join(repoRoot, 'fixtures/mistakes.yaml'), '-o', out], want: { code: 1, wrote: false } }],
  ['a missing spec is a usage error (2)', { given: (out: string) => ['sdk', path.join(repoRoot, 'fixtures/none.yaml'), '-o', out], want: { code: 2, wrote: false } }],
  ['no output folder is a usage error (2)', { given: () => ['sdk', path.join(repoRoot, 'fixtures/shop.yaml')], want: { code: 2, wrote: false } }],
  ['an unknown --errors mode is a usage error (2)', { given: (out: string) => ['sdk', path.join(repoRoot, 'fixtures/shop.yaml'), '-o', out, '--errors', 'maybe'], want: { code: 2, wrote: false } }],
])('gatewright sdk: %s', async (_name, { given, want }) => {
  const out = path.join(tempDir(), 'client');
  const result = await runCli(given(out));
  expect(result.code, result.stderr).toBe(want.code);
  expect(fs.existsSync(path.join(out, 'src/client.ts'))).toBe(want.wrote);
  if (want.wrote) expect(fs.readFileSync(path.join(out, 'src/client.ts'), 'utf8')).toContain('readonly orders = {');
});

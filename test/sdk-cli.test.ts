import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/diagnostics.js';
import { tempDir, writeFiles } from './helpers/temp.js';

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

test.each([
  ['some operations untagged', { given: { a: '[orders]', b: '' }, want: /^ {2}\S+ +info +1 operation\(s\) have no tag, so --group-by-tag puts them in the default group: methods of the client itself \(e\.g\. client\.listCarts\(\)\).*sdk-untagged-operations$/m }],
  ['no operation tagged', { given: { a: '', b: '' }, want: /^ {2}\S+ +info +No operation has a tag, so --group-by-tag groups nothing.*sdk-untagged-operations$/m }],
  ['every operation tagged', { given: { a: '[orders]', b: '[carts]' }, want: undefined }],
])('gatewright sdk --group-by-tag: %s', async (_name, { given, want }) => {
  const tags = (t: string) => (t ? `tags: ${t}, ` : '');
  const dir = writeFiles({
    'openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /orders: {get: {operationId: listOrders, ${tags(given.a)}security: [], responses: {'200': {description: ok}}}}
  /carts: {get: {operationId: listCarts, ${tags(given.b)}security: [], responses: {'200': {description: ok}}}}
`,
  });
  const grouped = await runCli(['sdk', path.join(dir, 'openapi.yaml'), '-o', path.join(dir, 'client'), '--group-by-tag']);
  expect(grouped.code, grouped.stderr).toBe(0);
  if (want) expect(grouped.stderr).toMatch(want);
  else expect(grouped.stderr).not.toContain('sdk-untagged-operations');
  // Without --group-by-tag there is no group to miss.
  const flat = await runCli(['sdk', path.join(dir, 'openapi.yaml'), '-o', path.join(dir, 'flat')]);
  expect(flat.stderr).not.toContain('sdk-untagged-operations');
});

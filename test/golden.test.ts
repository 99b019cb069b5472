import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileSpec } from '../src/compile.js';
import { fixtures, outputs } from '../scripts/fixtures.mjs';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/diagnostics.js';
import { snapshotTree, tempDir } from './helpers/temp.js';

// generated/ holds what compiling each fixture gives; `npm run generate` rewrites it.
describe.each(fixtures)('generated/$name', (fixture) => {
  test.each(outputs)('matches a fresh compile ($options.target $folder)', (output) => {
    const result = compileSpec(path.join(repoRoot, fixture.spec), output.options as Parameters<typeof compileSpec>[1]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const folder = path.join(repoRoot, 'generated', fixture.name, output.folder);
    // Write-once files (stubs, project files) are golden too: `npm run generate` rewrites them.
    for (const file of result.files) {
      const committed = path.join(folder, file.path);
      expect(fs.existsSync(committed), `${committed} is missing; run npm run generate`).toBe(true);
      expect(fs.readFileSync(committed, typeof file.contents === 'string' ? 'utf8' : null), `${committed} is stale; run npm run generate and review the diff`).toEqual(
        typeof file.contents === 'string' ? file.contents : Buffer.from(file.contents),
      );
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, '.gatewright/manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).sort()).toEqual(result.files.filter((f) => !f.once).map((f) => f.path).sort());
  });
});

// The README's quick start is `npm run example`, then `npm test`: the example must leave the goldens as they are.
test('npm run example compiles every artifact of fixtures/shop.yaml into generated/shop and changes no byte of it', async () => {
  const script = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['example'] ?? '';
  const [node, bin, ...args] = script.split(/\s+/);
  expect([node, bin]).toEqual(['node', 'bin/gatewright.js']);
  const out = args[args.indexOf('-o') + 1];
  expect(out).toBe('generated/shop');
  expect(args[args.indexOf('--emit') + 1]?.split(',').sort()).toEqual([...(outputs[0]?.options.emit ?? [])].sort());

  const copy = path.join(tempDir(), 'shop');
  fs.cpSync(path.join(repoRoot, 'generated/shop'), copy, { recursive: true });
  const before = snapshotTree(copy);
  const result = await runCli(args.map((arg) => (arg === out ? copy : arg)), repoRoot);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toMatch(/Wrote \d+ files to /);
  expect(snapshotTree(copy)).toEqual(before);
});

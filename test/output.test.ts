import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile } from '../src/compile.js';
import { writeOutput } from '../src/writer/write-output.js';
import { checkOutputPath, safeFileName } from '../src/writer/safe-path.js';
import { repoRoot } from './helpers/diagnostics.js';
import { snapshotTree, tempDir, writeFiles } from './helpers/temp.js';

const shop = path.join(repoRoot, 'fixtures/shop.yaml');

describe('writer', () => {
  test('a failed compile leaves an existing output folder unchanged', () => {
    const out = tempDir();
    expect(compile(shop, out, { emit: ['ir'] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const before = snapshotTree(out);
    const broken = writeFiles({ 'openapi.yaml': fs.readFileSync(shop, 'utf8').replace('operationId: getOrder', 'operationId: listProducts') });
    const result = compile(path.join(broken, 'openapi.yaml'), out, { emit: ['ir'] });
    expect(result.diagnostics.some((d) => d.code === 'operation-id-duplicate')).toBe(true);
    expect(snapshotTree(out)).toEqual(before);
  });

  test('two runs give identical bytes, whatever the folder, time zone and locale', () => {
    const first = tempDir();
    compile(shop, first, { emit: ['ir'] });
    // A copy of the fixture in another folder, compiled by another process with another TZ and locale.
    const copy = writeFiles({ 'shop.yaml': fs.readFileSync(shop) });
    const second = tempDir();
    execFileSync(process.execPath, ['--import', 'tsx', '-e', `import('${path.join(repoRoot, 'src/compile.ts')}').then(m => m.compile(${JSON.stringify(path.join(copy, 'shop.yaml'))}, ${JSON.stringify(second)}, {emit: ['ir']}))`], {
      env: { ...process.env, TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      cwd: repoRoot,
    });
    expect(snapshotTree(second)).toEqual(snapshotTree(first));
  });

  test('stale generated files are removed, user files and write-once files are kept', () => {
    const out = tempDir();
    writeOutput(out, [{ path: 'a.txt', contents: 'a' }, { path: 'gone/b.txt', contents: 'b' }, { path: 'stub.ts', contents: 'v1', once: true }]);
    fs.writeFileSync(path.join(out, 'mine.txt'), 'mine');
    fs.writeFileSync(path.join(out, 'stub.ts'), 'edited');
    const summary = writeOutput(out, [{ path: 'a.txt', contents: 'a2' }, { path: 'stub.ts', contents: 'v2', once: true }]);
    expect(summary).toMatchObject({ written: ['a.txt'], removed: ['gone/b.txt'], kept: ['stub.ts'] });
    expect(fs.readFileSync(path.join(out, 'stub.ts'), 'utf8')).toBe('edited');
    expect(fs.readFileSync(path.join(out, 'mine.txt'), 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(out, 'gone'))).toBe(false);
    const forced = writeOutput(out, [{ path: 'a.txt', contents: 'a2' }, { path: 'stub.ts', contents: 'v2', once: true }], { forceOnce: true });
    expect(forced.replaced).toEqual(['stub.ts']);
    expect(fs.readFileSync(path.join(out, 'stub.ts'), 'utf8')).toBe('v2');
  });

  test.each([['../escape.txt'], ['/etc/passwd'], ['a/../../b'], ['C:/x'], ['a\\b'], ['nul'], ['ok/con.txt'], ['a\u0000b'], ['.gatewright/manifest.json']])(
    'refuses the unsafe path %j without writing anything',
    (unsafe) => {
      const out = tempDir();
      expect(() => writeOutput(out, [{ path: 'fine.txt', contents: 'x' }, { path: unsafe, contents: 'x' }])).toThrow(/output path/);
      expect(snapshotTree(out)).toEqual({});
    },
  );

  test('a symlinked folder inside the output cannot carry files outside it', () => {
    const out = tempDir();
    const elsewhere = tempDir();
    fs.symlinkSync(elsewhere, path.join(out, 'link'));
    expect(() => writeOutput(out, [{ path: 'link/x.txt', contents: 'x' }])).toThrow(/symbolic link/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  test('names from a spec become safe file names deterministically', () => {
    for (const name of ['../../etc/passwd', 'con', 'a b/c', '', '.hidden', 'ünïcødé']) {
      const safe = safeFileName(name);
      expect(checkOutputPath(`${safe}.ts`)).toBeUndefined();
      expect(safeFileName(name)).toBe(safe);
    }
  });
});

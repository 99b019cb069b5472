import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile } from '../src/compile.js';
import { manifestPath, writeOutput } from '../src/writer/write-output.js';
import { checkOutputPath, safeFileName } from '../src/writer/safe-path.js';
import { repoRoot } from './helpers/diagnostics.js';
import { runCli } from './helpers/cli.js';
import { snapshotTree, tempDir, writeFiles } from './helpers/temp.js';

const shop = path.join(repoRoot, 'fixtures/shop.yaml');

function readManifest(out: string): { files: Record<string, { artifact?: string; sha256: string }> } {
  return JSON.parse(fs.readFileSync(path.join(out, manifestPath), 'utf8')) as { files: Record<string, { artifact?: string; sha256: string }> };
}

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

  test('a compile of some artifacts leaves the files of the others in place', () => {
    const out = tempDir();
    compile(shop, out, { emit: ['ir', 'template', 'openapi', 'handlers'] });
    const handlerFiles = Object.keys(snapshotTree(out)).filter((file) => file.startsWith('gatewright/') || file.startsWith('handlers/'));
    expect(handlerFiles.length).toBeGreaterThan(10);
    const before = snapshotTree(out);

    const partial = compile(shop, out, { emit: ['template'] });
    expect(partial.written?.removed).toEqual([]);
    expect(partial.written?.written).toEqual(['template.yaml']);
    const after = snapshotTree(out);
    for (const file of [...handlerFiles, 'ir.json', 'openapi.apigw.json']) expect(after[file], file).toBe(before[file]);

    // The manifest still knows the handlers' files, so a later run of the handlers still cleans them up.
    const manifest = readManifest(out);
    expect(Object.keys(manifest.files).filter((file) => file.startsWith('gatewright/'))).toEqual(handlerFiles.filter((file) => file.startsWith('gatewright/')));
    expect(manifest.files['gatewright/schemas.ts']?.artifact).toBe('handlers');
  });

  test('a handler the spec no longer has loses its generated files when handlers are emitted, and keeps its stub', () => {
    const spec = (handlers: readonly string[]): string =>
      writeFiles({
        'openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
${handlers.map((name) => `  /${name}:
    get:
      operationId: get_${name}
      x-gateway: {lambda: {handler: ${name}}}
      responses: {'200': {description: OK, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}}
`).join('')}`,
      });
    const out = tempDir();
    const both = compile(path.join(spec(['alpha', 'beta']), 'openapi.yaml'), out, { emit: ['template', 'handlers'] });
    expect(both.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const betaGenerated = Object.keys(readManifest(out).files).filter((file) => file.includes('beta'));
    expect(betaGenerated.length).toBeGreaterThan(1);

    const alphaOnly = path.join(spec(['alpha']), 'openapi.yaml');
    // Emitting only the template does not touch the handlers' files, even those of a dropped handler.
    expect(compile(alphaOnly, out, { emit: ['template'] }).written?.removed).toEqual([]);
    for (const file of betaGenerated) expect(fs.existsSync(path.join(out, file)), file).toBe(true);

    const again = compile(alphaOnly, out, { emit: ['template', 'handlers'] });
    expect(again.written?.removed).toEqual(betaGenerated);
    expect(again.written?.entries.filter((e) => e.outcome === 'removed').map((e) => e.artifact)).toEqual(betaGenerated.map(() => 'handlers'));
    for (const file of betaGenerated) expect(fs.existsSync(path.join(out, file)), file).toBe(false);
    expect(fs.existsSync(path.join(out, 'handlers/beta.ts'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'gatewright/handlers/alpha.ts'))).toBe(true);
  });

  test('a manifest of an older gatewright (hashes without artifacts) is read: its files are adopted or kept, never lost', () => {
    const out = tempDir();
    writeFiles({ 'a.txt': 'a', 'old/b.txt': 'b', '.gatewright/manifest.json': JSON.stringify({ generator: 'gatewright', files: { 'a.txt': 'x', 'old/b.txt': 'y' } }) }, out);
    const summary = writeOutput(out, [{ path: 'a.txt', contents: 'a2', artifact: 'template' }]);
    expect(summary.removed).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'old/b.txt'), 'utf8')).toBe('b');
    expect(readManifest(out).files).toEqual({ 'a.txt': { artifact: 'template', sha256: expect.any(String) }, 'old/b.txt': { sha256: 'y' } });
    // Once a run records the artifact, the file is that artifact's to remove.
    expect(writeOutput(out, [], { artifacts: ['template'] }).removed).toEqual(['a.txt']);
  });

  test('--force-stubs backs up a stub the user edited before replacing it, and only such a stub', () => {
    const out = tempDir();
    const stubs = (version: string) => [
      { path: 'handlers/edited.ts', contents: `edited ${version}`, once: true, artifact: 'handlers' },
      { path: 'handlers/untouched.ts', contents: `untouched ${version}`, once: true, artifact: 'handlers' },
    ];
    writeOutput(out, stubs('v1'));
    fs.writeFileSync(path.join(out, 'handlers/edited.ts'), 'my code');
    const forced = writeOutput(out, stubs('v2'), { forceOnce: true });
    expect(forced.replaced).toEqual(['handlers/edited.ts', 'handlers/untouched.ts']);
    expect(forced.entries.filter((e) => e.backup).map((e) => [e.path, e.backup])).toEqual([['handlers/edited.ts', '.gatewright/replaced/handlers/edited.ts']]);
    expect(fs.readFileSync(path.join(out, '.gatewright/replaced/handlers/edited.ts'), 'utf8')).toBe('my code');
    expect(fs.existsSync(path.join(out, '.gatewright/replaced/handlers/untouched.ts'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'handlers/edited.ts'), 'utf8')).toBe('edited v2');
  });

  test('compile --force-stubs says which stub it replaced and where the edited one went', async () => {
    const out = tempDir();
    await runCli(['compile', 'fixtures/shop.yaml', '-o', out, '--emit', 'handlers'], repoRoot);
    fs.appendFileSync(path.join(out, 'handlers/orders.ts'), '// mine\n');
    const result = await runCli(['compile', 'fixtures/shop.yaml', '-o', out, '--emit', 'handlers', '--force-stubs'], repoRoot);
    expect(result.code).toBe(0);
    const backup = path.join(out, '.gatewright/replaced/handlers/orders.ts');
    expect(result.stderr).toContain(`handlers/orders.ts: replaced; your version is in ${path.join(out, '.gatewright/replaced/handlers/orders.ts')}`);
    expect(result.stderr).not.toMatch(/catalog\.ts: replaced; your version/);
    expect(fs.readFileSync(backup, 'utf8')).toMatch(/\/\/ mine\n$/);
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

  test('a .gatewright folder that is a symbolic link to elsewhere receives nothing (staging, manifest, backups)', () => {
    const out = tempDir();
    const elsewhere = tempDir();
    fs.symlinkSync(elsewhere, path.join(out, '.gatewright'));
    expect(() => writeOutput(out, [{ path: 'x.txt', contents: 'x' }])).toThrow(/symbolic link/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.existsSync(path.join(out, 'x.txt'))).toBe(false);
  });

  test('names from a spec become safe file names deterministically', () => {
    for (const name of ['../../etc/passwd', 'con', 'a b/c', '', '.hidden', 'ünïcødé']) {
      const safe = safeFileName(name);
      expect(checkOutputPath(`${safe}.ts`)).toBeUndefined();
      expect(safeFileName(name)).toBe(safe);
    }
  });
});

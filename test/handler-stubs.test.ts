import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { compile } from '../src/compile.js';
import { stubPath } from '../src/targets/handlers/layout.js';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/diagnostics.js';
import { tempDir, writeFiles } from './helpers/temp.js';
import { typecheckProject } from './helpers/typescript.js';

const shop = fs.readFileSync(path.join(repoRoot, 'fixtures/shop.yaml'), 'utf8');

/** The shop fixture with two breaking changes to the orders handler's operations. */
const breaking = shop
  // placeOrder now answers 200 where it answered 201.
  .replace("'201':\n          description: Placed.", "'200':\n          description: Placed.")
  // Every Order now carries the channel it was placed through.
  .replace('required: [id, status, lines, total, placedAt]', 'required: [id, status, lines, total, placedAt, channel]')
  .replace('        placedAt: {type: string, format: date-time}\n', '        placedAt: {type: string, format: date-time}\n        channel: {type: string, enum: [web, app]}\n');

test('stubs are written once: a second compile keeps an edited stub byte for byte, and a breaking spec change fails to compile there', async () => {
  expect(breaking).not.toBe(shop);
  const specDir = writeFiles({ 'shop.yaml': shop });
  const out = tempDir();
  const first = compile(path.join(specDir, 'shop.yaml'), out, { emit: ['handlers'] });
  expect(first.written?.written).toContain(stubPath('orders'));

  const stub = path.join(out, stubPath('orders'));
  const edited = fs.readFileSync(stub, 'utf8').replace("status: 'pending'", "status: 'paid'") + '\n// Mine now.\n';
  fs.writeFileSync(stub, edited);
  const again = compile(path.join(specDir, 'shop.yaml'), out, { emit: ['handlers'] });
  expect(again.written?.kept).toContain(stubPath('orders'));
  expect(again.written?.written).not.toContain(stubPath('orders'));
  expect(fs.readFileSync(stub, 'utf8')).toBe(edited);
  expect((await typecheckProject(out)).errors).toEqual([]);

  fs.writeFileSync(path.join(specDir, 'shop.yaml'), breaking);
  const changed = compile(path.join(specDir, 'shop.yaml'), out, { emit: ['handlers'] });
  expect(changed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(fs.readFileSync(stub, 'utf8')).toBe(edited);
  const { errors } = await typecheckProject(out);
  // Only the stub fails, and its errors name what changed: the status and the new property.
  const files = new Set(errors.filter((line) => /^\S+\(\d+,\d+\): error/.test(line)).map((line) => line.slice(0, line.indexOf('('))));
  expect([...files]).toEqual([stubPath('orders')]);
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^handlers\/orders\.ts\(\d+,\d+\): error TS2322: Type '201' is not assignable to type '200 \| 400 \| 409 \| Status5XX'\.$/),
      expect.stringMatching(/Property 'channel' is missing in type .* but required in type 'Order'\.$/),
    ]),
  );
});

test('--force-stubs is the only way to overwrite a stub, and it says which ones it replaced', async () => {
  const specDir = writeFiles({ 'shop.yaml': breaking });
  const out = tempDir();
  compile(path.join(specDir, 'shop.yaml'), out, { emit: ['handlers'] });
  const stub = path.join(out, stubPath('orders'));
  const fresh = fs.readFileSync(stub, 'utf8');
  fs.writeFileSync(stub, 'export default {};\n');
  const packageJson = path.join(out, 'package.json');
  const withDependency = fs.readFileSync(packageJson, 'utf8').replace('"private": true,', '"private": true,\n  "dependencies": { "@aws-sdk/client-dynamodb": "^3.0.0" },');
  fs.writeFileSync(packageJson, withDependency);

  const kept = await runCli(['compile', path.join(specDir, 'shop.yaml'), '-o', out, '--emit', 'handlers']);
  expect(kept.code).toBe(0);
  expect(kept.stderr).toMatch(/kept .*handlers\/orders\.ts.*package\.json.* \(yours\)/);
  expect(fs.readFileSync(stub, 'utf8')).toBe('export default {};\n');

  const forced = await runCli(['compile', path.join(specDir, 'shop.yaml'), '-o', out, '--emit', 'handlers', '--force-stubs']);
  expect(forced.code).toBe(0);
  for (const name of ['authorize', 'catalog', 'uploads']) expect(forced.stderr).toContain(`${stubPath(name)}: replaced (it was as gatewright wrote it`);
  // The one the user edited is kept aside first.
  expect(forced.stderr).toContain(`${stubPath('orders')}: replaced; your version is in ${path.join(out, '.gatewright/replaced', stubPath('orders'))}`);
  expect(fs.readFileSync(path.join(out, '.gatewright/replaced', stubPath('orders')), 'utf8')).toBe('export default {};\n');
  // The project files hold the user's dependencies and options: even --force-stubs keeps them.
  expect(forced.stderr).not.toMatch(/(package|tsconfig)\.json: replaced/);
  expect(forced.stderr).toMatch(/kept package\.json, tsconfig\.json \(yours\)/);
  expect(fs.readFileSync(stub, 'utf8')).toBe(fresh);
  expect(fs.readFileSync(packageJson, 'utf8')).toBe(withDependency);
  expect((await typecheckProject(out)).errors).toEqual([]);
});

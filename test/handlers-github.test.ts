import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { compileSpec } from '../src/compile.js';
import { repoRoot } from './helpers/diagnostics.js';
import { tempDir } from './helpers/temp.js';
import { typecheckProject } from './helpers/typescript.js';

// The GitHub REST API (1,200 operations, 900 schemas, one default handler): everything the
// handlers back end writes for it, validators and the stub included, compiles under tsc --strict.
test('the GitHub REST API’s handler types, glue and stub compile under tsc --strict', async () => {
  const spec = path.join(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.json');
  const result = compileSpec(spec, { emit: ['handlers'] });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const out = tempDir('gatewright-github-');
  for (const file of result.files) {
    fs.mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
    fs.writeFileSync(path.join(out, file.path), file.contents);
  }
  expect(result.files.map((f) => f.path)).toEqual(expect.arrayContaining(['gatewright/schemas.ts', 'gatewright/handlers/api.ts', 'gatewright/entries/api.ts', 'gatewright/validators/api.ts', 'handlers/api.ts']));
  expect((await typecheckProject(out)).errors).toEqual([]);
}, 180_000);

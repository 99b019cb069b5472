#!/usr/bin/env node
// Regenerates generated/ from fixtures/ with the built compiler (run `npm run build` first,
// or use `npm run generate`). Review the diff before committing: these are golden files.
import fs from 'node:fs';
import path from 'node:path';
import { compile, compileSpec, generateSdk } from '../dist/index.js';
import { fixtures, outputs, sdkGoldens } from './fixtures.mjs';

let failed = false;
for (const fixture of fixtures) {
  for (const output of outputs) {
    const out = path.join('generated', fixture.name, output.folder);
    // Write-once files (stubs, project files) are golden files too: remove them so that they follow the compiler.
    for (const file of compileSpec(fixture.spec, output.options).files) if (file.once) fs.rmSync(path.join(out, file.path), { force: true });
    const result = compile(fixture.spec, out, output.options);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      failed = true;
      console.error(`${fixture.spec}: ${errors.length} error(s); run gatewright lint ${fixture.spec}`);
      continue;
    }
    console.log(`${out}: ${result.written?.written.length ?? 0} written, ${result.written?.removed.length ?? 0} removed`);
  }
}
for (const golden of sdkGoldens()) {
  const out = path.join('generated', golden.name, golden.folder);
  const result = generateSdk(golden.spec, out, golden.options);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    failed = true;
    console.error(`${golden.spec}: ${errors.length} error(s) generating the SDK`);
    continue;
  }
  console.log(`${out}: ${result.written?.written.length ?? 0} written, ${result.written?.removed.length ?? 0} removed`);
}
process.exitCode = failed ? 1 : 0;

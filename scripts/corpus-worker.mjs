#!/usr/bin/env node
// One spec of the corpus run, in its own process: `gatewright compile` and (once it
// exists) `gatewright sdk` through the CLI's own entry point, then optionally `tsc` over
// the TypeScript they generated. Prints one JSON line with the outcome; a crash of this
// process, a timeout or a memory blow-up is seen by the parent as a crash.
//
// usage: node corpus-worker.mjs <spec> <out-dir> [--typecheck] [--entry <cli main module>]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { typeCheck } from './corpus-lib.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const [spec, out] = args;
const typecheck = args.includes('--typecheck');
const entryIndex = args.indexOf('--entry');
const entry = entryIndex >= 0 ? path.resolve(args[entryIndex + 1]) : path.join(repoRoot, 'dist', 'cli', 'main.js');
const { run } = await import(pathToFileURL(entry).href);

async function cli(argv) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: path.dirname(spec), color: false };
  const started = performance.now();
  const code = await run(argv, io);
  return { code, stdout, stderr, ms: Math.round(performance.now() - started) };
}

const result = { status: 'compiled', errorCodes: {}, ms: 0 };
const help = await cli(['--help']);
const hasSdk = /^\s+sdk\b/m.test(help.stderr + help.stdout);

fs.rmSync(out, { recursive: true, force: true });
const compiled = await cli(['compile', spec, '-o', path.join(out, 'compile'), '--format', 'json']);
result.ms = compiled.ms;
classify('compile', compiled);
if (hasSdk && result.status === 'compiled') {
  const sdk = await cli(['sdk', spec, '-o', path.join(out, 'sdk')]);
  result.sdkMs = sdk.ms;
  classify('sdk', sdk);
}
if (typecheck && result.status === 'compiled') result.typecheck = typeCheck(out);
fs.rmSync(out, { recursive: true, force: true });
process.stdout.write(JSON.stringify(result) + '\n');

function classify(step, { code, stdout, stderr }) {
  if (code === 0) return;
  if (code === 1) {
    result.status = 'refused';
    for (const d of diagnosticsOf(stdout)) if (d.severity === 'error') result.errorCodes[d.code] = (result.errorCodes[d.code] ?? 0) + 1;
    if (Object.keys(result.errorCodes).length === 0) result.errorCodes[`${step}-exit-1`] = 1;
    return;
  }
  // Exit 2 on a spec file that exists is never the user's fault: an internal error.
  result.status = 'crashed';
  result.step = step;
  result.message = (stderr || stdout).split('\n').slice(0, 3).join(' ').slice(0, 500);
}

function diagnosticsOf(stdout) {
  try {
    return JSON.parse(stdout).diagnostics ?? [];
  } catch {
    return [];
  }
}

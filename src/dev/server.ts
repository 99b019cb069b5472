import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSet } from '../load/source.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { payloadBytes } from '../ir/apigateway-limits.js';
import { loadApp, type DevApp } from './app.js';
import { serveHttp } from './http-gateway.js';
import type { DevOptions } from './options.js';
import { stagePrefix, type DevRuntime } from './runtime.js';
import { TrafficState } from './throttle.js';
import { FileWatcher } from './watch.js';
import { WebSocketGateway } from './websocket.js';

export interface DevServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The stage's base URL: `http://127.0.0.1:PORT/prod` (no stage part for an HTTP API's `$default`). */
  readonly url: string;
  readonly port: number;
  /** The API as currently served. */
  readonly app: DevApp;
  /** Reloads the spec and handlers now; resolves to whether the new version is being served. */
  reload(): Promise<boolean>;
  close(): Promise<void>;
}

export class DevStartError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
    readonly sources?: SourceSet,
  ) {
    super(message);
  }
}

const defaultMaxBodyBytes = payloadBytes.http;

/**
 * Starts the local gateway: loads the spec and handlers, listens on 127.0.0.1, and on
 * every change to the spec or a handler loads the new version and swaps it in without
 * dropping the server or its WebSocket connections; a version with errors is reported
 * and the last good one keeps serving.
 */
export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const report = options.report ?? (() => undefined);
  const outDir = path.resolve(options.outDir ?? path.dirname(path.resolve(options.specPath)));
  const traffic = new TrafficState();
  const first = await loadApp({ options, outDir, traffic });
  if (first.diagnostics.length > 0) report([...first.diagnostics], first.sources);
  if (!first.app) {
    const errors = first.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
    throw new DevStartError(`The spec has errors; fix them and start again.\n${errors.join('\n')}`, first.diagnostics, first.sources);
  }
  for (const note of first.notes) log(`note: ${note}`);

  const runtime: DevRuntime = { app: first.app, traffic, log, verbose: options.verbose ?? false, maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes };
  const websockets = new WebSocketGateway(runtime);
  const server = http.createServer((req, res) => {
    if (websockets.handlesHttp(req)) {
      void websockets.serveManagement(req, res);
      return;
    }
    void serveHttp(runtime, req, res);
  });
  server.on('upgrade', (req, socket, head) => websockets.upgrade(req, socket, head));
  server.keepAliveTimeout = 5000;

  let reloading: Promise<boolean> = Promise.resolve(true);
  const reload = (): Promise<boolean> => {
    reloading = reloading.then(async () => {
      let result;
      try {
        result = await loadApp({ options, outDir, traffic, previous: runtime.app });
      } catch (error) {
        log(`gatewright dev: reload failed: ${error instanceof Error ? error.message : String(error)}; still serving the previous version.`);
        return false;
      }
      if (result.diagnostics.length > 0) report([...result.diagnostics], result.sources);
      if (!result.app || hasErrors(result.diagnostics)) {
        log('gatewright dev: the new version has errors; still serving the previous version.');
        watcher?.watch([...new Set([...runtime.app.watchFiles, ...result.specFiles])]);
        return false;
      }
      runtime.app = result.app;
      watcher?.watch(result.app.watchFiles);
      log(`gatewright dev: reloaded ${path.basename(options.specPath)}.`);
      return true;
    });
    return reloading;
  };
  const watcher = options.watch === false ? undefined : new FileWatcher(() => void reload());
  watcher?.watch(first.app.watchFiles);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: origin + stagePrefix(runtime.app),
    port,
    get app() {
      return runtime.app;
    },
    reload,
    close: async () => {
      watcher?.close();
      websockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

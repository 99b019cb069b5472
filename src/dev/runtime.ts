import type { DevApp } from './app.js';
import type { TrafficState } from './throttle.js';

/** What lives as long as the server: the current app (swapped on reload), traffic counters and output. */
export interface DevRuntime {
  app: DevApp;
  readonly traffic: TrafficState;
  readonly log: (line: string) => void;
  readonly verbose: boolean;
  readonly maxBodyBytes: number;
}

/** The stage's prefix on the URL: `/prod`, or nothing for an HTTP API's `$default` stage. */
export function stagePrefix(app: DevApp): string {
  return app.api.kind === 'http' && app.stage.name === '$default' ? '' : `/${app.stage.name}`;
}

/** The path after the stage prefix, or undefined when the URL names another stage. */
export function pathAfterStage(app: DevApp, rawPath: string): string | undefined {
  const prefix = stagePrefix(app);
  if (prefix === '') return rawPath === '' ? '/' : rawPath;
  if (rawPath === prefix) return '/';
  if (rawPath.startsWith(prefix + '/')) return rawPath.slice(prefix.length);
  return undefined;
}

export function verboseBlock(title: string, value: unknown): string {
  return `${title}\n${JSON.stringify(value, null, 2)}`;
}

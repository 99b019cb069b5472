import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildFailure, BuildResult } from 'esbuild';
import type { Api } from '../ir/types.js';
import { entryPath, stubPath } from '../targets/handlers/layout.js';
import { glueResolver, handlerSource, writeHandlerGlue } from './handler-glue.js';

export type LambdaFunction = (event: unknown, context: unknown, callback?: (error: unknown, result?: unknown) => void) => unknown;

export interface LoadedHandlers {
  /** By handler name; absent when its entry point does not exist. */
  readonly functions: ReadonlyMap<string, LambdaFunction>;
  /** Handler name to why it could not be loaded (missing entry point, no `handler` export). */
  readonly problems: ReadonlyMap<string, string>;
  /** Every source file the bundles were built from, to watch for changes. */
  readonly inputs: readonly string[];
}

export class HandlerBuildError extends Error {}

/** The folder, inside the output folder, where dev keeps its bundles and local keys. */
export const stateDirName = '.gatewright-dev';

let generation = 0;

/**
 * Bundles every handler's Lambda entry point with esbuild and imports it in process. When
 * the output folder holds gatewright's generated glue and the user's stub
 * (`<out>/handlers/<name>.ts`), the entry point is the glue generated from the IR being
 * served (`writeHandlerGlue`), so a spec change reaches the handlers without a compile; a
 * hand-written `<out>/gatewright/entries/<name>.ts` is bundled as it is. Each load writes
 * a new bundle folder, so edited handlers load fresh (ES modules cannot be unloaded);
 * older folders are removed. Packages stay external and resolve from the output folder's
 * node_modules, as they would next to the deployed bundle.
 */
export async function loadHandlers(api: Api, outDir: string): Promise<LoadedHandlers> {
  const problems = new Map<string, string>();
  const entries = new Map<string, string>();
  const stateDir = path.join(outDir, stateDirName);
  let glueRoot: string | undefined;
  for (const handler of api.handlers) {
    const source = handlerSource(outDir, handler.name);
    if (source.kind === 'own') entries.set(handler.name, source.entry);
    else if (source.kind === 'glue') {
      try {
        glueRoot ??= await writeHandlerGlue(api, stateDir);
      } catch (error) {
        throw new HandlerBuildError(`The handler glue for this spec could not be generated: ${error instanceof Error ? error.message : String(error)}`);
      }
      entries.set(handler.name, path.join(glueRoot, entryPath(handler.name)));
    } else {
      const stub = path.join(outDir, stubPath(handler.name));
      problems.set(handler.name, `no handler at ${path.relative(process.cwd(), stub) || stub}; run "gatewright compile" with this output folder to generate its stub`);
    }
  }
  const functions = new Map<string, LambdaFunction>();
  if (entries.size === 0) return { functions, problems, inputs: [] };
  const buildDir = path.join(stateDir, `build-${process.pid}-${++generation}`);
  const names = [...entries.keys()];
  // Loaded only when there is something to bundle.
  const esbuild = await import('esbuild');
  let result: BuildResult<{ metafile: true; write: true }>;
  try {
    result = await esbuild.build({
      entryPoints: Object.fromEntries(names.map((name, i) => [`h${i}`, entries.get(name) as string])),
      outdir: buildDir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      metafile: true,
      logLevel: 'silent',
      plugins: glueRoot === undefined ? [] : [glueResolver(glueRoot, outDir)],
      // Bundled CommonJS dependencies call require(); give ES module output one.
      banner: { js: "import { createRequire as __gatewrightRequire } from 'node:module'; const require = __gatewrightRequire(import.meta.url);" },
    });
  } catch (error) {
    const failure = error as BuildFailure;
    const messages = failure.errors ? await esbuild.formatMessages(failure.errors, { kind: 'error', color: false }) : [String(error)];
    throw new HandlerBuildError(`The handlers do not build:\n${messages.join('')}`);
  }
  for (const [i, name] of names.entries()) {
    const module = (await import(pathToFileURL(path.join(buildDir, `h${i}.mjs`)).href)) as Record<string, unknown>;
    const exported = module['handler'] ?? (module['default'] as Record<string, unknown> | undefined)?.['handler'];
    if (typeof exported === 'function') functions.set(name, exported as LambdaFunction);
    else problems.set(name, `${entryPath(name)} does not export a function named "handler"`);
  }
  removeOldBuilds(stateDir, buildDir);
  // Dev's own files (the generated glue) change only when the spec does, which is watched already.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((file) => !file.includes('node_modules'))
    .map((file) => path.resolve(file))
    .filter((file) => !file.startsWith(stateDir + path.sep));
  return { functions, problems, inputs };
}

function removeOldBuilds(stateDir: string, keep: string): void {
  for (const entry of fs.readdirSync(stateDir)) {
    const full = path.join(stateDir, entry);
    if (entry.startsWith('build-') && full !== keep) fs.rmSync(full, { recursive: true, force: true });
  }
}

export type InvokeOutcome =
  | { readonly result: unknown }
  | { readonly error: unknown }
  /** The function ran past its own timeout (Lambda's `Task timed out`). */
  | { readonly lambdaTimedOut: true }
  /** The gateway stopped waiting (the integration timeout). */
  | { readonly integrationTimedOut: true };

/**
 * Calls a handler as Lambda does: async handlers resolve, callback handlers call back.
 * The gateway waits at most `integrationTimeoutMs`; the function at most its own timeout.
 */
export function invoke(fn: LambdaFunction, event: unknown, context: { getRemainingTimeInMillis(): number }, integrationTimeoutMs: number): Promise<InvokeOutcome> {
  return new Promise<InvokeOutcome>((resolve) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const settle = (outcome: InvokeOutcome): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      resolve(outcome);
    };
    timers.push(setTimeout(() => settle({ integrationTimedOut: true }), integrationTimeoutMs));
    timers.push(setTimeout(() => settle({ lambdaTimedOut: true }), context.getRemainingTimeInMillis()));
    try {
      const callback = (error: unknown, result?: unknown): void => settle(error ? { error } : { result });
      const returned = fn.length >= 3 ? fn(event, context, callback) : fn(event, context);
      if (returned && typeof (returned as Promise<unknown>).then === 'function') {
        (returned as Promise<unknown>).then(
          (result) => settle({ result }),
          (error: unknown) => settle({ error }),
        );
      } else if (fn.length < 3) {
        settle({ result: returned });
      }
    } catch (error) {
      settle({ error });
    }
  });
}

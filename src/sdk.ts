import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { buildApi } from './frontend/build-api.js';
import { loadSpec, type LoadOptions } from './load/load-spec.js';
import { writeResult, type CompileResult, type CompileToFolderResult } from './compile.js';
import { typescriptSdk } from './targets/sdk-ts/index.js';
import type { OutputFile } from './writer/file-set.js';

export interface SdkGenerateOptions {
  /** The SDK's language; TypeScript is the only one so far. */
  readonly lang?: 'ts';
  /** Group operations under one client member per tag (`client.orders.placeOrder`). */
  readonly groupByTag?: boolean;
  /** Answers outside 2xx: thrown as typed errors (default), or returned as `{ ok: false, error }`. */
  readonly errors?: 'throw' | 'result';
  readonly load?: LoadOptions;
}

/** Loads and checks a spec and generates the SDK package as a file set, in memory. */
export function generateSdkFiles(specPath: string, options: SdkGenerateOptions = {}): CompileResult {
  const loaded = loadSpec(specPath, options.load);
  const { api, diagnostics: frontEnd } = buildApi(loaded);
  // A client does not care what API Gateway can enforce or route: those problems become warnings here.
  const diagnostics: Diagnostic[] = frontEnd.map((d) =>
    d.gatewayOnly && d.severity === 'error' ? { ...d, severity: 'warning', message: `${d.message} (The SDK is generated anyway: only the gateway cannot do this.)` } : d,
  );
  if (!api || hasErrors(diagnostics)) return { ...(api ? { api } : {}), sources: loaded.sources, diagnostics, files: [] };
  const files: OutputFile[] = typescriptSdk(api, { errors: options.errors ?? 'throw', groupByTag: options.groupByTag ?? false }, (d) => diagnostics.push(d)).map((file) => ({ ...file, artifact: 'sdk' }));
  return { api, sources: loaded.sources, diagnostics, files: hasErrors(diagnostics) ? [] : files, artifacts: ['sdk'] };
}

/** Generates the SDK package into `outDir`; on any error the folder is left as it was. */
export function generateSdk(specPath: string, outDir: string, options: SdkGenerateOptions = {}): CompileToFolderResult {
  return writeResult(generateSdkFiles(specPath, options), outDir);
}

import { diagnostic } from './diagnostics/codes.js';
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
  const untagged = options.groupByTag ? api.routes.filter((route) => route.tags.length === 0) : [];
  const firstUntagged = untagged[0];
  if (firstUntagged) {
    const example = `client.${firstUntagged.id}()`;
    diagnostics.push(
      diagnostic(
        'sdk-untagged-operations',
        untagged.length === api.routes.length
          ? `No operation has a tag, so --group-by-tag groups nothing: every operation is in the default group, a method of the client itself (e.g. ${example}). Tag the operations to group them.`
          : `${untagged.length} operation(s) have no tag, so --group-by-tag puts them in the default group: methods of the client itself (e.g. ${example}) rather than of a tag's member. Give them tags to group them.`,
        firstUntagged.origin,
      ),
    );
  }
  const files: OutputFile[] = typescriptSdk(api, { errors: options.errors ?? 'throw', groupByTag: options.groupByTag ?? false }, (d) => diagnostics.push(d)).map((file) => ({ ...file, artifact: 'sdk' }));
  return { api, sources: loaded.sources, diagnostics, files: hasErrors(diagnostics) ? [] : files, artifacts: ['sdk'] };
}

/** Generates the SDK package into `outDir`; on any error the folder is left as it was. */
export function generateSdk(specPath: string, outDir: string, options: SdkGenerateOptions = {}): CompileToFolderResult {
  return writeResult(generateSdkFiles(specPath, options), outDir);
}

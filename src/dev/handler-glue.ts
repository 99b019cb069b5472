import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import type { Api } from '../ir/types.js';
import { generatedHeader } from '../targets/handlers/contract.js';
import { entryPath, generatedDir, stubPath } from '../targets/handlers/layout.js';
import { checkOutputPath } from '../writer/safe-path.js';

const gatewrightVersion = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * How a handler is loaded. `glue`: the output folder holds gatewright's generated entry
 * point (or none yet) and the user's stub, so dev bundles the glue it generates from the
 * IR being served, around that stub. `own`: a hand-written entry point, bundled as it is.
 */
export type HandlerSource = { readonly kind: 'glue' } | { readonly kind: 'own'; readonly entry: string } | { readonly kind: 'missing' };

export function handlerSource(outDir: string, handler: string): HandlerSource {
  const entry = path.join(outDir, entryPath(handler));
  let head: string | undefined;
  try {
    const fd = fs.openSync(entry, 'r');
    try {
      const buffer = Buffer.alloc(generatedHeader.length);
      head = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    head = undefined;
  }
  if (head !== undefined && head !== generatedHeader) return { kind: 'own', entry };
  return fs.existsSync(path.join(outDir, stubPath(handler))) ? { kind: 'glue' } : { kind: 'missing' };
}

/**
 * Writes the handler glue (`gatewright/`: entry points, contracts, validators, schema
 * types, runtime) that `gatewright compile` would write for this IR into a folder of dev's
 * state, and returns that folder. So a handler runs against the spec being served the
 * moment the spec changes, before a compile rewrites the output folder. The folder is
 * named by the IR's hash and reused while the spec is unchanged; rendering (ajv compiles
 * the validators) is paid once per version of the spec.
 */
export async function writeHandlerGlue(api: Api, stateDir: string): Promise<string> {
  const hash = createHash('sha256').update(gatewrightVersion).update('\0').update(JSON.stringify(api)).digest('hex').slice(0, 16);
  const root = path.join(stateDir, `glue-${hash}`);
  if (!fs.existsSync(root)) {
    const { handlersTarget } = await import('../targets/handlers/handlers-target.js');
    // Problems the back end finds are the compile's to report; dev serves what it can.
    const ctx = { options: { infrastructure: 'sam' as const }, report: () => undefined };
    const files = handlersTarget.render(handlersTarget.plan(api, ctx), ctx).filter((f) => !f.once && f.path.startsWith(`${generatedDir}/`));
    const staging = `${root}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    for (const file of files) {
      const problem = checkOutputPath(file.path);
      if (problem) throw new Error(`The generated path "${file.path}" ${problem}.`);
      const target = path.join(staging, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.contents);
    }
    try {
      fs.renameSync(staging, root);
    } catch (error) {
      // Another dev process on the same folder wrote the same version first.
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(root)) throw error;
    }
  }
  for (const entry of fs.readdirSync(stateDir)) {
    if (entry.startsWith('glue-') && path.join(stateDir, entry) !== root && !entry.endsWith('.tmp')) fs.rmSync(path.join(stateDir, entry), { recursive: true, force: true });
  }
  return root;
}

/**
 * Makes a bundle of the generated glue see one project: the glue's imports that leave
 * `gatewright/` (the stubs under `handlers/`) resolve in the output folder, and the
 * output folder's imports of `gatewright/` (a stub importing the runtime or its contract)
 * resolve to the generated glue, so no module is bundled in two versions.
 */
export function glueResolver(glueRoot: string, outDir: string): Plugin {
  const glueGenerated = path.join(glueRoot, generatedDir);
  const outGenerated = path.join(outDir, generatedDir);
  const inside = (dir: string, file: string): boolean => file === dir || file.startsWith(dir + path.sep);
  return {
    name: 'gatewright-dev-glue',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData === 'redirected' || !args.importer || !(inside(glueRoot, args.resolveDir) || inside(outDir, args.resolveDir))) return undefined;
        const target = path.resolve(args.resolveDir, args.path);
        let resolveDir: string | undefined;
        if (inside(glueRoot, args.importer) && !inside(glueGenerated, target)) resolveDir = path.join(outDir, path.relative(glueRoot, args.resolveDir));
        else if (!inside(glueRoot, args.importer) && inside(outGenerated, target)) resolveDir = path.join(glueRoot, path.relative(outDir, args.resolveDir));
        if (resolveDir === undefined) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir, importer: args.importer, pluginData: 'redirected' });
        return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, ...(resolved.external ? { external: true } : {}) };
      });
    },
  };
}

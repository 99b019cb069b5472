/**
 * The functions' `Handler` must name what the build puts in the deployment package.
 *
 * - sam: `sam build` bundles `Metadata.BuildProperties.EntryPoints` the way AWS Lambda
 *   Builders' esbuild workflow does (`esbuild --bundle --platform=node --outdir=<artifacts>
 *   --format=cjs <entry points>`, aws/aws-lambda-builders `nodejs_npm_esbuild/esbuild.py`).
 *   With one entry point, esbuild's output base is the entry's own folder, so
 *   `gatewright/entries/orders.ts` becomes `orders.js` at the package root.
 * - cloudformation: docs/targets.md's command writes `build/<name>/<name>.js`, and `Code`
 *   is that folder.
 *
 * Lambda's Node.js runtime splits `Handler` at the last `/` (folder) and then at the first
 * `.` (module, then export), and loads `<module>.js`. Each case builds the template's entry
 * point the way the tools do and loads the handler the way Lambda does.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { tempDir, writeFiles } from './helpers/temp.js';
import { compileTemplate } from './helpers/template.js';

const require = createRequire(import.meta.url);

/** The handler the Lambda runtime would call for `Handler` in a package rooted at `root`. */
function lambdaHandler(root: string, handler: string): unknown {
  const slash = handler.lastIndexOf('/');
  const folder = slash >= 0 ? handler.slice(0, slash) : '';
  const [module, exported] = handler.slice(slash + 1).split(/\.(.*)/s) as [string, string];
  const file = path.join(root, folder, `${module}.js`);
  if (!fs.existsSync(file)) return `no ${path.relative(root, file)} in the package`;
  return (require(file) as Record<string, unknown>)[exported];
}

function specWithHandlers(handlers: readonly string[]): string {
  const paths = Object.fromEntries(handlers.map((h, i) => [`/r${i}`, { get: { operationId: `get${i}`, 'x-gateway': { lambda: { handler: h }, public: true }, responses: { '200': { description: 'OK' } } } }]));
  const spec = { openapi: '3.0.3', info: { title: 'Bundles', version: '1' }, 'x-gateway': { kind: 'http' }, paths };
  return path.join(writeFiles({ 'spec.yaml': stringify(spec) }), 'spec.yaml');
}

/** A stand-in for the handlers back end's entry point: it exports `handler`, which names itself. */
function writeEntry(project: string, entry: string, name: string): void {
  writeFiles({ [entry]: `export const handler = async () => ({ statusCode: 200, body: ${JSON.stringify(name)} });\n` }, project);
}

const handlerNames = ['orders', 'Billing_v2', 'ship-it'];

describe('the function Handler names the bundle the build writes', () => {
  test('sam: sam build’s esbuild puts each entry point at its package root', async () => {
    const { template } = compileTemplate(specWithHandlers(handlerNames), 'sam');
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Serverless::Function');
    expect(functions).toHaveLength(handlerNames.length);
    const project = tempDir();
    for (const fn of functions) {
      const { EntryPoints, Target } = (fn['Metadata'] as { BuildProperties: { EntryPoints: string[]; Target: string } }).BuildProperties;
      const props = fn.Properties as { CodeUri: string; Handler: string };
      for (const entry of EntryPoints) writeEntry(path.join(project, props.CodeUri), entry, props.Handler);
      // sam build runs Lambda Builders once per function (each has its own Metadata), into its own artifacts folder.
      const artifacts = tempDir();
      await build({ absWorkingDir: path.join(project, props.CodeUri), entryPoints: EntryPoints, bundle: true, platform: 'node', outdir: artifacts, target: Target, format: 'cjs', minify: true, logLevel: 'silent' });
      const handler = lambdaHandler(artifacts, props.Handler);
      expect(typeof handler, String(handler)).toBe('function');
      await expect((handler as () => Promise<unknown>)()).resolves.toEqual({ statusCode: 200, body: props.Handler });
    }
  });

  test('cloudformation: the documented esbuild command fills the Code folder', async () => {
    const { template } = compileTemplate(specWithHandlers(handlerNames), 'cloudformation');
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions).toHaveLength(handlerNames.length);
    const project = tempDir();
    for (const fn of functions) {
      const props = fn.Properties as { Code: string; Handler: string };
      const name = path.basename(props.Code);
      const entry = `gatewright/entries/${name}.ts`;
      writeEntry(project, entry, props.Handler);
      // npx esbuild gatewright/entries/<name>.ts --bundle --platform=node --target=node22 --outfile=build/<name>/<name>.js
      await build({ absWorkingDir: project, entryPoints: [entry], bundle: true, platform: 'node', target: 'node22', outfile: path.join(project, props.Code, `${name}.js`), logLevel: 'silent' });
      const handler = lambdaHandler(path.join(project, props.Code), props.Handler);
      expect(typeof handler, String(handler)).toBe('function');
      await expect((handler as () => Promise<unknown>)()).resolves.toEqual({ statusCode: 200, body: props.Handler });
    }
  });
});

/**
 * The files that make the output folder a project the functions build in, written once
 * like the stubs: `package.json` (SAM's esbuild build needs one where `CodeUri` points,
 * and the user adds the functions' dependencies to it) and `tsconfig.json` (so that
 * `tsc` checks the stubs against their contracts). The package has no `"type": "module"`:
 * SAM bundles to CommonJS by default, and a `.js` bundle next to that setting would be
 * loaded as an ES module.
 */
import type { Api } from '../../ir/types.js';
import type { OutputFile } from '../../writer/file-set.js';
import { generatedDir, packageJsonPath, tsconfigPath } from './layout.js';

export function projectFiles(api: Api): OutputFile[] {
  const name = api.name.toLowerCase().replace(/[^a-z0-9-._~]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'api';
  const packageJson = {
    name: `${name}-functions`.slice(0, 214),
    private: true,
    scripts: { typecheck: 'tsc --noEmit -p .' },
    devDependencies: { '@types/aws-lambda': '^8.10.164', '@types/node': '^20.19.0', esbuild: '^0.28.0', typescript: '^7.0.2' },
    // esbuild's install script puts its native binary in place; npm (11.16+) asks for the
    // dependencies whose install scripts may run to be listed here, and later npm blocks the rest.
    allowScripts: { esbuild: true },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      // esbuild bundles the functions, so TypeScript resolves imports as a bundler does.
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node', 'aws-lambda'],
    },
    include: ['handlers', generatedDir],
  };
  return [
    // Kept even by --force-stubs: the user adds dependencies and options to them.
    { path: packageJsonPath, contents: JSON.stringify(packageJson, null, 2) + '\n', once: true, keep: true },
    { path: tsconfigPath, contents: JSON.stringify(tsconfig, null, 2) + '\n', once: true, keep: true },
  ];
}

/**
 * The files that make the output folder a project the functions build in, written once
 * like the stubs: `package.json` (SAM's esbuild build needs one where `CodeUri` points,
 * and the user adds the functions' dependencies to it) and `tsconfig.json` (so that
 * `tsc` checks the stubs against their contracts).
 */
import type { Api } from '../../ir/types.js';
import type { OutputFile } from '../../writer/file-set.js';
import { generatedDir, packageJsonPath, tsconfigPath } from './layout.js';

export function projectFiles(api: Api): OutputFile[] {
  const name = api.name.toLowerCase().replace(/[^a-z0-9-._~]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'api';
  const packageJson = {
    name: `${name}-functions`.slice(0, 214),
    private: true,
    type: 'module',
    scripts: { typecheck: 'tsc --noEmit -p .' },
    devDependencies: { '@types/aws-lambda': '^8.10.164', '@types/node': '^20.19.0', esbuild: '^0.28.0', typescript: '^5.9.0' },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
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
    { path: packageJsonPath, contents: JSON.stringify(packageJson, null, 2) + '\n', once: true },
    { path: tsconfigPath, contents: JSON.stringify(tsconfig, null, 2) + '\n', once: true },
  ];
}

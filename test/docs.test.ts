import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { expect, test } from 'vitest';
import { compileCommand } from '../src/cli/commands/compile.js';
import { devCommand } from '../src/cli/commands/dev.js';
import { diffCommand } from '../src/cli/commands/diff.js';
import { lintCommand } from '../src/cli/commands/lint.js';
import { sdkCommand } from '../src/cli/commands/sdk.js';
import type { Io } from '../src/cli/io.js';
import { compileSpec } from '../src/compile.js';
import { generateSdkFiles, type SdkGenerateOptions } from '../src/sdk.js';
import { fixtures, sdkGoldens } from '../scripts/fixtures.mjs';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';
import { codes } from '../src/diagnostics/codes.js';
import { renderDiagnosticsDoc } from '../scripts/diagnostics-doc.mjs';
import { updateLintDoc } from '../scripts/lint-doc.mjs';
import { changeKinds } from '../src/diff/changes.js';
import { presets } from '../src/lint/presets.js';
import { rules } from '../src/lint/rules/index.js';
import { repoRoot } from './helpers/diagnostics.js';

test('docs/diagnostics.md lists every code of the catalogue (npm run docs rewrites it)', () => {
  expect(fs.readFileSync(path.join(repoRoot, 'docs/diagnostics.md'), 'utf8')).toBe(renderDiagnosticsDoc(codes));
});

test('every code the source reports is in the catalogue', () => {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) for (const m of fs.readFileSync(full, 'utf8').matchAll(/(?:report|diagnostic)\(\s*'([a-z0-9-]+)'/g)) used.add(m[1] as string);
    }
  };
  walk(path.join(repoRoot, 'src'));
  expect([...used].filter((code) => !(code in codes))).toEqual([]);
});

test('docs/lint.md lists every rule with its examples, and every diff change class (npm run docs rewrites those parts)', () => {
  const written = fs.readFileSync(path.join(repoRoot, 'docs/lint.md'), 'utf8');
  expect(updateLintDoc(written, { rules, presets, changeKinds })).toBe(written);
  for (const rule of rules) expect(written).toContain(`<a id="${rule.id}"></a>`);
});

/** The options every spec-reading command takes; the README names them once, below the synopsis. */
const commonOptions = ['--root', '--max-file-size', '--help'];

test('the README synopsis shows every command with every option gatewright --help lists, and the same choices', async () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const synopsis = /## Command line\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const io: Io = { stdout: () => undefined, stderr: () => undefined, cwd: repoRoot, color: false };
  const commands: Command[] = [compileCommand, lintCommand, diffCommand, sdkCommand, devCommand].map((factory) => factory(io, () => undefined));
  const help = (await runCli(['--help'])).stdout;
  expect([...help.matchAll(/^ {2}([a-z]+) \[options\]/gm)].map((m) => m[1]).sort()).toEqual(commands.map((c) => c.name()).sort());
  for (const command of commands) {
    const lines = synopsis.split('\n').filter((line) => line.startsWith(`gatewright ${command.name()} `));
    expect(lines.length, `no synopsis line for ${command.name()}`).toBeGreaterThan(0);
    const shown = new Set(lines.flatMap((line) => [...line.matchAll(/(?<![\w-])--?[a-z][a-z-]*/g)].map((m) => m[0])));
    const options = command.options.filter((o) => !commonOptions.includes(o.long ?? ''));
    // Each option by its long or short flag; nothing that is not an option.
    expect(options.filter((o) => !shown.has(o.long ?? '') && !shown.has(o.short ?? '')).map((o) => o.flags), `gatewright ${command.name()}: missing`).toEqual([]);
    expect([...shown].filter((flag) => !options.some((o) => o.long === flag || o.short === flag)), `gatewright ${command.name()}: unknown`).toEqual([]);
    for (const option of command.options) {
      if (!option.argChoices || commonOptions.includes(option.long ?? '')) continue;
      const written = lines.map((line) => new RegExp(`${option.long} ([a-z|]+)`).exec(line)?.[1]).find(Boolean);
      expect(written?.split('|').sort(), `${command.name()} ${option.long}`).toEqual([...option.argChoices].sort());
    }
  }
  for (const option of ['--root <dir>', '--max-file-size <bytes>']) expect(readme).toContain(option);
});

test('docs/handlers.md says to npm install in the output folder before sam build', () => {
  const handlersDoc = fs.readFileSync(path.join(repoRoot, 'docs/handlers.md'), 'utf8');
  const steps = /```sh\n(cd out\n[\s\S]*?)```/.exec(handlersDoc)?.[1] ?? '';
  expect(steps.indexOf('npm install')).toBeGreaterThan(-1);
  expect(steps.indexOf('npm install')).toBeLessThan(steps.indexOf('sam build'));
});

test('the generated package.json lets exactly the install scripts its dependencies have run (npm allowScripts)', () => {
  const packageFiles: { name: string; json: { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; allowScripts?: Record<string, boolean>; scripts?: Record<string, string> } }[] = [];
  for (const fixture of fixtures) {
    const file = compileSpec(path.join(repoRoot, fixture.spec), { emit: ['handlers'] }).files.find((f) => f.path === 'package.json');
    if (file) packageFiles.push({ name: `${fixture.name} handlers`, json: JSON.parse(String(file.contents)) });
  }
  for (const golden of sdkGoldens()) {
    const file = generateSdkFiles(path.join(repoRoot, golden.spec), golden.options as SdkGenerateOptions).files.find((f) => f.path === 'package.json');
    if (file) packageFiles.push({ name: `${golden.name} ${golden.folder}`, json: JSON.parse(String(file.contents)) });
  }
  expect(packageFiles.length).toBeGreaterThan(fixtures.length);
  for (const { name, json } of packageFiles) {
    const withInstallScripts = Object.keys({ ...json.dependencies, ...json.devDependencies }).filter((dependency) => {
      const scripts = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', dependency, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
      return ['preinstall', 'install', 'postinstall'].some((hook) => hook in scripts);
    });
    expect(Object.keys(json.allowScripts ?? {}).sort(), name).toEqual(withInstallScripts.sort());
    // The package itself runs no compiler when it is installed from a folder, tarball or git.
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(json.scripts?.[hook], `${name} ${hook}`).toBeUndefined();
  }
});

test('the README of every generated SDK compiles as written under tsc --strict', () => {
  const root = tempDir('gatewright-readmes-');
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  let compilerOptions: Record<string, unknown> | undefined;
  let calls = 0;
  for (const golden of sdkGoldens()) {
    const result = generateSdkFiles(path.join(repoRoot, golden.spec), golden.options as SdkGenerateOptions);
    const dir = path.join(root, `${golden.name}-${golden.folder}`);
    for (const file of result.files) {
      fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, file.path), file.contents);
    }
    const packageName = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name;
    compilerOptions ??= (JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> }).compilerOptions;
    const blocks = [...fs.readFileSync(path.join(dir, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks, golden.name).toHaveLength(1);
    const example = (blocks[0] as string).replaceAll(`from '${packageName}';`, "from './index.js';");
    expect(example, `${golden.name}: the example imports the package by name`).not.toContain(packageName);
    if (/await client\./.test(example)) calls++;
    fs.writeFileSync(path.join(dir, 'src/readme-example.ts'), example);
  }
  expect(calls).toBeGreaterThan(0);
  const { rootDir: _rootDir, outDir: _outDir, ...options } = compilerOptions ?? {};
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...options, noEmit: true }, include: ['*/src'] }));
  try {
    execFileSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-p', root], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`the README examples do not compile:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
});

import fs from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { mistakes } from '../scripts/fixtures.mjs';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/diagnostics.js';
import { tempDir, writeFiles } from './helpers/temp.js';

describe('exit codes', () => {
  test.each([
    ['no arguments', 2, []],
    ['--help', 0, ['--help']],
    ['--version', 0, ['--version']],
    ['compile --help', 0, ['compile', '--help']],
    ['an unknown command', 2, ['frobnicate']],
    ['an unknown option', 2, ['compile', 'fixtures/shop.yaml', '--nope']],
    ['a bad --target', 2, ['compile', 'fixtures/shop.yaml', '-o', 'x', '--target', 'terraform']],
    ['compile without -o', 2, ['compile', 'fixtures/shop.yaml']],
    ['a spec file that does not exist', 2, ['compile', 'fixtures/nope.yaml', '--emit', 'ir']],
    ['a spec with errors', 1, ['compile', mistakes.spec, '--emit', 'ir']],
    ['a good spec', 0, ['compile', 'fixtures/shop.yaml', '--emit', 'ir']],
    ['lint of a good spec', 0, ['lint', 'fixtures/notes-http.yaml']],
    ['lint of several specs, one bad', 1, ['lint', 'fixtures/notes-http.yaml', mistakes.spec]],
    ['lint with a bad --max-warnings', 2, ['lint', 'fixtures/shop.yaml', '--max-warnings', 'many']],
  ] as const)('%s exits %i', async (_name, code, args) => {
    const result = await runCli(args, repoRoot);
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  test('--max-warnings turns warnings into failure', async () => {
    const dir = writeFiles({
      'openapi.yaml': `openapi: 3.1.0
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    A: {type: string, nullable: true}
`,
    });
    const spec = path.join(dir, 'openapi.yaml');
    expect((await runCli(['lint', spec])).code).toBe(0);
    expect((await runCli(['lint', spec, '--max-warnings', '0'])).code).toBe(1);
  });

  test('compile -o writes into the folder and says so', async () => {
    const out = tempDir();
    const result = await runCli(['compile', 'fixtures/shop.yaml', '-o', out, '--emit', 'ir'], repoRoot);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Wrote 1 file to ${out}:\n  ir  generated ir.json\n`);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'ir.json'), 'utf8'))).toMatchObject({ kind: 'rest', name: 'shop-api' });
  });
});

describe('compile summary', () => {
  test('says what each artifact wrote, which files are the user\'s, and what to do next', async () => {
    const out = tempDir();
    const first = await runCli(['compile', 'fixtures/shop.yaml', '-o', out], repoRoot);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    // Info notes are not problems: no "0 problems (0 errors, 0 warnings)" before them.
    expect(first.stderr).toMatch(/^✔ no problems, [1-9]\d* info$/m);
    expect(first.stderr).not.toMatch(/\b0 problems/);
    const lines = first.stderr.slice(first.stderr.indexOf('Wrote ')).split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Wrote \\d+ files to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:$`));
    expect(lines).toContain('  template  generated template.yaml');
    expect(lines).toContain('  openapi   generated openapi.apigw.json');
    expect(lines.find((line) => line.startsWith('  handlers'))).toMatch(/generated \d+ files in gatewright\/; created handlers\/authorize\.ts, .*package\.json, tsconfig\.json, yours from now on$/);
    expect(lines).toContain(`  Deploy: cd ${out} && npm install && sam build && sam deploy --guided`);
    // compile does not run the security rules, so lint comes before the deploy.
    const lintStep = lines.indexOf('  Before deploying, check it: gatewright lint fixtures/shop.yaml');
    expect(lintStep).toBeGreaterThan(0);
    expect(lintStep).toBeLessThan(lines.findIndex((line) => line.startsWith('  Deploy: ')));
    expect(lines).toContain(`  Write the handlers in ${path.join(out, 'handlers')}/ (yours: gatewright writes them once and never overwrites them).`);

    const second = await runCli(['compile', 'fixtures/shop.yaml', '-o', out, '--emit', 'template,handlers'], repoRoot);
    expect(second.stderr).toMatch(/^ {2}handlers {2}generated \d+ files in gatewright\/; kept handlers\/authorize\.ts, .*tsconfig\.json \(yours\)$/m);
    expect(second.stderr).not.toMatch(/^ {2}openapi /m);
  });

  test('--quiet prints errors and warnings only', async () => {
    const out = tempDir();
    const quiet = await runCli(['compile', 'fixtures/shop.yaml', '-o', out, '--quiet'], repoRoot);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.existsSync(path.join(out, 'template.yaml'))).toBe(true);
    const broken = await runCli(['compile', mistakes.spec, '-o', tempDir(), '--quiet'], repoRoot);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/✖ \d+ problems/);
    expect(broken.stderr).not.toMatch(/\binfo\b/);
  });

  test('the cloudformation flavour and the openapi document alone point to their own deploy steps', async () => {
    const cloudformation = await runCli(['compile', 'fixtures/notes-http.yaml', '-o', tempDir(), '--target', 'cloudformation', '--emit', 'template'], repoRoot);
    expect(cloudformation.stderr).toMatch(/Deploy: cd .* && bundle each handler into build\/<name>\/<name>\.js, then aws cloudformation package and deploy/);
    expect(cloudformation.stderr).not.toContain('sam build');
    const openapi = await runCli(['compile', 'fixtures/notes-http.yaml', '-o', tempDir(), '--emit', 'openapi'], repoRoot);
    expect(openapi.stderr).toContain('x-gatewright.import');
    expect(openapi.stderr).not.toContain('Deploy:');
    expect(openapi.stderr).toContain('gatewright lint fixtures/notes-http.yaml');
  });
});

describe('reporters', () => {
  test('SARIF output of the mistakes fixture is valid SARIF 2.1.0', async () => {
    const result = await runCli(['lint', mistakes.spec, '--format', 'sarif'], repoRoot);
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, '../shared/schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const expected = fs.readFileSync(path.join(repoRoot, mistakes.lintExpected), 'utf8').trim().split('\n');
    expect(log.runs[0]?.results.map((r) => `${r.ruleId}@${r.locations[0]?.physicalLocation.region.startLine}`)).toEqual(
      expected.map((line) => `${line.split(' ')[2]}@${line.split(':')[1]}`),
    );
  });

  test('GitHub annotations carry file, line and column, escaped', async () => {
    const result = await runCli(['lint', mistakes.spec, '--format', 'github'], repoRoot);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(fs.readFileSync(path.join(repoRoot, mistakes.lintExpected), 'utf8').trim().split('\n').length);
    expect(lines[0]).toMatch(/^::error file=fixtures\/mistakes\.yaml,line=13,col=16,endLine=13,endColumn=\d+,title=gatewright x-gateway-reference::/);
    for (const line of lines) expect(line).not.toMatch(/\n/);
  });

  test.each([
    ['lint, stylish', ['lint'], 'stdout', '✔ no problems\n'],
    ['lint, JSON', ['lint', '--format', 'json'], 'stdout', undefined],
    ['compile, stylish', ['compile', '--emit', 'ir'], 'stderr', '✔ no problems\n'],
  ] as const)('a spec without any problem: %s', async (_name, args, stream, want) => {
    const dir = writeFiles({ 'openapi.yaml': "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n" });
    const result = await runCli([args[0], path.join(dir, 'openapi.yaml'), ...args.slice(1)]);
    expect(result.code).toBe(0);
    if (want === undefined) expect(result.stdout + result.stderr).not.toContain('no problems');
    else expect(result[stream]).toBe(want);
  });

  test('stylish prints no pointer for a problem with the whole file (a syntax error), but still its code frame', async () => {
    const dir = writeFiles({ 'openapi.yaml': 'openapi: 3.0.3\ninfo: {title: T\n' });
    const result = await runCli(['lint', path.join(dir, 'openapi.yaml')]);
    expect(result.stdout).toContain('load-yaml-syntax');
    expect(result.stdout).not.toContain('at #');
    expect(result.stdout).toMatch(/> 3 \|/);
  });

  test('stylish frames no info, and folds info past the fifth of one code in a file; JSON keeps every one', async () => {
    const operations = Array.from({ length: 8 }, (_, i) => `  /items${i}: {get: {operationId: item${i}, security: [], responses: {'200': {description: ok}}}}`).join('\n');
    const dir = writeFiles({ 'openapi.yaml': `openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n${operations}\n`, 'gatewright.config.yaml': 'lint: {rules: {security-public-throttle: off}}\n' });
    const stylish = (await runCli(['lint', path.join(dir, 'openapi.yaml')], dir)).stdout;
    expect(stylish.match(/ info .*operation-summary$/gm)).toHaveLength(5);
    expect(stylish).toContain('… and 3 more operation-summary\n');
    expect(stylish).not.toMatch(/^ {2}> \d+ \|/m);
    expect(stylish).toMatch(/, 9 info$/m);
    const json = JSON.parse((await runCli(['lint', path.join(dir, 'openapi.yaml'), '--format', 'json'], dir)).stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics.filter((d) => d.code === 'operation-summary')).toHaveLength(8);
  });

  test('stylish prints a code frame under each problem', async () => {
    const result = await runCli(['lint', mistakes.spec], repoRoot);
    expect(result.stdout).toContain('> 32 |         throtle: {rate: 5, burst: 5}');
    expect(result.stdout).toMatch(/✖ 21 problems \(20 errors, 1 warning\), 7 info/);
  });
});

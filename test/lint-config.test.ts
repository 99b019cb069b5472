import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixtures } from '../scripts/fixtures.mjs';
import { lint } from '../src/lint.js';
import { findLintConfig, loadLintConfig } from '../src/lint/config.js';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/diagnostics.js';
import { presetConfig } from './helpers/lint.js';
import { writeFiles } from './helpers/temp.js';

/** One operation with no summary (operation-summary: info in recommended) and no auth (security-defined: error). */
const spec = `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /health:
    get:
      operationId: health
      responses: {'200': {description: ok}}
  /orders:
    get:
      operationId: listOrders
      summary: The orders.
      responses: {'200': {description: ok}}
`;

const codesOf = (file: string, cwd?: string) => {
  const result = lint(file, { config: findLintConfig(file, cwd) });
  return result.diagnostics.map((d) => `${d.code}:${d.severity}@${d.origin?.pointer ?? ''}`).sort();
};

describe('lint config', () => {
  test.each([
    [
      'no config: recommended',
      {
        given: {},
        want: ['integration-missing:info@/paths/~1health/get', 'operation-summary:info@/paths/~1health/get', 'security-defined:error@/paths/~1health/get', 'security-defined:error@/paths/~1orders/get'],
      },
    ],
    [
      'a preset and a severity in gatewright.config.yaml',
      {
        given: { 'gatewright.config.yaml': 'lint:\n  extends: strict\n  rules:\n    security-defined: warning\n    operation-tags: off\n' },
        // strict makes hygiene rules warnings (operation-summary was info).
        want: ['integration-missing:info@/paths/~1health/get', 'operation-summary:warning@/paths/~1health/get', 'security-defined:warning@/paths/~1health/get', 'security-defined:warning@/paths/~1orders/get'],
      },
    ],
    [
      'ignores by rule and pointer, everything under the pointer included',
      {
        given: { 'gatewright.config.yaml': "lint:\n  ignore:\n    openapi.yaml:\n      security-defined: ['#/paths/~1health']\n      operation-summary: ['/paths/~1health/get']\n" },
        want: ['integration-missing:info@/paths/~1health/get', 'security-defined:error@/paths/~1orders/get'],
      },
    ],
    [
      'the gatewright key of package.json',
      {
        given: { 'package.json': JSON.stringify({ name: 'x', gatewright: { lint: { rules: { 'security-defined': 'off', 'integration-missing': 'off' } } } }) },
        want: ['operation-summary:info@/paths/~1health/get'],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const dir = writeFiles({ 'openapi.yaml': spec, ...given });
    expect(codesOf(path.join(dir, 'openapi.yaml'))).toEqual(want);
  });

  test('the nearest config wins, looked up from the spec folder before the working folder', () => {
    const dir = writeFiles({
      'gatewright.config.yaml': 'lint: {rules: {security-defined: off}}\n',
      'api/openapi.yaml': spec,
      'api/gatewright.config.yaml': 'lint: {rules: {operation-summary: off}}\n',
      'other/openapi.yaml': spec,
    });
    expect(codesOf(path.join(dir, 'api/openapi.yaml'))).not.toContain('operation-summary:info@/paths/~1health/get');
    expect(codesOf(path.join(dir, 'api/openapi.yaml'))).toContain('security-defined:error@/paths/~1orders/get');
    expect(codesOf(path.join(dir, 'other/openapi.yaml'))).not.toContain('security-defined:error@/paths/~1orders/get');
    // A spec with no config above it uses the one of the working folder.
    const outside = writeFiles({ 'openapi.yaml': spec });
    expect(findLintConfig(path.join(outside, 'openapi.yaml'), path.join(dir, 'api')).file).toBe(path.join(dir, 'api/gatewright.config.yaml'));
  });

  test('compiler errors stay whatever the config says; compiler warnings and info follow it', () => {
    const dir = writeFiles({
      'openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a: {get: {operationId: same, security: [], responses: {'200': {description: ok}}}}
  /b: {get: {operationId: same, security: [], responses: {'200': {description: ok}}}}
`,
      'gatewright.config.yaml': 'lint:\n  rules:\n    operation-id-duplicate: off\n    integration-missing: off\n',
    });
    expect(codesOf(path.join(dir, 'openapi.yaml')).filter((c) => !c.startsWith('security-public-throttle') && !c.startsWith('operation-summary'))).toEqual([
      'operation-id-duplicate:error@/paths/~1b/get/operationId',
    ]);
  });

  test.each([
    ['an unknown rule, with a suggestion', 'lint: {rules: {operation-sumary: off}}\n', /lint\.rules\.operation-sumary: "operation-sumary" is neither a lint rule nor a compiler code.*Did you mean "operation-summary"\?/],
    ['an unknown severity', 'lint: {rules: {operation-summary: warn}}\n', /must be one of off, info, warning, error, not "warn"/],
    ['an unknown preset', 'lint: {extends: lenient}\n', /lint\.extends must be one of recommended, strict, all/],
    ['an unknown key', 'lint: {rule: {}}\n', /lint\.rule is not a lint setting.*Did you mean "rules"\?/],
    ['a pointer that is not one', "lint: {ignore: {openapi.yaml: {operation-summary: ['paths/x']}}}\n", /"paths\/x" is not a JSON pointer/],
    ['YAML that does not parse', 'lint: {rules: [\n', /is not valid YAML/],
  ])('a config with %s is a usage error (exit 2) that names the place', async (_name, config, message) => {
    const dir = writeFiles({ 'openapi.yaml': spec, 'gatewright.config.yaml': config });
    const result = await runCli(['lint', path.join(dir, 'openapi.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  test.each([
    [
      'gatewright.config.yaml',
      {
        given: { 'gatewright.config.yaml': 'lint:\n  extends: lenient\n  rules:\n    operation-sumary: off\n    operation-summary: warn\n  ignore:\n    openapi.yaml:\n      security-defined: [paths/x]\n' },
        want: [
          'gatewright: 4 problems in the lint config:',
          '  gatewright.config.yaml:2:12: lint.extends must be one of recommended, strict, all, not "lenient".',
          '  gatewright.config.yaml:4:5: lint.rules.operation-sumary: "operation-sumary" is neither a lint rule nor a compiler code (see docs/lint.md and docs/diagnostics.md). Did you mean "operation-summary"?',
          '  gatewright.config.yaml:5:24: lint.rules.operation-summary must be one of off, info, warning, error, not "warn".',
          `  gatewright.config.yaml:8:26: lint.ignore.openapi.yaml.security-defined: "paths/x" is not a JSON pointer; write it as '#/paths/~1orders/get'.`,
        ],
      },
    ],
    [
      'the gatewright key of package.json',
      {
        given: { 'package.json': '{\n  "name": "x",\n  "gatewright": {"lint": {"extends": "lenient", "rule": {}}}\n}\n' },
        want: [
          'gatewright: 2 problems in the lint config:',
          '  package.json:3:38: gatewright.lint.extends must be one of recommended, strict, all, not "lenient".',
          '  package.json:3:49: gatewright.lint.rule is not a lint setting; use extends, rules or ignore. Did you mean "rules"?',
        ],
      },
    ],
    [
      'YAML with several syntax errors',
      {
        given: { 'gatewright.config.yaml': 'lint:\n  rules: {a: b\n  extends: [strict\n' },
        want: /^gatewright: \d+ problems in the lint config:\n( {2}gatewright\.config\.yaml:\d+:\d+: This is not valid YAML: .+\n){2,}$/,
      },
    ],
  ])('every problem of a config in %s is reported at once, each with file:line:col', async (_name, { given, want }) => {
    const dir = writeFiles({ 'openapi.yaml': spec, ...given });
    const result = await runCli(['lint', 'openapi.yaml'], dir);
    expect(result.code).toBe(2);
    if (Array.isArray(want)) expect(result.stderr).toBe(want.join('\n') + '\n');
    else expect(result.stderr).toMatch(want);
  });

  test('--config names the config for every spec, wherever they are', async () => {
    const dir = writeFiles({ 'a/openapi.yaml': spec, 'b/openapi.yaml': spec, 'ci.yaml': 'lint: {rules: {security-defined: off}}\n' });
    const result = await runCli(['lint', path.join(dir, 'a/openapi.yaml'), path.join(dir, 'b/openapi.yaml'), '--config', path.join(dir, 'ci.yaml'), '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { errorCount: number; diagnostics: { spec: string; code: string }[] };
    expect(report.errorCount).toBe(0);
    expect(new Set(report.diagnostics.map((d) => path.basename(path.dirname(d.spec))))).toEqual(new Set(['a', 'b']));
    expect((await runCli(['lint', path.join(dir, 'a/openapi.yaml'), '--config', path.join(dir, 'nope.yaml')])).code).toBe(2);
  });

  test('loadLintConfig reads package.json files too', () => {
    const dir = writeFiles({ 'package.json': JSON.stringify({ gatewright: { lint: { extends: 'all' } } }) });
    expect(loadLintConfig(path.join(dir, 'package.json')).preset).toBe('all');
    expect(() => loadLintConfig(path.join(writeFiles({ 'package.json': '{}' }), 'package.json'))).toThrow(/has no "gatewright" key/);
  });
});

describe('the fixtures', () => {
  test.each(fixtures)('$spec has no lint errors under recommended', ({ spec: fixture }) => {
    const result = lint(path.join(repoRoot, fixture), { config: presetConfig('recommended') });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.origin?.pointer} ${d.message}`)).toEqual([]);
  });
});

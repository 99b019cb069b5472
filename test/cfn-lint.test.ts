import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixtures } from '../scripts/fixtures.mjs';
import { repoRoot } from './helpers/diagnostics.js';

/**
 * AWS's own linter (the Python cfn-lint, which runs the real SAM translator first) over every
 * committed template. It catches what no JSON schema can: the transform refusing a template.
 * The npm package of that name is years stale, so only the Python one is used, when installed.
 */
const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const available = cfnLint.status === 0;

// W3002: the CloudFormation target's local Code paths need `aws cloudformation package` (docs/targets.md).
const expected = new Set(['W3002']);

describe.skipIf(!available)(`cfn-lint ${available ? cfnLint.stdout.trim() : '(not installed: pip install cfn-lint)'}`, () => {
  const templates = fixtures.flatMap((f: { name: string }) => [`generated/${f.name}/template.yaml`, `generated/${f.name}/cloudformation/template.yaml`]);
  test('finds nothing in any generated template but the documented package step', () => {
    const run = spawnSync('cfn-lint', ['--format', 'parseable', ...templates], { cwd: repoRoot, encoding: 'utf8' });
    const findings = run.stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const [file = '', , , , , rule = '', ...message] = line.split(':');
        return `${path.normalize(file)} ${rule} ${message.join(':')}`;
      })
      .filter((finding) => !expected.has(finding.split(' ')[1] ?? ''));
    expect(findings).toEqual([]);
  }, 120_000);
});

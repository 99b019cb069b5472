import path from 'node:path';
import fs from 'node:fs';
import Ajv from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { compileSpec } from '../src/compile.js';
import { stackResourceLimit } from '../src/targets/aws/template/template-target.js';
import { checkTemplate, type Template } from './helpers/cfn-spec.js';
import { repoRoot } from './helpers/diagnostics.js';

// The GitHub REST API: about 1,200 operations, all on one default Lambda handler.
const github = path.join(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const samSchema = JSON.parse(fs.readFileSync(path.join(repoRoot, '../shared/schemas/sam.schema.json'), 'utf8')) as object;

describe.each(['sam', 'cloudformation'] as const)('the GitHub REST API as a %s template', (target) => {
  test('compiles to a valid template within the stack limits', () => {
    const result = compileSpec(github, { target, emit: ['template'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.api?.routes.length).toBeGreaterThan(1000);
    const file = result.files.find((f) => f.path === 'template.yaml');
    const template = parse(String(file?.contents), { version: '1.1' }) as Template;
    if (target === 'sam') {
      const validate = new Ajv({ strict: false }).compile(samSchema);
      expect(validate(template) ? [] : validate.errors).toEqual([]);
    }
    expect(checkTemplate(template)).toEqual([]);
    expect(Object.keys(template.Resources).length).toBeLessThanOrEqual(stackResourceLimit);
    // One function serves every route, so it is granted the whole API rather than 1,200 permissions.
    expect(result.diagnostics.map((d) => d.code)).toContain('template-permission-widened');
  });
});

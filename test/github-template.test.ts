import path from 'node:path';
import fs from 'node:fs';
import Ajv from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { compileSpec } from '../src/compile.js';
import { stackResources } from '../src/ir/apigateway-limits.js';
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
    expect(Object.keys(template.Resources).length).toBeLessThanOrEqual(stackResources);
    // One function serves every route, so it is granted the whole API rather than 1,200 permissions.
    expect(result.diagnostics.map((d) => d.code)).toContain('template-permission-widened');
    // The document moves to its own file, included so its intrinsics still resolve...
    expect(result.files.map((f) => f.path).sort()).toEqual(['api-definition.json', 'template.yaml']);
    expect(template.Resources['Api']?.Properties?.[target === 'sam' ? 'DefinitionBody' : 'Body']).toEqual({ 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 'api-definition.json' } } });
    // ...but the API is too large for one REST API and one stack, and the warnings say what to do.
    const said = (code: string): string => result.diagnostics.filter((d) => d.code === code).map((d) => d.message).join('\n');
    expect(said('apigw-limit-exceeded')).toMatch(/a REST API holds 300 .*split the spec into several APIs of at most 300 resources each/);
    expect(said('template-too-large')).toMatch(/CloudFormation will refuse this stack.*split the spec into at least \d+ APIs/);
  });
});

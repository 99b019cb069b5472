import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import { fixtures } from '../scripts/fixtures.mjs';
import { checkTemplate, type Template } from './helpers/cfn-spec.js';
import { unpublishedMetrics } from './helpers/cloudwatch-metrics.js';
import type { ApiKind } from '../src/ir/types.js';
import { compileTemplate } from './helpers/template.js';
import { repoRoot } from './helpers/diagnostics.js';

const samSchema = JSON.parse(fs.readFileSync(path.join(repoRoot, '../shared/schemas/sam.schema.json'), 'utf8')) as object;
const validateSam = new Ajv({ allErrors: true, strict: false }).compile(samSchema);

describe.each(fixtures)('template of $name', (fixture) => {
  const spec = path.join(repoRoot, fixture.spec);

  test('the SAM template validates against AWS SAM’s schema', () => {
    const { template } = compileTemplate(spec, 'sam');
    const valid = validateSam(template);
    expect(valid ? [] : validateSam.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
    expect(template).toHaveProperty('Transform', 'AWS::Serverless-2016-10-31');
  });

  test.each(['sam', 'cloudformation'] as const)('every resource of the %s template matches the CloudFormation resource specification', (target) => {
    const { template } = compileTemplate(spec, target);
    expect(checkTemplate(template)).toEqual([]);
  });

  test.each(['sam', 'cloudformation'] as const)('the alarms and dashboard of the %s template watch metrics API Gateway publishes', (target) => {
    const { template } = compileTemplate(spec, target);
    expect(unpublishedMetrics(template, apiKind(compileTemplate(spec, 'cloudformation').template))).toEqual([]);
  });

  test('the cloudformation template has no transform and no SAM resource', () => {
    const { template } = compileTemplate(spec, 'cloudformation');
    expect(template).not.toHaveProperty('Transform');
    expect(Object.values(template.Resources).filter((r) => r.Type.startsWith('AWS::Serverless::'))).toEqual([]);
  });
});

/** The kind of API a cloudformation template deploys. */
function apiKind(template: Template): ApiKind {
  const api = Object.values(template.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi' || r.Type === 'AWS::ApiGatewayV2::Api');
  if (api?.Type === 'AWS::ApiGateway::RestApi') return 'rest';
  return api?.Properties?.['ProtocolType'] === 'WEBSOCKET' ? 'websocket' : 'http';
}

// The metric check must refuse what API Gateway does not publish, or its passes above mean nothing.
describe('the published-metric check', () => {
  const alarm = (metric: string, dimensions: string[]): Template => ({
    Resources: { A: { Type: 'AWS::CloudWatch::Alarm', Properties: { Namespace: 'AWS/ApiGateway', MetricName: metric, Dimensions: dimensions.map((Name) => ({ Name, Value: 'x' })) } } },
  });
  test.each([
    ['an HTTP route by route key', { given: { kind: 'http', metric: '5xx', dimensions: ['ApiId', 'Stage', 'Route'] }, want: ['A: 5xx by ApiId, Stage, Route'] }],
    ['a WebSocket route by method and path', { given: { kind: 'websocket', metric: 'IntegrationError', dimensions: ['ApiId', 'Stage', 'Resource', 'Method'] }, want: ['A: IntegrationError by ApiId, Stage, Resource, Method'] }],
    ['a REST method by route key', { given: { kind: 'rest', metric: '5XXError', dimensions: ['ApiName', 'Stage', 'Route'] }, want: ['A: 5XXError by ApiName, Stage, Route'] }],
    ['a REST method by name, stage, path and method', { given: { kind: 'rest', metric: '5XXError', dimensions: ['ApiName', 'Stage', 'Resource', 'Method'] }, want: [] }],
    ['an HTTP route by id, stage, path and method', { given: { kind: 'http', metric: '5xx', dimensions: ['ApiId', 'Stage', 'Resource', 'Method'] }, want: [] }],
    ['a WebSocket route by id, stage and route key', { given: { kind: 'websocket', metric: 'IntegrationError', dimensions: ['ApiId', 'Stage', 'Route'] }, want: [] }],
  ] as const)('%s', (_name, { given, want }) => {
    expect(unpublishedMetrics(alarm(given.metric, [...given.dimensions]), given.kind)).toEqual(want);
  });
});

// The checker must catch what CloudFormation would refuse, or its passes above mean nothing.
describe('the resource specification check', () => {
  const role = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } };
  test.each([
    ['unknown type', { given: { Bad: { Type: 'AWS::ApiGateway::Nope' } }, want: 'Bad: unknown resource type AWS::ApiGateway::Nope' }],
    ['unknown property', { given: { R: { ...role, Properties: { ...role.Properties, Colour: 'red' } } }, want: 'R: unknown property Colour' }],
    ['missing required property', { given: { R: { Type: 'AWS::IAM::Role', Properties: {} } }, want: 'R: required property AssumeRolePolicyDocument is missing' }],
    ['wrong value type', { given: { G: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: '90' } } }, want: 'G.RetentionInDays: expected an integer, got "90"' }],
    ['wrong type in a nested structure', { given: { S: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'a', MethodSettings: [{ ThrottlingBurstLimit: true }] } } }, want: 'S.MethodSettings[0].ThrottlingBurstLimit: expected an integer, got true' }],
    ['Ref to nothing', { given: { P: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: { Ref: 'Missing' } } } }, want: 'P.RestApiId: Ref to unknown Missing' }],
    ['unknown attribute', { given: { G: { Type: 'AWS::Logs::LogGroup' }, R: { ...role, Properties: { ...role.Properties, Path: { 'Fn::GetAtt': ['G', 'Colour'] } } } }, want: 'R.Path: Fn::GetAtt of unknown G.Colour' }],
    ['Fn::Sub of nothing', { given: { R: { ...role, Properties: { ...role.Properties, Path: { 'Fn::Sub': '/${Nowhere}/' } } } }, want: 'R.Path: Fn::Sub names unknown ${Nowhere}' }],
  ])('refuses %s', (_name, { given, want }) => {
    expect(checkTemplate({ Resources: given as Template['Resources'] })).toContain(want);
  });

  test('accepts intrinsics where a value goes, and escaped ${! text in Fn::Sub', () => {
    const template = {
      Parameters: { Days: { Type: 'Number' } },
      Resources: { G: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: { Ref: 'Days' }, LogGroupName: { 'Fn::Sub': '${AWS::StackName}-${!literal}' } } } },
    };
    expect(checkTemplate(template)).toEqual([]);
  });
});

test('the SAM schema refuses a property SAM does not know', () => {
  const { template } = compileTemplate(path.join(repoRoot, 'fixtures/shop.yaml'), 'sam');
  const api = template.Resources['Api']!;
  const broken = { ...template, Resources: { ...template.Resources, Api: { ...api, Properties: { ...api.Properties, Colour: 'red' } } } };
  expect(validateSam(broken)).toBe(false);
});

// SAM's translator refuses Name and Description on an HttpApi whose inline DefinitionBody has an
// info.title / info.description (samtranslator's HttpApiGenerator `_add_title`/`_add_description`:
// "Unable to set Name because it is already defined within inline OpenAPI"). The JSON schema
// above cannot see this, so it is checked here for every HTTP API fixture.
describe.each(fixtures)('HttpApi of $name', (fixture) => {
  test('leaves Name and Description to the inline document', () => {
    const { template } = compileTemplate(path.join(repoRoot, fixture.spec), 'sam');
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::Serverless::HttpApi') continue;
      const properties = resource.Properties as Record<string, unknown>;
      const info = (properties.DefinitionBody as { info?: Record<string, unknown> }).info ?? {};
      expect({ id, Name: 'title' in info && 'Name' in properties, Description: 'description' in info && 'Description' in properties }).toEqual({ id, Name: false, Description: false });
    }
  });
});

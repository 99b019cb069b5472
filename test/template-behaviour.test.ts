import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { compileSpec } from '../src/compile.js';
import { maxPermissionsPerFunction } from '../src/targets/aws/template/units/permissions.js';
import { planTemplate } from '../src/targets/aws/template/template-target.js';
import { checkTemplate } from './helpers/cfn-spec.js';
import { unpublishedMetrics } from './helpers/cloudwatch-metrics.js';
import { repoRoot } from './helpers/diagnostics.js';
import { compileTemplate } from './helpers/template.js';
import { writeFiles } from './helpers/temp.js';

function specFile(spec: Record<string, unknown>): string {
  return path.join(writeFiles({ 'spec.yaml': stringify(spec) }), 'spec.yaml');
}

function restSpec(paths: Record<string, unknown>, xGateway: Record<string, unknown> = {}, info: Record<string, unknown> = {}): string {
  return specFile({ openapi: '3.0.3', info: { title: 'T', version: '1', ...info }, 'x-gateway': { kind: 'rest', ...xGateway }, paths });
}

const op = (id: string, handler = 'main', extra: Record<string, unknown> = {}) => ({ operationId: id, 'x-gateway': { lambda: { handler }, public: true, ...extra }, responses: { '200': { description: 'OK' } } });

/** Every string CloudFormation would read as an Fn::Sub template, anywhere in a value. */
function subTemplates(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(subTemplates);
  if (!value || typeof value !== 'object') return [];
  const sub = (value as Record<string, unknown>)['Fn::Sub'];
  const own = sub === undefined ? [] : [typeof sub === 'string' ? sub : String((sub as unknown[])[0])];
  return [...own, ...Object.values(value).flatMap(subTemplates)];
}

describe('spec text cannot change the template', () => {
  const hostile = '${AWS::AccountId} {{resolve:ssm:x}} !Ref Api\nResources:\n  Evil: {Type: AWS::IAM::User}';
  test.each(['sam', 'cloudformation'] as const)('%s: names, descriptions and variables stay string values', (target) => {
    const spec = restSpec(
      { '/items/{id}': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], get: op('getItem') } },
      { name: 'api ${Api} ${AWS::Region}', stages: { prod: { description: 'on', variables: { flag: 'yes', n: '0755' } } }, dashboard: true, alarms: { p99LatencyMs: 100 } },
      { title: 'T ${AWS::AccountId}', description: hostile.replace('{{resolve:ssm:x}} ', '') },
    );
    const { template, text } = compileTemplate(spec, target);
    expect(Object.values(template.Resources).map((r) => r.Type)).not.toContain('AWS::IAM::User');
    // Spec text reaches Fn::Sub templates only escaped: no template holds the name's or title's text.
    for (const sub of subTemplates(template)) expect(sub).not.toMatch(/api \$\{|T \$\{/);
    expect(JSON.stringify(template)).toContain(JSON.stringify('api ${Api} ${AWS::Region}'));
    expect(template.Description).toContain('T ${AWS::AccountId}');
    // YAML 1.1, as CloudFormation reads it: strings that look like booleans or octals stay strings.
    const stage = target === 'sam' ? template.Resources['Api']!.Properties!['Variables'] : template.Resources['ProdStage']!.Properties!['Variables'];
    expect(stage).toEqual({ flag: 'yes', n: '0755' });
    expect(checkTemplate(template)).toEqual([]);
  });
});

test('the same spec gives the same bytes', () => {
  const spec = path.join(repoRoot, 'fixtures/shop.yaml');
  const first = compileTemplate(spec, 'cloudformation').text;
  expect(compileTemplate(spec, 'cloudformation').text).toBe(first);
});

describe('deployments', () => {
  const deploymentIds = (spec: string): string[] => Object.entries(compileTemplate(spec, 'cloudformation').template.Resources).filter(([, r]) => r.Type === 'AWS::ApiGateway::Deployment').map(([id]) => id);
  test('a change to the API gives the deployment a new logical id, so CloudFormation redeploys', () => {
    const before = deploymentIds(restSpec({ '/a': { get: op('getA') } }));
    const same = deploymentIds(restSpec({ '/a': { get: op('getA') } }));
    const after = deploymentIds(restSpec({ '/a': { get: op('getA') } }, { minimumCompressionSize: 10 }));
    expect(before).toHaveLength(1);
    expect(same).toEqual(before);
    expect(after).not.toEqual(before);
  });
  test('every stage points at the deployment', () => {
    const { template } = compileTemplate(restSpec({ '/a': { get: op('getA') } }, { stages: { prod: {}, dev: {} } }), 'cloudformation');
    const stages = Object.values(template.Resources).filter((r) => r.Type === 'AWS::ApiGateway::Stage');
    expect(stages.map((s) => s.Properties!['StageName'])).toEqual(['prod', 'dev']);
    for (const stage of stages) expect((stage.Properties!['DeploymentId'] as { Ref: string }).Ref).toMatch(/^ApiDeployment[0-9a-f]{10}$/);
  });
});

describe('invoke permissions', () => {
  const permissions = (spec: string) => Object.values(compileTemplate(spec, 'cloudformation').template.Resources).filter((r) => r.Type === 'AWS::Lambda::Permission').map((r) => r.Properties!['SourceArn']);
  test('are scoped to each method and path, path parameters matching any segment', () => {
    const spec = restSpec({ '/orders/{id}': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], get: op('getOrder'), delete: op('cancelOrder') } });
    expect(permissions(spec)).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/orders/*' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/DELETE/orders/*' },
    ]);
  });
  test(`widen to the whole API past ${maxPermissionsPerFunction} routes on one function, with a note`, () => {
    const paths = Object.fromEntries(Array.from({ length: maxPermissionsPerFunction + 1 }, (_, i) => [`/r${i}`, { get: op(`get${i}`) }]));
    const spec = restSpec(paths);
    expect(permissions(spec)).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/*' }]);
    expect(compileSpec(spec, { target: 'cloudformation', emit: ['template'] }).diagnostics.map((d) => d.code)).toContain('template-permission-widened');
  });
});

test('a stack past 500 resources is an error that says what to do', () => {
  const paths = Object.fromEntries(Array.from({ length: 260 }, (_, i) => [`/r${i}`, { get: op(`get${i}`, `h${i}`) }]));
  const result = compileSpec(restSpec(paths), { target: 'cloudformation', emit: ['template'] });
  const error = result.diagnostics.find((d) => d.code === 'template-too-many-resources');
  expect(error?.severity).toBe('error');
  expect(error?.message).toMatch(/at most 500/);
  expect(result.files).toEqual([]);
});

test('access logging on REST sets the account CloudWatch role, which a parameter can opt out of', () => {
  const { template } = compileTemplate(restSpec({ '/a': { get: op('getA') } }, { stages: { prod: { logging: { access: 'json' } } } }), 'cloudformation');
  expect(template.Parameters?.['ApiGatewayCloudWatchRole']).toMatchObject({ Default: 'create', AllowedValues: ['create', 'existing'] });
  expect(template.Resources['ApiGatewayAccount']).toMatchObject({ Type: 'AWS::ApiGateway::Account', Condition: 'CreateApiGatewayCloudWatchRole', DeletionPolicy: 'Retain' });
  expect(template.Resources['Api']).toMatchObject({ DependsOn: 'ApiGatewayCloudWatchRoleReady' });
  const quiet = compileTemplate(restSpec({ '/a': { get: op('getA') } }), 'cloudformation').template;
  expect(quiet.Resources['ApiGatewayAccount']).toBeUndefined();
});

describe('a document too large to inline', () => {
  test.each(['sam', 'cloudformation'] as const)('%s: moves to api-definition.json, included with AWS::Include, and says why', (target) => {
    const api = compileSpec(restSpec({ '/a': { get: op('getA') } }), { emit: ['ir'] }).api!;
    const reported: string[] = [];
    const bigDocument = () => ({ openapi: '3.0.1', info: { title: 'big', version: '1' }, paths: {}, 'x-padding': 'x'.repeat(1_100_000) });
    const plan = planTemplate(api, target, { report: (d) => reported.push(d.code) }, bigDocument);
    const body = plan.template.Resources['Api']!.Properties![target === 'sam' ? 'DefinitionBody' : 'Body'];
    expect(body).toEqual({ 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 'api-definition.json' } } });
    expect(plan.files.map((f) => f.path)).toEqual(['api-definition.json']);
    expect(JSON.parse(String(plan.files[0]!.contents))).toEqual(bigDocument());
    expect(reported).toContain('template-too-large');
  });
});

// The dimension tables of "Amazon API Gateway dimensions and metrics" (REST: ApiName, Method,
// Resource, Stage) and "Monitor CloudWatch metrics for HTTP APIs in API Gateway" (HTTP: ApiId,
// Method, Resource, Stage, the route's path and method); older copies of the HTTP page said
// ApiId, Stage, Route, which no HTTP API metric carries.
describe('operation alarms watch the metrics of that one method or route', () => {
  const cases: [string, { given: 'rest' | 'http'; want: { metric: string; dimensions: { Name: string; Value: unknown }[] } }][] = [
    ['REST: by API name, stage, resource and method', { given: 'rest', want: { metric: '5XXError', dimensions: [{ Name: 'ApiName', Value: 'T' }, { Name: 'Stage', Value: 'prod' }, { Name: 'Resource', Value: '/orders/{id}' }, { Name: 'Method', Value: 'GET' }] } }],
    ['HTTP: by API id, stage, route path and method', { given: 'http', want: { metric: '5xx', dimensions: [{ Name: 'ApiId', Value: { Ref: 'Api' } }, { Name: 'Stage', Value: 'prod' }, { Name: 'Resource', Value: '/orders/{id}' }, { Name: 'Method', Value: 'GET' }] } }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    const spec = specFile({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      'x-gateway': { kind: given, stages: { prod: { metrics: true } } },
      paths: { '/orders/{id}': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], get: op('getOrder', 'main', { alarms: { serverErrorRate: 0.05 } }) } },
    });
    const { template, codes } = compileTemplate(spec, 'cloudformation');
    const alarms = Object.values(template.Resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm').map((r) => r.Properties!);
    expect(alarms.map((a) => [a['MetricName'], a['Dimensions'], a['Statistic']])).toEqual([[want.metric, want.dimensions, 'Average']]);
    expect(unpublishedMetrics(template, given)).toEqual([]);
    expect(codes).not.toContain('template-alarm-needs-metrics');
  });
});

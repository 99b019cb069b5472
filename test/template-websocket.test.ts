/**
 * What the templates of WebSocket APIs do: API keys and usage plans on `$connect`, route
 * models the gateway checks messages against, AWS service integrations, and alarms and the
 * dashboard on the metrics WebSocket APIs publish, for the whole API and per route.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { compileSpec } from '../src/compile.js';
import { checkTemplate, type Template } from './helpers/cfn-spec.js';
import { unpublishedMetrics, watchedMetrics } from './helpers/cloudwatch-metrics.js';
import { AjvDraft04 } from './helpers/apigw.js';
import { writeFiles } from './helpers/temp.js';
import { compileTemplate } from './helpers/template.js';

function webSocketSpec(xGateway: Record<string, unknown>, components: Record<string, unknown> = {}): string {
  const spec = { openapi: '3.1.0', info: { title: 'Sockets', version: '1' }, 'x-gateway': { kind: 'websocket', stages: { live: { logging: { access: 'json' } } }, ...xGateway }, paths: {}, components };
  return path.join(writeFiles({ 'spec.yaml': stringify(spec) }), 'spec.yaml');
}

const keyScheme = { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } };
const lambdaScheme = { token: { type: 'apiKey', in: 'query', name: 'token', 'x-gateway': { lambdaAuthorizer: { handler: 'auth', identitySources: ['query.token'] } } } };
const iamScheme = { iam: { type: 'apiKey', in: 'header', name: 'Authorization', 'x-gateway': { iam: true } } };

function resourcesOf(template: Template, type: string): Record<string, unknown>[] {
  return Object.values(template.Resources).filter((r) => r.Type === type).map((r) => r.Properties ?? {});
}

/** The `$connect` route as CloudFormation sees it: a Route resource, or SAM's `Routes` entry. */
function connectRoute(template: Template): Record<string, unknown> {
  const own = resourcesOf(template, 'AWS::ApiGatewayV2::Route').find((r) => r['RouteKey'] === '$connect');
  if (own) return own;
  const routes = template.Resources['Api']?.Properties?.['Routes'] as Record<string, Record<string, unknown>> | undefined;
  return routes?.['$connect'] ?? {};
}

function apiProperties(template: Template): Record<string, unknown> {
  return template.Resources['Api']?.Properties ?? {};
}

describe('API keys on $connect', () => {
  const cases: [string, { given: { security: Record<string, string[]>[]; schemes: Record<string, unknown>; apiKeySource?: string }; want: { required: boolean; selection?: string } }][] = [
    ['an API key alone, from the header', { given: { security: [{ key: [] }], schemes: keyScheme }, want: { required: true, selection: '$request.header.x-api-key' } }],
    ['IAM and an API key', { given: { security: [{ iam: [], key: [] }], schemes: { ...iamScheme, ...keyScheme } }, want: { required: true, selection: '$request.header.x-api-key' } }],
    ['a Lambda authorizer that returns the key', { given: { security: [{ token: [], key: [] }], schemes: { ...lambdaScheme, ...keyScheme }, apiKeySource: 'authorizer' }, want: { required: true, selection: '$context.authorizer.usageIdentifierKey' } }],
    ['a Lambda authorizer without a key', { given: { security: [{ token: [] }], schemes: lambdaScheme }, want: { required: false } }],
    [
      'a Lambda authorizer alone, keys from the authorizer',
      { given: { security: [{ token: [] }], schemes: lambdaScheme, apiKeySource: 'authorizer' }, want: { required: true, selection: '$context.authorizer.usageIdentifierKey' } },
    ],
    ['IAM alone, keys from the authorizer', { given: { security: [{ iam: [] }], schemes: iamScheme, apiKeySource: 'authorizer' }, want: { required: false } }],
  ];
  test.each(cases.flatMap(([name, c]) => (['sam', 'cloudformation'] as const).map((target) => [`${name} (${target})`, target, c] as const)))('%s', (_name, target, { given, want }) => {
    const spec = webSocketSpec(
      {
        ...(given.apiKeySource ? { apiKeySource: given.apiKeySource } : {}),
        usagePlans: { devices: { throttle: { rate: 5, burst: 10 }, apiKeys: ['fleet'] } },
        routes: { $connect: { lambda: { handler: 'connect' }, security: given.security }, $default: { lambda: { handler: 'messages' } } },
      },
      { securitySchemes: given.schemes },
    );
    const { template } = compileTemplate(spec, target);
    expect(connectRoute(template)['ApiKeyRequired'] ?? false).toBe(want.required);
    expect(apiProperties(template)['ApiKeySelectionExpression']).toBe(want.selection);
    // The plan meters the API's stage, and binds the key.
    const [plan] = resourcesOf(template, 'AWS::ApiGateway::UsagePlan');
    expect(plan?.['ApiStages']).toEqual([{ ApiId: { Ref: 'Api' }, Stage: target === 'sam' ? { Ref: 'Api.Stage' } : { Ref: 'LiveStage' } }]);
    expect(resourcesOf(template, 'AWS::ApiGateway::UsagePlanKey')).toHaveLength(1);
  });
});

describe('message models', () => {
  const spec = webSocketSpec(
    {
      routes: {
        $default: { lambda: { handler: 'messages' } },
        move: { lambda: { handler: 'messages' }, body: { $ref: '#/components/schemas/Move' } },
        chat: { lambda: { handler: 'messages' }, body: { type: 'object', required: ['action', 'text'], properties: { action: { const: 'chat' }, text: { type: 'string', maxLength: 5 } } }, validation: 'none' },
      },
    },
    {
      schemas: {
        Move: { type: 'object', required: ['action', 'to'], properties: { action: { const: 'move' }, to: { $ref: '#/components/schemas/Square' } } },
        Square: { type: 'string', pattern: '^[a-h][1-8]$' },
      },
    },
  );
  const draft04 = new AjvDraft04({ strict: false });

  test.each(['sam', 'cloudformation'] as const)('%s: the gateway checks a route’s messages against its body, with the schemas it names', (target) => {
    const { template } = compileTemplate(spec, target);
    const models = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Model');
    expect(models).toHaveLength(1);
    const [modelId, model] = models[0]!;
    const route = Object.values(template.Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties?.['RouteKey'] === 'move');
    expect(route?.['DependsOn']).toBe(modelId);
    expect(route?.Properties).toMatchObject({ ModelSelectionExpression: '$default', RequestModels: { $default: model.Properties?.['Name'] } });
    const check = draft04.compile(model.Properties?.['Schema'] as object);
    const messages: [unknown, boolean][] = [
      [{ action: 'move', to: 'e4' }, true],
      [{ action: 'move', to: 'z9' }, false],
      [{ action: 'move' }, false],
      [{ action: 'jump', to: 'e4' }, false],
    ];
    expect(messages.map(([message]) => check(message))).toEqual(messages.map(([, valid]) => valid));
  });

  test('validation: none leaves a route’s messages to the handler', () => {
    const { template } = compileTemplate(spec, 'cloudformation');
    const chat = resourcesOf(template, 'AWS::ApiGatewayV2::Route').find((r) => r['RouteKey'] === 'chat');
    expect(chat?.['RequestModels']).toBeUndefined();
  });
});

describe('AWS service integrations', () => {
  const spec = (aws: Record<string, unknown>, respond = false) =>
    webSocketSpec({ routes: { $default: { lambda: { handler: 'messages' } }, ship: { aws, respond } } });

  test.each(['sam', 'cloudformation'] as const)('%s: a route sends its messages to a queue with a role allowed only that', (target) => {
    const { template } = compileTemplate(spec({ service: 'sqs', action: 'SendMessage', resource: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders' }, true), target);
    const [integration] = resourcesOf(template, 'AWS::ApiGatewayV2::Integration').filter((i) => i['IntegrationType'] === 'AWS');
    expect(integration).toMatchObject({
      IntegrationMethod: 'POST',
      IntegrationUri: { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:action/SendMessage' },
      CredentialsArn: { 'Fn::GetAtt': ['ShipIntegrationRole', 'Arn'] },
      RequestTemplates: { $default: 'Action=SendMessage&QueueUrl=https%3A%2F%2Fsqs.eu-west-1.amazonaws.com%2F123456789012%2Forders&MessageBody=$util.urlEncode($input.body)' },
    });
    const role = template.Resources['ShipIntegrationRole']?.Properties as { Policies: { PolicyDocument: { Statement: unknown[] } }[] };
    expect(role.Policies[0]?.PolicyDocument.Statement).toEqual([{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders' }] }]);
    // A two-way route answers with the service's message id.
    const [response] = resourcesOf(template, 'AWS::ApiGatewayV2::IntegrationResponse');
    expect(JSON.stringify(response?.['ResponseTemplates'])).toContain('SendMessageResult.MessageId');
  });

  test('an action gatewright writes no template for says what to write', () => {
    const result = compileSpec(spec({ service: 'dynamodb', action: 'GetItem', resource: 'orders' }), { target: 'cloudformation', emit: ['template'] });
    const problem = result.diagnostics.find((d) => d.code === 'apigw-integration-unsupported');
    expect(problem?.message).toMatch(/requestTemplates/);
  });
});

describe('alarms on the metrics WebSocket APIs publish', () => {
  const published = new Set(['ConnectCount', 'MessageCount', 'IntegrationError', 'ClientError', 'ExecutionError', 'IntegrationLatency']);
  const cases: [string, { given: Record<string, number>; want: string[] }][] = [
    ['server errors', { given: { serverErrorRate: 0.05 }, want: ['IntegrationError', 'ExecutionError', 'ConnectCount', 'MessageCount'] }],
    ['client errors', { given: { clientErrorRate: 0.2 }, want: ['ClientError', 'ConnectCount', 'MessageCount'] }],
    ['latency', { given: { p99LatencyMs: 500 }, want: ['IntegrationLatency'] }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    const { template } = compileTemplate(webSocketSpec({ alarms: given, routes: { $default: { lambda: { handler: 'messages' } } } }), 'cloudformation');
    const [alarm] = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    const metrics = (alarm?.['Metrics'] as { MetricStat?: { Metric: { MetricName: string; Dimensions: unknown } } }[] | undefined)?.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : [])) ?? [
      { MetricName: alarm?.['MetricName'] as string, Dimensions: alarm?.['Dimensions'] },
    ];
    expect(metrics.map((m) => m.MetricName)).toEqual(want);
    for (const m of metrics) {
      expect(published).toContain(m.MetricName);
      expect(m.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: 'Api' } }, { Name: 'Stage', Value: 'live' }]);
    }
  });

  test('the error rate is 0, not missing, in a period without traffic', () => {
    const { template } = compileTemplate(webSocketSpec({ alarms: { serverErrorRate: 0.05 }, routes: { $default: { lambda: { handler: 'messages' } } } }), 'cloudformation');
    const [alarm] = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    const [expression] = (alarm?.['Metrics'] as { Expression?: string }[]).flatMap((m) => (m.Expression ? [m.Expression] : []));
    expect(expression).toMatch(/^IF\(FILL\(connects, 0\) \+ FILL\(messages, 0\) > 0, .+, 0\)$/);
  });
});

describe('route alarms watch the metrics of that one route', () => {
  const liveWithMetrics = { live: { logging: { access: 'json' }, metrics: true } };
  const routeDimensions = (routeKey: string): unknown[] => [{ Name: 'ApiId', Value: { Ref: 'Api' } }, { Name: 'Stage', Value: 'live' }, { Name: 'Route', Value: routeKey }];
  const cases: [string, { given: Record<string, number>; want: { metrics: string[]; statistic?: string } }][] = [
    ['server errors', { given: { serverErrorRate: 0.05 }, want: { metrics: ['IntegrationError', 'ExecutionError', 'ConnectCount', 'MessageCount'] } }],
    ['client errors', { given: { clientErrorRate: 0.2 }, want: { metrics: ['ClientError', 'ConnectCount', 'MessageCount'] } }],
    ['latency', { given: { p99LatencyMs: 500 }, want: { metrics: ['IntegrationLatency'], statistic: 'p99' } }],
  ];
  test.each(cases.flatMap(([name, c]) => (['sam', 'cloudformation'] as const).map((target) => [`${name} (${target})`, target, c] as const)))('%s', (_name, target, { given, want }) => {
    const spec = webSocketSpec({ stages: liveWithMetrics, routes: { $default: { lambda: { handler: 'messages' } }, sendMessage: { lambda: { handler: 'messages' }, alarms: given } } });
    const { template, codes } = compileTemplate(spec, target);
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    expect(alarms).toHaveLength(1);
    const watched = watchedMetrics(template).filter((m) => !m.where.startsWith('ApiDashboard'));
    expect(watched.map((m) => m.metric)).toEqual(want.metrics);
    for (const m of watched) expect(Object.entries(m.dimensions).map(([Name, Value]) => ({ Name, Value }))).toEqual(routeDimensions('sendMessage'));
    if (want.statistic) expect(alarms[0]?.['ExtendedStatistic']).toBe(want.statistic);
    expect(String(alarms[0]?.['AlarmDescription'])).toContain('route sendMessage');
    expect(unpublishedMetrics(template, 'websocket')).toEqual([]);
    expect(checkTemplate(template)).toEqual([]);
    expect(codes).not.toContain('template-alarm-needs-metrics');
  });

  test('$connect alarms count connections: the rate is over that route\'s ConnectCount and MessageCount', () => {
    const spec = webSocketSpec({ stages: liveWithMetrics, routes: { $connect: { lambda: { handler: 'connect' }, public: true, alarms: { serverErrorRate: 0.01 } } } });
    const { template } = compileTemplate(spec, 'cloudformation');
    const [alarm] = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    const stats = (alarm?.['Metrics'] as { Id: string; MetricStat?: { Metric: { Dimensions: unknown } } }[]).filter((m) => m.MetricStat);
    expect(stats.map((m) => m.Id)).toEqual(['integrationError', 'executionError', 'connects', 'messages']);
    for (const m of stats) expect(m.MetricStat?.Metric.Dimensions).toEqual(routeDimensions('$connect'));
  });

  test('without per-route metrics on the stage, the alarms are kept and the spec is told why they stay silent', () => {
    const spec = webSocketSpec({ routes: { $default: { lambda: { handler: 'messages' }, alarms: { p99LatencyMs: 500 } } } });
    const { template, codes } = compileTemplate(spec, 'cloudformation');
    expect(resourcesOf(template, 'AWS::CloudWatch::Alarm')).toHaveLength(1);
    expect(codes).toContain('template-alarm-needs-metrics');
  });

  test('the dashboard shows each route\'s latency and errors when the stage has per-route metrics', () => {
    const routes = { $connect: { lambda: { handler: 'connect' }, public: true }, sendMessage: { lambda: { handler: 'messages' } } };
    const withMetrics = compileTemplate(webSocketSpec({ dashboard: true, stages: liveWithMetrics, routes }), 'cloudformation').template;
    const perRoute = watchedMetrics(withMetrics).filter((m) => 'Route' in m.dimensions);
    expect(perRoute.map((m) => [m.where, m.metric, m.dimensions['Route']])).toEqual([
      ['ApiDashboard: p99 integration latency by route', 'IntegrationLatency', '$connect'],
      ['ApiDashboard: p99 integration latency by route', 'IntegrationLatency', 'sendMessage'],
      ['ApiDashboard: Errors by route', 'IntegrationError', '$connect'],
      ['ApiDashboard: Errors by route', 'ExecutionError', '$connect'],
      ['ApiDashboard: Errors by route', 'IntegrationError', 'sendMessage'],
      ['ApiDashboard: Errors by route', 'ExecutionError', 'sendMessage'],
    ]);
    expect(unpublishedMetrics(withMetrics, 'websocket')).toEqual([]);
    const withoutMetrics = compileTemplate(webSocketSpec({ dashboard: true, routes }), 'cloudformation').template;
    expect(watchedMetrics(withoutMetrics).filter((m) => 'Route' in m.dimensions)).toEqual([]);
  });
});

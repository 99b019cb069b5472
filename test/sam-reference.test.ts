/**
 * For the features AWS SAM's own translator tests cover, the cloudformation target must
 * emit what SAM emits for the equivalent SAM template: the same resources with the same
 * values on the properties that matter. Logical ids differ, so references are compared by
 * the type of resource they name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { Template } from './helpers/cfn-spec.js';
import { repoRoot } from './helpers/diagnostics.js';
import { writeFiles } from './helpers/temp.js';
import { compileTemplate } from './helpers/template.js';

const referenceDir = path.join(repoRoot, '../shared/reference/sam');

function samOutput(name: string): Template {
  return JSON.parse(fs.readFileSync(path.join(referenceDir, 'output', `${name}.json`), 'utf8')) as Template;
}

/** A small spec of the given kind: one Lambda operation (or route) plus the x-gateway settings under test. */
function specWith(kind: 'rest' | 'http' | 'websocket', xGateway: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const spec = {
    openapi: '3.0.3',
    info: { title: 'Reference', version: '1.0.0' },
    'x-gateway': { kind, ...xGateway },
    paths:
      kind === 'websocket'
        ? {}
        : { '/fetch': { post: { operationId: 'fetch', 'x-gateway': { lambda: { handler: 'fetch' }, public: true }, responses: { '200': { description: 'OK' } } } } },
    ...extra,
  };
  const dir = writeFiles({ 'spec.yaml': stringify(spec) });
  return path.join(dir, 'spec.yaml');
}

/** References by the type of resource they name, `Fn::Sub` variables inlined. */
function canonical(value: unknown, template: Template): unknown {
  const typeOf = (id: string): string => template.Resources[id]?.Type ?? id;
  const named = (text: string): string => text.replace(/\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}/g, (_m, id: string, attr: string | undefined) => `\${${typeOf(id)}${attr ?? ''}}`);
  if (Array.isArray(value)) return value.map((v) => canonical(v, template));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (typeof object['Ref'] === 'string') return { Ref: typeOf(object['Ref']) };
  const getAtt = object['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return { 'Fn::GetAtt': [typeOf(String(getAtt[0])), getAtt[1]] };
  const sub = object['Fn::Sub'];
  if (sub !== undefined) {
    const [text, variables] = typeof sub === 'string' ? [sub, {} as Record<string, unknown>] : (sub as [string, Record<string, unknown>]);
    const inlined = text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (m, name: string) => {
      const variable = variables[name];
      if (variable === undefined) return m;
      const c = canonical(variable, template) as Record<string, unknown>;
      if (c && typeof c === 'object' && 'Ref' in c) return `\${${String(c['Ref'])}}`;
      if (c && typeof c === 'object' && 'Fn::GetAtt' in c) return `\${${(c['Fn::GetAtt'] as string[]).join('.')}}`;
      return typeof c === 'string' ? c : m;
    });
    return { 'Fn::Sub': named(inlined) };
  }
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, canonical(v, template)]));
}

/**
 * The named properties of the one resource of `type` that `where` picks, in canonical form:
 * dotted paths (`AccessLogSetting.Format`), or `/`-separated ones for keys holding dots.
 */
function pick(template: Template, type: string, properties: readonly string[], where: (props: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  const found = Object.values(template.Resources).filter((r) => r.Type === type && where(r.Properties ?? {}));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  const props = found[0]!.Properties ?? {};
  const at = (property: string): unknown => (property.startsWith('/') ? property.slice(1).split('/') : property.split('.')).reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), props);
  return Object.fromEntries(properties.filter((p) => at(p) !== undefined).map((p) => [p, canonical(at(p), template)]));
}

interface Case {
  /** SAM's test pair, by file name. */
  readonly reference: string;
  /** The equivalent gatewright spec. */
  readonly spec: () => string;
  /** Resources to compare: type, the properties that matter, and which of SAM's resources of that type. */
  readonly compare: readonly { type: string; properties: readonly string[]; sam?: (props: Record<string, unknown>) => boolean }[];
}

const cases: [string, Case][] = [
  ['stage cache cluster', { reference: 'api_cache', spec: () => specWith('rest', { stages: { Prod: { cache: { sizeGb: 1.6 } } } }), compare: [{ type: 'AWS::ApiGateway::Stage', properties: ['StageName', 'CacheClusterEnabled', 'CacheClusterSize', 'RestApiId'], sam: (p) => (p['RestApiId'] as { Ref: string }).Ref === 'HtmlApi' }] }],
  ['X-Ray tracing', { reference: 'api_with_xray_tracing', spec: () => specWith('rest', { stages: { Prod: { tracing: true } } }), compare: [{ type: 'AWS::ApiGateway::Stage', properties: ['StageName', 'TracingEnabled'], sam: (p) => (p['RestApiId'] as { Ref: string }).Ref === 'HtmlApi' }] }],
  ['minimum compression size', { reference: 'api_with_minimum_compression_size', spec: () => specWith('rest', { minimumCompressionSize: 256 }), compare: [{ type: 'AWS::ApiGateway::RestApi', properties: ['MinimumCompressionSize'], sam: (p) => p['MinimumCompressionSize'] === 256 }] }],
  ['access log format', { reference: 'api_with_access_log_setting', spec: () => specWith('rest', { stages: { Prod: { logging: { access: '$context.requestId' } } } }), compare: [{ type: 'AWS::ApiGateway::Stage', properties: ['StageName', 'AccessLogSetting.Format'], sam: (p) => (p['RestApiId'] as { Ref: string }).Ref === 'ExplicitApi' }] }],
  [
    'execution logging and metrics',
    { reference: 'api_with_method_settings', spec: () => specWith('rest', { stages: { Prod: { logging: { level: 'INFO', dataTrace: true }, metrics: true } } }), compare: [{ type: 'AWS::ApiGateway::Stage', properties: ['StageName', 'MethodSettings'], sam: (p) => (p['RestApiId'] as { Ref: string }).Ref === 'ExplicitApi' }] },
  ],
  [
    'usage plan with throttle and quota, and its key',
    {
      reference: 'api_with_usageplans',
      spec: () => specWith('rest', { stages: { Prod: {} }, usagePlans: { SomeRandomName: { description: 'Description for usage plan', throttle: { rate: 1000, burst: 1000 }, quota: { limit: 10, offset: 10, period: 'MONTH' }, apiKeys: ['partner'] } } }),
      compare: [
        { type: 'AWS::ApiGateway::UsagePlan', properties: ['ApiStages', 'Description', 'Quota', 'Throttle'], sam: (p) => p['Description'] !== undefined },
        { type: 'AWS::ApiGateway::UsagePlanKey', properties: ['KeyId', 'KeyType', 'UsagePlanId'], sam: (p) => (p['UsagePlanId'] as { Ref: string }).Ref === 'MyApiTwoUsagePlan' },
        { type: 'AWS::ApiGateway::ApiKey', properties: ['Enabled'], sam: (p) => JSON.stringify(p).includes('MyApiTwo') },
      ],
    },
  ],
  [
    'edge custom domain with base path and Route 53 alias',
    {
      reference: 'api_with_custom_domain_route53',
      spec: () => specWith('rest', { endpoint: 'edge', stages: { Prod: {} }, domain: { name: 'example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc123', endpoint: 'edge', basePath: 'one', hostedZoneId: 'ZQ1UAL4EFZVME' } }),
      compare: [
        { type: 'AWS::ApiGateway::DomainName', properties: ['CertificateArn', 'DomainName', 'EndpointConfiguration'] },
        { type: 'AWS::ApiGateway::BasePathMapping', properties: ['BasePath', 'DomainName', 'RestApiId', 'Stage'] },
      ],
    },
  ],
  [
    'WebSocket $connect with a Lambda authorizer',
    {
      reference: 'websocket_api_with_lambda_auth',
      spec: () =>
        specWith(
          'websocket',
          { name: 'MyApi', routeSelectionExpression: '$request.body.action', stages: { default: {} }, routes: { $connect: { lambda: { handler: 'ConnectFunction' }, security: [{ token: [] }] } } },
          { components: { securitySchemes: { token: { type: 'apiKey', in: 'query', name: 'token', 'x-gateway': { lambdaAuthorizer: { handler: 'MyAuth' } } } } } },
        ),
      compare: [
        { type: 'AWS::ApiGatewayV2::Api', properties: ['Name', 'ProtocolType', 'RouteSelectionExpression'] },
        { type: 'AWS::ApiGatewayV2::Authorizer', properties: ['ApiId', 'AuthorizerType', 'AuthorizerUri'] },
        { type: 'AWS::ApiGatewayV2::Integration', properties: ['ApiId', 'IntegrationType', 'IntegrationUri'] },
        { type: 'AWS::ApiGatewayV2::Route', properties: ['ApiId', 'AuthorizationType', 'AuthorizerId', 'RouteKey', 'Target'] },
        { type: 'AWS::ApiGatewayV2::Stage', properties: ['ApiId', 'AutoDeploy', 'StageName'] },
      ],
    },
  ],
  [
    'HTTP API regional custom domain with a base path',
    {
      reference: 'http_api_with_custom_domains_regional',
      spec: () => specWith('http', { stages: { Prod: {} }, domain: { name: 'api.example.com', certificateArn: { parameter: 'MyDomainCert' }, basePath: 'get', hostedZoneId: { parameter: 'HostedZoneId' } } }),
      compare: [
        { type: 'AWS::ApiGatewayV2::DomainName', properties: ['DomainNameConfigurations'] },
        { type: 'AWS::ApiGatewayV2::ApiMapping', properties: ['ApiId', 'ApiMappingKey', 'DomainName', 'Stage'], sam: (p) => p['ApiMappingKey'] === 'get' },
      ],
    },
  ],
  [
    'HTTP API stage with variables and access logs',
    {
      reference: 'http_api_explicit_stage',
      spec: () => specWith('http', { stages: { Prod: { variables: { VarName: 'VarValue' }, logging: { access: '$context.requestId' } } } }),
      compare: [{ type: 'AWS::ApiGatewayV2::Stage', properties: ['ApiId', 'AutoDeploy', 'StageName', 'StageVariables', 'AccessLogSettings.Format'] }],
    },
  ],
  [
    'WebSocket stage with variables and an access log format',
    {
      reference: 'websocket_api_stage_config',
      spec: () => specWith('websocket', { name: 'MyApi', stages: { Prod: { variables: { var1: 'val1', var2: 'val2' }, logging: { access: '$context.requestId' } } }, routes: { $connect: { lambda: { handler: 'ConnectFunction' }, public: true } } }),
      compare: [{ type: 'AWS::ApiGatewayV2::Stage', properties: ['ApiId', 'AutoDeploy', 'StageName', 'StageVariables', 'AccessLogSettings.Format'] }],
    },
  ],
  [
    'WebSocket route throttling, execution logging and data trace',
    {
      reference: 'websocket_api_explicit_stage',
      spec: () =>
        specWith('websocket', {
          name: 'MyApi',
          stages: { Prod: { variables: { VarName: 'VarValue' }, logging: { access: '$context.requestId', level: 'INFO', dataTrace: true } } },
          routes: { $connect: { lambda: { handler: 'ConnectFunction' }, public: true }, $default: { lambda: { handler: 'ConnectFunction' }, throttle: { rate: 0.7, burst: 300 } } },
        }),
      compare: [
        {
          type: 'AWS::ApiGatewayV2::Stage',
          properties: ['StageName', 'StageVariables', 'AccessLogSettings.Format', ...['ThrottlingBurstLimit', 'ThrottlingRateLimit', 'LoggingLevel', 'DataTraceEnabled'].map((p) => `RouteSettings.$default.${p}`)],
        },
      ],
    },
  ],
  [
    'REST regional custom domain with a base path',
    {
      reference: 'api_with_custom_domains_regional',
      spec: () => specWith('rest', { stages: { Prod: {} }, domain: { name: 'api.example.com', certificateArn: { parameter: 'MyRestRegionalDomainCert' }, basePath: 'get', hostedZoneId: { parameter: 'HostedZoneId' } } }),
      compare: [
        { type: 'AWS::ApiGateway::DomainName', properties: ['RegionalCertificateArn', 'CertificateArn', 'EndpointConfiguration', 'SecurityPolicy'] },
        { type: 'AWS::ApiGateway::BasePathMapping', properties: ['BasePath', 'DomainName', 'RestApiId', 'Stage'], sam: (p) => p['BasePath'] === 'get' },
      ],
    },
  ],
  [
    'WebSocket regional custom domain with a base path',
    {
      reference: 'websocket_api_with_custom_domains_regional',
      spec: () =>
        specWith('websocket', {
          name: 'MyApi',
          stages: { Prod: {} },
          domain: { name: 'api.example.com', certificateArn: { parameter: 'MyDomainCert' }, basePath: 'get', hostedZoneId: { parameter: 'HostedZoneId' } },
          routes: { $connect: { lambda: { handler: 'MyFunction' }, public: true } },
        }),
      compare: [
        { type: 'AWS::ApiGatewayV2::DomainName', properties: ['DomainNameConfigurations'] },
        { type: 'AWS::ApiGatewayV2::ApiMapping', properties: ['ApiId', 'ApiMappingKey', 'DomainName', 'Stage'], sam: (p) => p['ApiMappingKey'] === 'get' },
      ],
    },
  ],
  [
    'gateway responses with status codes and static header values',
    {
      reference: 'api_with_gateway_responses_all',
      spec: () =>
        specWith('rest', {
          stages: { Prod: {} },
          gatewayResponses: {
            UNAUTHORIZED: { statusCode: 401, headers: { 'Access-Control-Expose-Headers': 'WWW-Authenticate', 'Access-Control-Allow-Origin': '*', 'WWW-Authenticate': 'Bearer realm="admin"' } },
            QUOTA_EXCEEDED: { statusCode: 429, headers: { 'Retry-After': '31536000' } },
          },
        }),
      compare: [
        {
          type: 'AWS::ApiGateway::RestApi',
          // SAM also writes an empty responseTemplates, and path and query string parameters x-gateway does not have.
          properties: [
            'Body.x-amazon-apigateway-gateway-responses.QUOTA_EXCEEDED.statusCode',
            'Body.x-amazon-apigateway-gateway-responses.QUOTA_EXCEEDED.responseParameters',
            'Body.x-amazon-apigateway-gateway-responses.UNAUTHORIZED.statusCode',
            ...['Access-Control-Expose-Headers', 'Access-Control-Allow-Origin', 'WWW-Authenticate'].map((h) => `/Body/x-amazon-apigateway-gateway-responses/UNAUTHORIZED/responseParameters/gatewayresponse.header.${h}`),
          ],
        },
      ],
    },
  ],
];

describe('the cloudformation target emits what SAM emits', () => {
  test.each(cases)('%s (%s)', (_name, { reference, spec, compare }) => {
    const sam = samOutput(reference);
    const ours = compileTemplate(spec(), 'cloudformation').template;
    for (const { type, properties, sam: where } of compare) {
      expect(pick(ours, type, properties), `${type} of ${reference}`).toEqual(pick(sam, type, properties, where));
    }
  });
});

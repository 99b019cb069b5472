/**
 * A REST API: `AWS::Serverless::Api` (SAM), or `RestApi` + `Deployment` + one `Stage` per
 * stage (CloudFormation). The API Gateway document goes inline, so its intrinsics resolve.
 */
import { createHash } from 'node:crypto';
import type { Route, Stage } from '../../../../ir/types.js';
import { deployValue, ref, type CfnValue } from '../../cfn.js';
import { primaryStage, separateStages, type UnitContext } from '../context.js';
import { accessLogSetting, cloudWatchRoleReady, needsAccountRole } from './logs.js';

export function addRestApi(ctx: UnitContext): void {
  let deployment: CfnValue;
  if (ctx.flavour === 'sam') {
    addSamApi(ctx);
    deployment = ref(`${ctx.names.api}.Deployment`);
  } else {
    deployment = ref(addCfnApi(ctx));
  }
  for (const stage of separateStages(ctx)) addCfnStage(ctx, stage, deployment);
}

/** Gateway-wide settings with a property of their own, set on the API resource as well as in the document. */
function apiProperties(ctx: UnitContext): Record<string, CfnValue> {
  const { gateway } = ctx.api;
  const endpointType = gateway.endpoint.toUpperCase();
  return {
    Name: ctx.api.name,
    ...(ctx.api.description ? { Description: ctx.api.description } : {}),
    ...(gateway.binaryMediaTypes.length > 0 ? { BinaryMediaTypes: [...gateway.binaryMediaTypes] } : {}),
    ...(gateway.minimumCompressionSize !== undefined ? { MinimumCompressionSize: gateway.minimumCompressionSize } : {}),
    ...(gateway.disableExecuteApiEndpoint ? { DisableExecuteApiEndpoint: true } : {}),
    ...(ctx.flavour === 'sam'
      ? { EndpointConfiguration: { Type: endpointType, ...(gateway.vpcEndpointIds.length > 0 ? { VPCEndpointIds: gateway.vpcEndpointIds.map(deployValue) } : {}) } }
      : { EndpointConfiguration: { Types: [endpointType], ...(gateway.vpcEndpointIds.length > 0 ? { VpcEndpointIds: gateway.vpcEndpointIds.map(deployValue) } : {}) } }),
  };
}

function addSamApi(ctx: UnitContext): void {
  const { gateway } = ctx.api;
  const stage = primaryStage(ctx.api);
  const settings = stageSettings(ctx, stage);
  ctx.template.add(ctx.names.api, {
    Type: 'AWS::Serverless::Api',
    ...(needsAccountRole(ctx) ? { DependsOn: cloudWatchRoleReady } : {}),
    Properties: {
      ...apiProperties(ctx),
      StageName: stage.name,
      // Without it, SAM also creates a stage named "Stage".
      OpenApiVersion: '3.0.1',
      DefinitionBody: ctx.document ?? {},
      ...(gateway.apiKeySource === 'AUTHORIZER' ? { ApiKeySourceType: 'AUTHORIZER' } : {}),
      ...(gateway.policy !== undefined ? { Policy: gateway.policy as CfnValue } : {}),
      ...(settings.Variables ? { Variables: settings.Variables } : {}),
      ...(settings.MethodSettings ? { MethodSettings: settings.MethodSettings } : {}),
      ...(settings.CacheClusterEnabled ? { CacheClusterEnabled: true, CacheClusterSize: settings.CacheClusterSize } : {}),
      ...(settings.TracingEnabled ? { TracingEnabled: true } : {}),
      ...(settings.AccessLogSetting ? { AccessLogSetting: settings.AccessLogSetting } : {}),
    },
  });
}

function addCfnApi(ctx: UnitContext): string {
  const { gateway } = ctx.api;
  const properties: Record<string, CfnValue> = {
    ...apiProperties(ctx),
    Body: ctx.document ?? {},
    ...(gateway.apiKeySource === 'AUTHORIZER' ? { ApiKeySourceType: 'AUTHORIZER' } : {}),
    ...(gateway.policy !== undefined ? { Policy: gateway.policy as CfnValue } : {}),
  };
  ctx.template.add(ctx.names.api, {
    Type: 'AWS::ApiGateway::RestApi',
    ...(needsAccountRole(ctx) ? { DependsOn: cloudWatchRoleReady } : {}),
    Properties: properties,
  });
  // A deployment is a snapshot: a new logical id whenever the API changes makes CloudFormation take a new one.
  return ctx.template.add(deploymentId(ctx, properties), {
    Type: 'AWS::ApiGateway::Deployment',
    Properties: { RestApiId: ref(ctx.names.api), Description: `${ctx.api.name} ${ctx.api.version}` },
  });
}

/** `ApiDeployment` plus a hash of everything the deployment snapshots. */
export function deploymentId(ctx: UnitContext, apiProperties: Readonly<Record<string, CfnValue>>): string {
  const hash = createHash('sha256').update(JSON.stringify(apiProperties)).digest('hex').slice(0, 10);
  return ctx.template.ids.fixed(`ApiDeployment${hash}`);
}

function addCfnStage(ctx: UnitContext, stage: Stage, deployment: CfnValue): void {
  const settings = stageSettings(ctx, stage);
  ctx.template.add(ctx.names.stage(stage.name), {
    Type: 'AWS::ApiGateway::Stage',
    Properties: {
      RestApiId: ref(ctx.names.api),
      DeploymentId: deployment,
      StageName: stage.name,
      ...(stage.description ? { Description: stage.description } : {}),
      ...settings,
    },
  });
}

interface StageSettings {
  Variables?: CfnValue;
  MethodSettings?: CfnValue[];
  CacheClusterEnabled?: boolean;
  CacheClusterSize?: string;
  TracingEnabled?: boolean;
  AccessLogSetting?: CfnValue;
}

/** What a stage configures, named as `AWS::ApiGateway::Stage` (and SAM, for its own stage) names it. */
function stageSettings(ctx: UnitContext, stage: Stage): StageSettings {
  const variables = Object.entries(stage.variables);
  const methodSettings = [allMethods(stage), ...ctx.api.routes.flatMap((route) => methodSetting(stage, route) ?? [])];
  const accessLog = accessLogSetting(ctx, stage);
  return {
    ...(variables.length > 0 ? { Variables: Object.fromEntries(variables) } : {}),
    MethodSettings: methodSettings,
    ...(stage.cache ? { CacheClusterEnabled: true, CacheClusterSize: String(stage.cache.sizeGb) } : {}),
    ...(stage.tracing ? { TracingEnabled: true } : {}),
    ...(accessLog ? { AccessLogSetting: accessLog } : {}),
  };
}

/** Stage-wide defaults: `/*` and `*` match every method. */
function allMethods(stage: Stage): CfnValue {
  return {
    ResourcePath: '/*',
    HttpMethod: '*',
    LoggingLevel: stage.executionLogLevel,
    DataTraceEnabled: stage.dataTrace,
    MetricsEnabled: stage.detailedMetrics,
    ...(stage.throttle ? { ThrottlingRateLimit: stage.throttle.rate, ThrottlingBurstLimit: stage.throttle.burst } : {}),
    ...(stage.cache ? { CachingEnabled: false, CacheTtlInSeconds: stage.cache.ttlS, CacheDataEncrypted: stage.cache.encrypted } : {}),
  };
}

/** A method's own throttle and cache, where it has one; caching only in stages with a cache cluster. */
function methodSetting(stage: Stage, route: Route): CfnValue | undefined {
  if (route.shadowedBy !== undefined) return undefined;
  const caching = route.cache && stage.cache ? route.cache : undefined;
  if (!route.throttle && !caching) return undefined;
  return {
    ResourcePath: methodSettingPath(route.gatewayPath),
    HttpMethod: route.method === 'ANY' ? '*' : route.method,
    ...(route.throttle ? { ThrottlingRateLimit: route.throttle.rate, ThrottlingBurstLimit: route.throttle.burst } : {}),
    ...(caching && stage.cache
      ? { CachingEnabled: true, CacheTtlInSeconds: caching.ttlS, CacheDataEncrypted: caching.encrypted || stage.cache.encrypted }
      : {}),
  };
}

/** Method settings name a resource with its slashes escaped: `/orders/{id}` is `/~1orders~1{id}`. */
export function methodSettingPath(path: string): string {
  return '/' + path.replace(/~/g, '~0').replace(/\//g, '~1');
}

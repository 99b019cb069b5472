/**
 * An HTTP API: `AWS::Serverless::HttpApi` (SAM) or `AWS::ApiGatewayV2::Api` with one
 * auto-deploying `Stage` per stage (CloudFormation). The document goes inline.
 */
import type { Stage } from '../../../../ir/types.js';
import { ref, type CfnValue } from '../../cfn.js';
import { primaryStage, separateStages, type UnitContext } from '../context.js';
import { accessLogSetting } from './logs.js';

export function addHttpApi(ctx: UnitContext): void {
  const { gateway } = ctx.api;
  if (ctx.flavour === 'sam') {
    const stage = primaryStage(ctx.api);
    const settings = v2StageSettings(ctx, stage);
    ctx.template.add(ctx.names.api, {
      Type: 'AWS::Serverless::HttpApi',
      // No Name or Description: the document's info carries them, and SAM refuses both when the inline body has them.
      Properties: {
        StageName: stage.name,
        DefinitionBody: ctx.document ?? {},
        ...(gateway.disableExecuteApiEndpoint ? { DisableExecuteApiEndpoint: true } : {}),
        FailOnWarnings: true,
        ...settings,
      },
    });
  } else {
    ctx.template.add(ctx.names.api, {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: {
        Name: ctx.api.name,
        ...(ctx.api.description ? { Description: ctx.api.description } : {}),
        Body: ctx.document ?? {},
        ...(gateway.disableExecuteApiEndpoint ? { DisableExecuteApiEndpoint: true } : {}),
        FailOnWarnings: true,
      },
    });
  }
  for (const stage of separateStages(ctx)) addV2Stage(ctx, stage);
}

/** A stage of an HTTP or WebSocket API; auto-deploy makes every change of the API live. */
export function addV2Stage(ctx: UnitContext, stage: Stage): void {
  ctx.template.add(ctx.names.stage(stage.name), {
    Type: 'AWS::ApiGatewayV2::Stage',
    Properties: {
      ApiId: ref(ctx.names.api),
      StageName: stage.name,
      AutoDeploy: true,
      ...(stage.description ? { Description: stage.description } : {}),
      ...v2StageSettings(ctx, stage),
    },
  });
}

/** Stage settings as `AWS::ApiGatewayV2::Stage` and SAM's HttpApi/WebSocketApi name them. */
export function v2StageSettings(ctx: UnitContext, stage: Stage): Record<string, CfnValue> {
  const variables = Object.entries(stage.variables);
  const accessLog = accessLogSetting(ctx, stage);
  const routeSettings = v2RouteSettings(ctx, stage);
  return {
    ...(variables.length > 0 ? { StageVariables: Object.fromEntries(variables) } : {}),
    ...(accessLog ? { AccessLogSettings: accessLog } : {}),
    DefaultRouteSettings: {
      DetailedMetricsEnabled: stage.detailedMetrics,
      ...(ctx.api.kind === 'websocket' ? { LoggingLevel: stage.executionLogLevel, DataTraceEnabled: stage.dataTrace } : {}),
      ...(stage.throttle ? { ThrottlingRateLimit: stage.throttle.rate, ThrottlingBurstLimit: stage.throttle.burst } : {}),
    },
    ...(Object.keys(routeSettings).length > 0 ? { RouteSettings: routeSettings } : {}),
  };
}

/** Per-route throttles, keyed by route key (`GET /notes`, `sendMessage`). */
function v2RouteSettings(ctx: UnitContext, stage: Stage): Record<string, CfnValue> {
  const out: Record<string, CfnValue> = {};
  const defaults = { DetailedMetricsEnabled: stage.detailedMetrics, ...(ctx.api.kind === 'websocket' ? { LoggingLevel: stage.executionLogLevel, DataTraceEnabled: stage.dataTrace } : {}) };
  for (const route of ctx.api.routes) {
    if (!route.throttle || route.shadowedBy !== undefined) continue;
    out[`${route.method} ${route.gatewayPath}`] = { ...defaults, ThrottlingRateLimit: route.throttle.rate, ThrottlingBurstLimit: route.throttle.burst };
  }
  for (const route of ctx.api.messageRoutes) {
    if (!route.throttle) continue;
    out[route.routeKey] = { ...defaults, ThrottlingRateLimit: route.throttle.rate, ThrottlingBurstLimit: route.throttle.burst };
  }
  return out;
}

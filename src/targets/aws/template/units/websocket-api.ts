/**
 * A WebSocket API: `AWS::Serverless::WebSocketApi` (SAM), or `AWS::ApiGatewayV2::Api` with
 * an `Integration` and a `Route` per route key (CloudFormation). WebSocket APIs have no
 * OpenAPI document; everything is a resource.
 *
 * SAM's `Routes` take one-way Lambda routes only, so two-way routes (which need a
 * `RouteResponse`) and HTTP or mock routes are plain resources in both flavours.
 */
import { diagnostic } from '../../../../diagnostics/codes.js';
import type { IdentitySource, LambdaAuthorizerScheme, MessageRoute, SecurityScheme } from '../../../../ir/types.js';
import { getAtt, ref, type CfnValue } from '../../cfn.js';
import { routeKeyArn } from '../arns.js';
import { primaryStage, separateStages, type UnitContext } from '../context.js';
import { lambdaInvokeUri } from '../references.js';
import { addV2Stage, v2StageSettings } from './http-api.js';
import { cloudWatchRoleReady, needsAccountRole } from './logs.js';

export function addWebSocketApi(ctx: UnitContext): void {
  const { api } = ctx;
  const connect = api.messageRoutes.find((r) => r.routeKey === '$connect');
  const auth = connect ? connectAuth(ctx, connect) : undefined;
  const samRoutes = ctx.flavour === 'sam' ? api.messageRoutes.filter(samRoute) : [];
  if (ctx.flavour === 'sam') {
    const stage = primaryStage(api);
    ctx.template.add(ctx.names.api, {
      Type: 'AWS::Serverless::WebSocketApi',
      ...(needsAccountRole(ctx) ? { DependsOn: cloudWatchRoleReady } : {}),
      Properties: {
        Name: api.name,
        ...(api.description ? { Description: api.description } : {}),
        RouteSelectionExpression: api.gateway.routeSelectionExpression ?? '$request.body.action',
        ...(api.gateway.disableExecuteApiEndpoint ? { DisableExecuteApiEndpoint: true } : {}),
        Routes: Object.fromEntries(samRoutes.map((r) => [r.routeKey, samRouteProperties(ctx, r)])),
        ...(auth && connect && samRoutes.includes(connect) ? { Auth: samAuth(ctx, auth) } : {}),
        StageName: stage.name,
        ...v2StageSettings(ctx, stage),
      },
    });
  } else {
    ctx.template.add(ctx.names.api, {
      Type: 'AWS::ApiGatewayV2::Api',
      ...(needsAccountRole(ctx) ? { DependsOn: cloudWatchRoleReady } : {}),
      Properties: {
        Name: api.name,
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: api.gateway.routeSelectionExpression ?? '$request.body.action',
        ...(api.description ? { Description: api.description } : {}),
        ...(api.gateway.disableExecuteApiEndpoint ? { DisableExecuteApiEndpoint: true } : {}),
      },
    });
  }
  const authorizerId = auth?.type === 'lambda' && !(connect && samRoutes.includes(connect)) ? addAuthorizer(ctx, auth) : undefined;
  for (const route of api.messageRoutes) {
    if (samRoutes.includes(route)) continue;
    addRoute(ctx, route, route === connect ? auth : undefined, authorizerId);
  }
  for (const stage of separateStages(ctx)) addV2Stage(ctx, stage);
}

/** Routes SAM's `Routes` property can express. */
function samRoute(route: MessageRoute): boolean {
  return route.integration.type === 'lambda' && !route.respond;
}

function samRouteProperties(ctx: UnitContext, route: MessageRoute): CfnValue {
  if (route.integration.type !== 'lambda') throw new Error('not a Lambda route');
  return {
    FunctionArn: getAtt(ctx.names.function(route.integration.handler), 'Arn'),
    IntegrationTimeout: Math.min(route.integration.timeoutMs, 29_000),
    OperationName: route.id,
  };
}

type ConnectAuth = { type: 'iam' } | LambdaAuthorizerScheme;

/** Only `$connect` is authorised on a WebSocket API: one IAM or Lambda authorizer scheme. */
function connectAuth(ctx: UnitContext, connect: MessageRoute): ConnectAuth | undefined {
  if (connect.security.public || connect.security.requirements.length === 0) return undefined;
  const schemes = connect.security.requirements.flat().map((use) => ctx.api.securitySchemes.find((s) => s.name === use.scheme));
  const usable = schemes.filter((s): s is SecurityScheme => s?.type === 'iam' || s?.type === 'lambda');
  const chosen = usable[0];
  if (connect.security.requirements.length > 1 || schemes.length !== 1 || !chosen) {
    ctx.template.report(
      diagnostic(
        'template-feature-unsupported',
        'A WebSocket $connect route takes exactly one IAM or Lambda authorizer scheme; list one scheme in its security.',
        connect.security.origin,
      ),
    );
  }
  if (!chosen) return undefined;
  return chosen.type === 'iam' ? { type: 'iam' } : (chosen as LambdaAuthorizerScheme);
}

function samAuth(ctx: UnitContext, auth: ConnectAuth): CfnValue {
  if (auth.type === 'iam') return { AuthType: 'AWS_IAM' };
  return { AuthType: 'CUSTOM', Name: auth.name, AuthArn: getAtt(ctx.names.function(auth.handler), 'Arn'), IdentitySource: auth.identitySources.map(identityExpression) };
}

function addAuthorizer(ctx: UnitContext, auth: LambdaAuthorizerScheme): string {
  return ctx.template.add(ctx.template.ids.get('Authorizer', auth.name), {
    Type: 'AWS::ApiGatewayV2::Authorizer',
    Properties: {
      ApiId: ref(ctx.names.api),
      Name: auth.name,
      AuthorizerType: 'REQUEST',
      AuthorizerUri: lambdaInvokeUri(ctx.names.function(auth.handler)),
      IdentitySource: auth.identitySources.map(identityExpression),
    },
  });
}

/** `query.token` is `route.request.querystring.token` on a WebSocket API. */
export function identityExpression(source: IdentitySource): string {
  switch (source.in) {
    case 'header':
      return `route.request.header.${source.name}`;
    case 'query':
      return `route.request.querystring.${source.name}`;
    case 'context':
      return `context.${source.name}`;
    case 'stageVariable':
      return `stageVariables.${source.name}`;
    case 'route':
      return `route.request.${source.name}`;
  }
}

function addRoute(ctx: UnitContext, route: MessageRoute, auth: ConnectAuth | undefined, authorizerId: string | undefined): void {
  const { template } = ctx;
  const integrationId = template.add(template.ids.get('Integration', route.id), { Type: 'AWS::ApiGatewayV2::Integration', Properties: integrationProperties(ctx, route) });
  const routeId = template.add(template.ids.get('Route', route.id), {
    Type: 'AWS::ApiGatewayV2::Route',
    Properties: {
      ApiId: ref(ctx.names.api),
      RouteKey: route.routeKey,
      OperationName: route.id,
      Target: { 'Fn::Join': ['/', ['integrations', ref(integrationId)]] },
      ...(auth?.type === 'iam' ? { AuthorizationType: 'AWS_IAM' } : {}),
      ...(auth?.type === 'lambda' && authorizerId ? { AuthorizationType: 'CUSTOM', AuthorizerId: ref(authorizerId) } : {}),
      ...(route.respond ? { RouteResponseSelectionExpression: '$default' } : {}),
    },
  });
  if (route.respond && route.integration.type === 'mock') {
    // A mock answers only through an integration response.
    const body = route.integration.body;
    template.add(template.ids.get('IntegrationResponse', route.id), {
      Type: 'AWS::ApiGatewayV2::IntegrationResponse',
      Properties: {
        ApiId: ref(ctx.names.api),
        IntegrationId: ref(integrationId),
        IntegrationResponseKey: '$default',
        ...(body !== undefined ? { ResponseTemplates: { $default: JSON.stringify(body) }, TemplateSelectionExpression: '$default' } : {}),
      },
    });
  }
  if (route.respond) {
    template.add(template.ids.get('RouteResponse', route.id), {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: ref(ctx.names.api), RouteId: ref(routeId), RouteResponseKey: '$default' },
    });
  }
  // SAM grants its own routes; these are ours.
  if (ctx.flavour === 'sam' && route.integration.type === 'lambda') {
    template.add(template.ids.get('Permission', `${route.integration.handler} ${route.id}`), {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: getAtt(ctx.names.function(route.integration.handler), 'Arn'),
        Principal: 'apigateway.amazonaws.com',
        SourceArn: routeKeyArn(ctx.names.api, route.routeKey),
      },
    });
  }
}

function integrationProperties(ctx: UnitContext, route: MessageRoute): Record<string, CfnValue> {
  const integration = route.integration;
  const common = { ApiId: ref(ctx.names.api) };
  switch (integration.type) {
    case 'lambda':
      return { ...common, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaInvokeUri(ctx.names.function(integration.handler)), TimeoutInMillis: Math.min(integration.timeoutMs, 29_000) };
    case 'http':
      return {
        ...common,
        IntegrationType: integration.proxy ? 'HTTP_PROXY' : 'HTTP',
        IntegrationUri: integration.uri,
        IntegrationMethod: integration.method === 'ANY' ? 'POST' : integration.method,
        TimeoutInMillis: Math.min(integration.timeoutMs, 29_000),
        ...(Object.keys(integration.requestParameters).length > 0 ? { RequestParameters: { ...integration.requestParameters } } : {}),
      };
    case 'mock':
      return { ...common, IntegrationType: 'MOCK', RequestTemplates: { $default: JSON.stringify({ statusCode: integration.statusCode }) }, TemplateSelectionExpression: '$default' };
    case 'aws':
      ctx.template.report(diagnostic('template-feature-unsupported', 'gatewright does not yet wire AWS service integrations on WebSocket routes; use a Lambda handler.', integration.origin));
      return { ...common, IntegrationType: 'MOCK' };
  }
}

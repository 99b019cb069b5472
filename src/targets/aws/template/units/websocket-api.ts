/**
 * A WebSocket API: `AWS::Serverless::WebSocketApi` (SAM), or `AWS::ApiGatewayV2::Api` with
 * an `Integration` and a `Route` per route key (CloudFormation). WebSocket APIs have no
 * OpenAPI document; everything is a resource.
 *
 * SAM's `Routes` take one-way Lambda routes only, so two-way routes (which need a
 * `RouteResponse`), routes with a request model (which must wait for the model), and HTTP,
 * mock or AWS service routes are plain resources in both flavours.
 */
import { diagnostic } from '../../../../diagnostics/codes.js';
import { integrationTimeoutMs } from '../../../../ir/apigateway-limits.js';
import type { IdentitySource, LambdaAuthorizerScheme, MessageRoute, SecurityScheme } from '../../../../ir/types.js';
import { refName, schemaOrigin } from '../../../../ir/schema.js';
import { lowerModelSchema, ModelNames, planServiceCall, schemaRefs, type ServiceCallText } from '../../../apigw-openapi/index.js';
import { pascal } from '../../logical-ids.js';
import { deployValue, getAtt, ref, type CfnResource, type CfnValue } from '../../cfn.js';
import { routeKeyArn } from '../arns.js';
import { primaryStage, separateStages, type UnitContext } from '../context.js';
import { lambdaInvokeUri, templateReferences } from '../references.js';
import { addV2Stage, v2StageSettings } from './http-api.js';
import { cloudWatchRoleReady, needsAccountRole } from './logs.js';

/** Where a WebSocket API reads the API key of a connection, by `apiKeySource`. */
const apiKeySelection = { HEADER: '$request.header.x-api-key', AUTHORIZER: '$context.authorizer.usageIdentifierKey' } as const;

/** The key of a route's only request model and template: every message is checked against it. */
const defaultKey = '$default';

export function addWebSocketApi(ctx: UnitContext): void {
  const { api } = ctx;
  const connect = api.messageRoutes.find((r) => r.routeKey === '$connect');
  const auth = connect ? connectAuth(ctx, connect) : undefined;
  const samRoutes = ctx.flavour === 'sam' ? api.messageRoutes.filter(samRoute) : [];
  const apiKeys = auth?.apiKey ? { ApiKeySelectionExpression: apiKeySelection[api.gateway.apiKeySource] } : {};
  if (ctx.flavour === 'sam') {
    const stage = primaryStage(api);
    ctx.template.add(ctx.names.api, {
      Type: 'AWS::Serverless::WebSocketApi',
      ...(needsAccountRole(ctx) ? { DependsOn: cloudWatchRoleReady } : {}),
      Properties: {
        Name: api.name,
        ...(api.description ? { Description: api.description } : {}),
        RouteSelectionExpression: api.gateway.routeSelectionExpression ?? '$request.body.action',
        ...apiKeys,
        ...(api.gateway.disableExecuteApiEndpoint ? { DisableExecuteApiEndpoint: true } : {}),
        Routes: Object.fromEntries(samRoutes.map((r) => [r.routeKey, samRouteProperties(ctx, r, r === connect ? auth : undefined)])),
        ...(auth?.authorizer && connect && samRoutes.includes(connect) ? { Auth: samAuth(ctx, auth.authorizer) } : {}),
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
        ...apiKeys,
        ...(api.description ? { Description: api.description } : {}),
        ...(api.gateway.disableExecuteApiEndpoint ? { DisableExecuteApiEndpoint: true } : {}),
      },
    });
  }
  const models = addModels(ctx);
  const authorizer = auth?.authorizer;
  const authorizerId = authorizer?.type === 'lambda' && !(connect && samRoutes.includes(connect)) ? addAuthorizer(ctx, authorizer) : undefined;
  for (const route of api.messageRoutes) {
    if (samRoutes.includes(route)) continue;
    addRoute(ctx, route, route === connect ? auth : undefined, authorizerId, models.get(route));
  }
  for (const stage of separateStages(ctx)) addV2Stage(ctx, stage);
}

/** Routes SAM's `Routes` property can express. */
function samRoute(route: MessageRoute): boolean {
  return route.integration.type === 'lambda' && !route.respond && !hasModel(route);
}

/** Whether the gateway checks the route's messages against a model. */
function hasModel(route: MessageRoute): boolean {
  return route.validation.body && route.body !== undefined;
}

function samRouteProperties(ctx: UnitContext, route: MessageRoute, auth: ConnectAuth | undefined): CfnValue {
  if (route.integration.type !== 'lambda') throw new Error('not a Lambda route');
  return {
    FunctionArn: getAtt(ctx.names.function(route.integration.handler), 'Arn'),
    IntegrationTimeout: Math.min(route.integration.timeoutMs, integrationTimeoutMs.websocket.value),
    OperationName: route.id,
    ...(auth?.apiKey ? { ApiKeyRequired: true } : {}),
  };
}

/** How `$connect` is authorized: by at most one IAM or Lambda authorizer scheme, and an API key. */
interface ConnectAuth {
  readonly authorizer?: { readonly type: 'iam' } | LambdaAuthorizerScheme;
  /** `MessageRoute.apiKeyRequired`: connecting takes a key, read as `apiKeySource` says. */
  readonly apiKey: boolean;
}

/** Only `$connect` is authorised on a WebSocket API: one IAM or Lambda authorizer scheme, and an API key scheme. */
function connectAuth(ctx: UnitContext, connect: MessageRoute): ConnectAuth | undefined {
  if (connect.security.public || connect.security.requirements.length === 0) return undefined;
  const schemes = connect.security.requirements.flat().map((use) => ctx.api.securitySchemes.find((s) => s.name === use.scheme));
  const authorizers = schemes.filter((s): s is SecurityScheme => s?.type === 'iam' || s?.type === 'lambda');
  const apiKeys = schemes.filter((s) => s?.type === 'apiKey');
  const chosen = authorizers[0];
  if (connect.security.requirements.length > 1 || authorizers.length > 1 || apiKeys.length > 1 || authorizers.length + apiKeys.length !== schemes.length) {
    ctx.template.report(
      diagnostic(
        'template-feature-unsupported',
        'A WebSocket $connect route takes at most one IAM or Lambda authorizer scheme and one API key scheme; list only those in its security.',
        connect.security.origin,
      ),
    );
  }
  if (!chosen && !connect.apiKeyRequired) return undefined;
  return {
    ...(chosen ? { authorizer: chosen.type === 'iam' ? { type: 'iam' as const } : (chosen as LambdaAuthorizerScheme) } : {}),
    apiKey: connect.apiKeyRequired,
  };
}

function samAuth(ctx: UnitContext, authorizer: NonNullable<ConnectAuth['authorizer']>): CfnValue {
  if (authorizer.type === 'iam') return { AuthType: 'AWS_IAM' };
  return { AuthType: 'CUSTOM', Name: authorizer.name, AuthArn: getAtt(ctx.names.function(authorizer.handler), 'Arn'), IdentitySource: authorizer.identitySources.map(identityExpression) };
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
  }
}

/** A route's request model: its name in the API and the logical id of its resource. */
interface RouteModel {
  readonly name: string;
  readonly id: string;
}

/**
 * One `AWS::ApiGatewayV2::Model` per route whose messages the gateway checks: the body
 * schema lowered to draft 4, with the schemas it refers to under `definitions` (a model of
 * a WebSocket API stands alone). API Gateway answers a message that fails the check with
 * an error and never calls the integration.
 */
function addModels(ctx: UnitContext): Map<MessageRoute, RouteModel> {
  const out = new Map<MessageRoute, RouteModel>();
  const checked = ctx.api.messageRoutes.filter(hasModel);
  if (checked.length === 0) return out;
  const names = new ModelNames(ctx.api.schemas.map((s) => s.name));
  const definitionRef = (irRef: string): string => `#/definitions/${names.of(refName(irRef))}`;
  const report = (code: 'apigw-schema-keyword-moved', message: string, origin: MessageRoute['origin']): void => ctx.template.report(diagnostic(code, message, origin));
  const lowered = new Map<string, CfnValue>();
  const lowerNamed = (irName: string): void => {
    const named = ctx.api.schemas.find((s) => s.name === irName);
    const model = names.of(irName);
    if (!named || lowered.has(model)) return;
    lowered.set(model, {});
    lowered.set(model, lowerModelSchema(named.schema, { what: `the model ${model}`, origin: named.origin, requests: true, modelRef: definitionRef, report }));
    for (const irRef of schemaRefs(named.schema)) lowerNamed(refName(irRef));
  };
  for (const route of checked) {
    const body = route.body;
    if (body === undefined) continue;
    const name = names.unique(`${pascal(route.id) || 'Route'}Body`);
    const lowerBody = lowerModelSchema(body, { what: `the message model of route ${route.routeKey}`, origin: schemaOrigin(route.origin, 'body'), requests: true, modelRef: definitionRef, report });
    for (const irRef of schemaRefs(body)) lowerNamed(refName(irRef));
    // A body that only names a schema is that schema: no `$ref` beside `definitions` at the root.
    const only = Object.keys(lowerBody).length === 1 && typeof lowerBody['$ref'] === 'string' ? lowered.get(lowerBody['$ref'].slice('#/definitions/'.length)) : undefined;
    const schema = only !== undefined && only !== null && typeof only === 'object' && !Array.isArray(only) ? (only as Record<string, CfnValue>) : lowerBody;
    const used = usedDefinitions(schema, lowered);
    const id = ctx.template.add(ctx.template.ids.get('Model', route.id), {
      Type: 'AWS::ApiGatewayV2::Model',
      Properties: {
        ApiId: ref(ctx.names.api),
        Name: name,
        ContentType: 'application/json',
        Schema: {
          $schema: 'http://json-schema.org/draft-04/schema#',
          ...schema,
          ...(used.length > 0 ? { definitions: Object.fromEntries(used.map((model) => [model, lowered.get(model) as CfnValue])) } : {}),
        },
      },
    });
    out.set(route, { name, id });
  }
  return out;
}

/** The definitions a schema reaches through `#/definitions/...` references, in name order. */
function usedDefinitions(schema: CfnValue, definitions: ReadonlyMap<string, CfnValue>): string[] {
  const found = new Set<string>();
  const walk = (value: CfnValue): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/definitions/')) {
          const model = child.slice('#/definitions/'.length);
          if (!found.has(model)) {
            found.add(model);
            const definition = definitions.get(model);
            if (definition !== undefined) walk(definition);
          }
        } else walk(child);
      }
    }
  };
  walk(schema);
  return [...found].sort();
}

function addRoute(ctx: UnitContext, route: MessageRoute, auth: ConnectAuth | undefined, authorizerId: string | undefined, model: RouteModel | undefined): void {
  const { template } = ctx;
  const integration = integrationProperties(ctx, route);
  const integrationId = template.add(template.ids.get('Integration', route.id), { Type: 'AWS::ApiGatewayV2::Integration', Properties: integration.properties });
  const routeResource: CfnResource = {
    Type: 'AWS::ApiGatewayV2::Route',
    ...(model ? { DependsOn: model.id } : {}),
    Properties: {
      ApiId: ref(ctx.names.api),
      RouteKey: route.routeKey,
      OperationName: route.id,
      Target: { 'Fn::Join': ['/', ['integrations', ref(integrationId)]] },
      ...(auth?.authorizer?.type === 'iam' ? { AuthorizationType: 'AWS_IAM' } : {}),
      ...(auth?.authorizer?.type === 'lambda' && authorizerId ? { AuthorizationType: 'CUSTOM', AuthorizerId: ref(authorizerId) } : {}),
      ...(auth?.apiKey ? { ApiKeyRequired: true } : {}),
      ...(model ? { ModelSelectionExpression: defaultKey, RequestModels: { [defaultKey]: model.name } } : {}),
      ...(route.respond ? { RouteResponseSelectionExpression: defaultKey } : {}),
    },
  };
  const routeId = template.add(template.ids.get('Route', route.id), routeResource);
  if (route.respond && integration.response !== undefined) {
    // Mocks and AWS services answer only through an integration response.
    const body = integration.response;
    template.add(template.ids.get('IntegrationResponse', route.id), {
      Type: 'AWS::ApiGatewayV2::IntegrationResponse',
      Properties: {
        ApiId: ref(ctx.names.api),
        IntegrationId: ref(integrationId),
        IntegrationResponseKey: defaultKey,
        ...(body !== null ? { ResponseTemplates: { [defaultKey]: body }, TemplateSelectionExpression: defaultKey } : {}),
      },
    });
  }
  if (route.respond) {
    template.add(template.ids.get('RouteResponse', route.id), {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: ref(ctx.names.api), RouteId: ref(routeId), RouteResponseKey: defaultKey },
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

interface PlannedIntegration {
  readonly properties: Record<string, CfnValue>;
  /**
   * For integrations that answer only through an integration response (mock, AWS
   * services): its response template, or null for the integration's answer as it is.
   */
  readonly response?: CfnValue | null;
}

function integrationProperties(ctx: UnitContext, route: MessageRoute): PlannedIntegration {
  const integration = route.integration;
  const common = { ApiId: ref(ctx.names.api) };
  switch (integration.type) {
    case 'lambda':
      return { properties: { ...common, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaInvokeUri(ctx.names.function(integration.handler)), TimeoutInMillis: Math.min(integration.timeoutMs, integrationTimeoutMs.websocket.value) } };
    case 'http':
      return {
        properties: {
          ...common,
          IntegrationType: integration.proxy ? 'HTTP_PROXY' : 'HTTP',
          IntegrationUri: integration.uri,
          IntegrationMethod: integration.method === 'ANY' ? 'POST' : integration.method,
          TimeoutInMillis: Math.min(integration.timeoutMs, integrationTimeoutMs.websocket.value),
          ...(Object.keys(integration.requestParameters).length > 0 ? { RequestParameters: { ...integration.requestParameters } } : {}),
        },
      };
    case 'mock':
      return {
        properties: { ...common, IntegrationType: 'MOCK', RequestTemplates: { [defaultKey]: JSON.stringify({ statusCode: integration.statusCode }) }, TemplateSelectionExpression: defaultKey },
        response: integration.body !== undefined ? JSON.stringify(integration.body) : null,
      };
    case 'aws':
      return awsIntegrationProperties(ctx, route, integration, common);
  }
}

/**
 * An AWS service integration: API Gateway calls the service with the role the template
 * creates (or the spec names), sending the message through the same request templates
 * REST APIs use; a two-way route answers with the response template.
 */
function awsIntegrationProperties(ctx: UnitContext, route: MessageRoute, integration: Extract<MessageRoute['integration'], { type: 'aws' }>, common: Record<string, CfnValue>): PlannedIntegration {
  const refs = templateReferences(ctx.api, ctx.names);
  const text: ServiceCallText = { join: joinText, deployValue, serviceUri: (service, kind, rest) => refs.awsServiceUri(service, kind, rest) };
  const planned = planServiceCall(text, { id: route.id, path: route.routeKey, gatewayPath: route.routeKey, parameters: [] }, integration);
  if (typeof planned === 'string') {
    ctx.template.report(diagnostic('apigw-integration-unsupported', planned, integration.origin));
    return { properties: { ...common, IntegrationType: 'MOCK' } };
  }
  const given = Object.keys(integration.requestTemplates).length > 0;
  const requestTemplate = given ? Object.values(integration.requestTemplates)[0] : planned.requestTemplates?.['application/json'];
  const responseTemplate = Object.values(integration.responseTemplates)[0] ?? planned.responseTemplates?.['application/json'];
  return {
    properties: {
      ...common,
      IntegrationType: 'AWS',
      IntegrationMethod: planned.httpMethod,
      IntegrationUri: planned.uri,
      CredentialsArn: refs.integrationRoleArn(route.id),
      ...(planned.requestParameters ? { RequestParameters: { ...planned.requestParameters } } : {}),
      ...(requestTemplate !== undefined ? { RequestTemplates: { [defaultKey]: requestTemplate }, TemplateSelectionExpression: defaultKey } : {}),
      TimeoutInMillis: Math.min(integration.timeoutMs, integrationTimeoutMs.websocket.value),
    },
    response: responseTemplate ?? null,
  };
}

/** Text with deploy-time values in it, as `Fn::Join` of literal text and references (never `Fn::Sub`). */
function joinText(parts: readonly CfnValue[]): CfnValue {
  const merged: CfnValue[] = [];
  const flat = parts.flatMap((part) => {
    const join = part !== null && typeof part === 'object' && !Array.isArray(part) ? (part as { 'Fn::Join'?: [string, CfnValue[]] })['Fn::Join'] : undefined;
    return join && join[0] === '' ? join[1] : [part];
  });
  for (const part of flat) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(part);
  }
  if (merged.length === 1 && typeof merged[0] === 'string') return merged[0];
  return { 'Fn::Join': ['', merged] };
}

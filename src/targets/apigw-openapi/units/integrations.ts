import { integrationTimeoutMs } from '../../../ir/apigateway-limits.js';
import type { HttpIntegration, LambdaIntegration, MockIntegration, Route } from '../../../ir/types.js';
import type { CfnValue } from '../../aws/cfn.js';
import { staticValue, velocityLiteralJson, type DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';
import { gatewayParameterName, type RoutedMethod } from '../routed-methods.js';
import { awsServiceIntegration } from './aws-service-integrations.js';
import { firstClassIntegration } from './first-class-integrations.js';
import { ensureResponse } from './methods.js';

/** REST APIs: longer integration timeouts need a quota increase, and edge-optimized APIs cannot have one. */
const restTimeoutMs = integrationTimeoutMs.rest.value;
/** HTTP APIs: a hard limit. */
const httpTimeoutMs = integrationTimeoutMs.http.value;

/** `x-amazon-apigateway-integration` on every method: what the gateway calls and how. */
export function addIntegrations(ctx: DocumentContext): void {
  for (const method of ctx.methods) {
    const op = ctx.draft.method(method.path, method.key);
    const integration = buildIntegration(ctx, method, op);
    if (integration) op['x-amazon-apigateway-integration'] = integration;
  }
}

function buildIntegration(ctx: DocumentContext, method: RoutedMethod, op: JsonObject): JsonObject | undefined {
  const { route } = method;
  const integration = route.integration;
  if (integration.type !== 'mock') checkTimeout(ctx, route, integration.timeoutMs, integration.origin);
  switch (integration.type) {
    case 'lambda':
      return lambdaIntegration(ctx, integration);
    case 'http':
      return httpIntegration(ctx, route, integration, op);
    case 'mock':
      return mockIntegration(ctx, integration, op);
    case 'aws':
      if (ctx.api.kind === 'http') return firstClassIntegration(ctx, route, integration);
      return awsServiceIntegration(ctx, method, integration, op);
  }
}

function lambdaIntegration(ctx: DocumentContext, integration: LambdaIntegration): JsonObject {
  const common = { type: 'aws_proxy', httpMethod: 'POST', uri: ctx.ref(ctx.refs.lambdaInvokeUri(integration.handler)) };
  if (ctx.api.kind === 'http') return { ...common, payloadFormatVersion: '2.0', timeoutInMillis: integration.timeoutMs };
  return { ...common, passthroughBehavior: 'when_no_match', timeoutInMillis: integration.timeoutMs };
}

function httpIntegration(ctx: DocumentContext, route: Route, integration: HttpIntegration, op: JsonObject): JsonObject | undefined {
  if (ctx.api.kind === 'http') {
    if (!integration.proxy) {
      ctx.report('apigw-integration-unsupported', 'HTTP APIs pass requests to HTTP backends unchanged (http_proxy); remove "proxy: false" or use kind: rest.', integration.origin);
      return undefined;
    }
    if (Object.keys(integration.requestParameters).length > 0) {
      ctx.report(
        'apigw-integration-unsupported',
        'HTTP APIs map request parameters with their own syntax, which gatewright does not generate; remove "requestParameters" or use kind: rest.',
        integration.origin,
      );
    }
    return { type: 'http_proxy', httpMethod: integration.method, uri: integration.uri, payloadFormatVersion: '1.0', timeoutInMillis: integration.timeoutMs };
  }
  const requestParameters: Record<string, string> = {};
  for (const name of uriParameters(integration.uri)) {
    const gatewayName = gatewayParameterName(route, name);
    if (gatewayName === undefined) {
      ctx.report(
        'apigw-integration-unsupported',
        `The integration URI uses {${name}}, which is not a whole path segment of ${route.path}, so the gateway cannot pass it on; use a parameter that fills a segment by itself.`,
        integration.origin,
      );
      continue;
    }
    requestParameters[`integration.request.path.${name}`] = `method.request.path.${gatewayName}`;
  }
  Object.assign(requestParameters, integration.requestParameters);
  const out: JsonObject = {
    type: integration.proxy ? 'http_proxy' : 'http',
    httpMethod: integration.method,
    uri: integration.uri,
    passthroughBehavior: 'when_no_match',
    ...(Object.keys(requestParameters).length > 0 ? { requestParameters: sortedRecord(requestParameters) } : {}),
    timeoutInMillis: integration.timeoutMs,
  };
  if (!integration.proxy) out['responses'] = mappedHttpResponses(route, op);
  return out;
}

function mockIntegration(ctx: DocumentContext, integration: MockIntegration, op: JsonObject): JsonObject | undefined {
  if (ctx.api.kind !== 'rest') {
    ctx.report('apigw-integration-unsupported', 'HTTP APIs have no mock integrations; answer from a Lambda handler, or use kind: rest.', integration.origin);
    return undefined;
  }
  const status = String(integration.statusCode);
  const responseParameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(integration.headers)) {
    const quoted = staticValue(value);
    if (quoted === undefined) {
      ctx.report('apigw-static-value-invalid', `The mock header "${name}" holds a single quote, which an API Gateway static value cannot hold; write the value without quotes (gatewright adds them) and without ' inside.`, integration.origin);
      continue;
    }
    responseParameters[`method.response.header.${name}`] = quoted;
  }
  ensureResponse(op, status, 'Answered by the gateway.', Object.keys(integration.headers));
  return {
    type: 'mock',
    requestTemplates: { 'application/json': velocityLiteralJson({ statusCode: integration.statusCode }) },
    passthroughBehavior: 'when_no_match',
    responses: {
      default: {
        statusCode: status,
        ...(Object.keys(responseParameters).length > 0 ? { responseParameters: sortedRecord(responseParameters) } : {}),
        // The body is spec text inside a Velocity template, written so that Velocity emits it unchanged.
        ...(integration.body !== undefined ? { responseTemplates: { 'application/json': velocityLiteralJson(integration.body) } } : {}),
      },
    },
  };
}

function checkTimeout(ctx: DocumentContext, route: Route, timeoutMs: number, origin: Route['origin']): void {
  if (ctx.api.kind === 'http' && timeoutMs > httpTimeoutMs) {
    ctx.report('apigw-integration-unsupported', `HTTP API integrations time out after at most ${httpTimeoutMs} ms, but ${route.method} ${route.path} asks for ${timeoutMs} ms; lower "timeoutMs".`, origin);
  }
  if (ctx.api.kind === 'rest' && timeoutMs > restTimeoutMs) {
    ctx.report(
      'apigw-limit-exceeded',
      `${route.method} ${route.path} asks for a ${timeoutMs} ms integration timeout; REST APIs allow ${restTimeoutMs} ms unless the account's quota is raised, and edge-optimized APIs cannot raise it. Request the quota increase or lower "timeoutMs".`,
      origin,
    );
  }
}

/**
 * A non-proxy HTTP integration answers through integration responses, chosen by the
 * backend's status (the selection pattern is matched against it): each 4XX and 5XX status the
 * spec declares maps to itself, any other 4XX to 400 and 5XX to 502, and everything else to
 * the success status. The body passes through. Method responses have concrete statuses
 * only, so a status the spec does not declare cannot pass through as it is, but an error
 * never becomes a success.
 */
function mappedHttpResponses(route: Route, op: JsonObject): JsonObject {
  const success = successStatus(route);
  ensureResponse(op, success, 'The backend’s response.');
  const responses: JsonObject = { default: { statusCode: success } };
  const declared = [...new Set(route.responses.map((r) => r.status).filter((status) => /^[45]\d\d$/.test(status)))];
  for (const status of declared) {
    ensureResponse(op, status, 'The backend’s response.');
    responses[status] = { statusCode: status };
  }
  for (const [first, status] of [['4', '400'], ['5', '502']] as const) {
    const own = declared.filter((d) => d.startsWith(first));
    ensureResponse(op, status, 'The backend’s response.');
    // The declared statuses are excluded, so that exactly one pattern matches each status.
    responses[`${own.length > 0 ? `(?!${own.join('|')})` : ''}${first}\\d{2}`] = { statusCode: status };
  }
  return responses;
}

/** `{name}` parameters of an integration URI; `${stageVariables.name}` is the gateway's own. */
export function uriParameters(uri: string): string[] {
  const names: string[] = [];
  for (const match of uri.matchAll(/(\$?)\{([^{}]+)\}/g)) {
    if (match[1] === '$') continue;
    const name = (match[2] as string).replace(/\+$/, '');
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The status of the route's first concrete 2XX response: what a non-proxy integration answers with on success. */
export function successStatus(route: Route): string {
  return route.responses.find((r) => /^2\d\d$/.test(r.status))?.status ?? '200';
}

export function sortedRecord<T extends CfnValue>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

import type { LambdaAuthorizerScheme, Route, SchemeUse } from '../../ir/types.js';
import type { DevApp } from '../app.js';
import type { Caller } from '../caller.js';
import { httpApiEvent } from '../events/http-v2.js';
import { lambdaContext } from '../events/lambda-context.js';
import { restProxyEvent } from '../events/rest-v1.js';
import { GatewayError } from '../gateway-responses.js';
import { invoke, type InvokeOutcome } from '../handlers.js';
import { devAccountId, devRegion } from '../ids.js';
import type { GatewayRequest } from '../request.js';
import { verifyCognito, verifyJwt } from './jwt.js';
import { runLambdaAuthorizer } from './lambda-authorizer.js';
import { verifySigV4 } from './sigv4.js';

export interface RouteRequest {
  readonly app: DevApp;
  readonly route: Route;
  readonly request: GatewayRequest;
  readonly pathParameters: Readonly<Record<string, string>>;
  /** The path after the stage, as sent. */
  readonly path: string;
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly receivedAt: number;
  readonly domainName: string;
}

/** The method ARN an authorizer's policy is checked against: `arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH`. */
export function methodArn(app: DevApp, method: string, path: string): string {
  return `arn:aws:execute-api:${devRegion}:${devAccountId}:${app.apiId}/${app.stage.name}/${method}${path === '/' ? '/' : path}`;
}

/**
 * Runs a route's auth as the gateway does: a usage plan's API key (read from `x-api-key`)
 * first, then the route's one authorizer (IAM, Lambda, JWT or Cognito), then the key the
 * Lambda authorizer supplied when the API reads keys from its authorizer.
 */
export async function authorize(rr: RouteRequest): Promise<Caller> {
  const { app, route, request } = rr;
  const caller: Caller = {};
  if (route.security.public) return caller;
  const uses = route.security.requirements[0] ?? [];
  const schemes = uses.map((use) => ({ use, scheme: app.api.securitySchemes.find((s) => s.name === use.scheme) }));
  const fromAuthorizer = app.api.gateway.apiKeySource === 'AUTHORIZER';
  if (route.apiKeyRequired && !fromAuthorizer) caller.apiKey = app.usagePlans.admit(request.header('x-api-key'), rr.receivedAt);
  let usageIdentifierKey: string | undefined;
  for (const { use, scheme } of schemes) {
    if (!scheme || scheme.type === 'apiKey') continue;
    switch (scheme.type) {
      case 'iam':
        caller.iam = await verifySigV4(request, app.iam, Date.now());
        break;
      case 'jwt':
        caller.authorizer = await verifyJwt(scheme, use, tokenKeysOf(app, scheme.name), request);
        break;
      case 'cognito':
        caller.authorizer = await verifyCognito(scheme, use, tokenKeysOf(app, scheme.name), request);
        break;
      case 'lambda': {
        const { usageIdentifierKey: key, ...authorizer } = await runLambdaAuthorizer(lambdaCall(rr, scheme, use), app.authorizerCache);
        caller.authorizer = authorizer;
        usageIdentifierKey = key;
        break;
      }
    }
  }
  // Without a Lambda authorizer in the route's security no key is ever supplied, and the gateway refuses the request.
  if (route.apiKeyRequired && fromAuthorizer) caller.apiKey = app.usagePlans.admit(usageIdentifierKey, rr.receivedAt, 'authorizer');
  return caller;
}

function tokenKeysOf(app: DevApp, scheme: string) {
  const keys = app.tokenKeys.get(scheme);
  if (!keys) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', undefined, {}, `no keys for ${scheme}`);
  return keys;
}

function lambdaCall(rr: RouteRequest, scheme: LambdaAuthorizerScheme, _use: SchemeUse) {
  const { app, route, request } = rr;
  const kind = app.api.kind;
  const resourceArn = methodArn(app, request.method, rr.path.split('/').map((s) => decodeURIComponentSafe(s)).join('/') || '/');
  return {
    kind,
    scheme,
    request,
    resourceArn,
    now: rr.receivedAt,
    requestEvent: (identityValues: readonly string[]): unknown => {
      if (kind === 'http' && scheme.payloadVersion === '2.0') {
        const event = httpApiEvent({ ...rr, stage: app.stage, apiId: app.apiId, base64Body: false, caller: {} });
        const { body: _body, isBase64Encoded: _b, version, ...rest } = event;
        return { version, type: 'REQUEST', routeArn: resourceArn, identitySource: [...identityValues], ...rest };
      }
      const event = restProxyEvent({ ...rr, stage: app.stage, apiId: app.apiId, base64Body: false, caller: {} });
      const { body: _body, isBase64Encoded: _b, ...rest } = event;
      return { type: 'REQUEST', methodArn: resourceArn, ...rest };
    },
    invoke: (event: unknown): Promise<InvokeOutcome> => invokeAuthorizer(app, scheme, event, rr.requestId),
    route,
  };
}

export function invokeAuthorizer(app: DevApp, scheme: LambdaAuthorizerScheme, event: unknown, requestId: string): Promise<InvokeOutcome> {
  const fn = app.handlers.functions.get(scheme.handler);
  const handler = app.api.handlers.find((h) => h.name === scheme.handler);
  if (!fn || !handler) return Promise.resolve({ error: new Error(`the authorizer handler "${scheme.handler}" is not loaded`) });
  // Authorizers have API Gateway's fixed 30-second limit as their integration timeout.
  return invoke(fn, event, lambdaContext(handler, app.api.name, requestId, Date.now()), 30_000);
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

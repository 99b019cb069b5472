// Copied by gatewright from its runtime; rewritten on every build, do not edit.
/**
 * The Lambda entry point of a Lambda authorizer: the token or the request's identity
 * sources in, the implementation's decision out, as an IAM policy (REST and WebSocket
 * APIs, HTTP APIs without simple responses) or as `{ isAuthorized, context }`.
 */
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent, APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult, APIGatewayTokenAuthorizerEvent, Context } from 'aws-lambda';
import { setOwn } from './parameters.js';
import type { AuthorizerSpec } from './spec.js';
import type { AuthorizerContext, AuthorizerContextValues, AuthorizerResult } from './types.js';

export type AuthorizerEvent = APIGatewayTokenAuthorizerEvent | APIGatewayRequestAuthorizerEvent | APIGatewayRequestAuthorizerEventV2;
export type AuthorizerAnswer = APIGatewayAuthorizerResult | APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContextValues>;

type Implementation = (request: unknown, context: AuthorizerContext<AuthorizerEvent>) => Promise<AuthorizerResult>;

export function authorizerHandler(implementation: unknown, spec: AuthorizerSpec): (event: AuthorizerEvent, lambda: Context) => Promise<AuthorizerAnswer> {
  return async (event, lambda) => {
    const arn = 'routeArn' in event ? event.routeArn : event.methodArn;
    const request = spec.kind === 'token' || event.type === 'TOKEN' ? tokenRequest(event, arn) : identityRequest(event, arn, spec);
    const result: AuthorizerResult = request === undefined ? { effect: 'unauthorized' } : await (implementation as Implementation)(request, { lambda, event });
    if (spec.simpleResponses) {
      return result.effect === 'allow' ? { isAuthorized: true, context: { ...result.context } } : { isAuthorized: false, context: {} };
    }
    // API Gateway's documented way to answer 401 from a Lambda authorizer.
    if (result.effect === 'unauthorized') throw new Error('Unauthorized');
    // A cached decision is reused for every method of the stage, so it must cover them all.
    const resource = spec.cached && result.effect === 'allow' ? stageWide(arn) : arn;
    return {
      principalId: result.principalId ?? 'anonymous',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: result.effect === 'allow' ? 'Allow' : 'Deny', Resource: resource }] },
      ...(result.context !== undefined ? { context: { ...result.context } } : {}),
      ...(result.effect === 'allow' && result.usageIdentifierKey !== undefined ? { usageIdentifierKey: result.usageIdentifierKey } : {}),
    };
  };
}

function tokenRequest(event: AuthorizerEvent, arn: string): { kind: 'token'; token: string; methodArn: string } | undefined {
  const token = event.type === 'TOKEN' ? event.authorizationToken : undefined;
  return token === undefined || token === '' ? undefined : { kind: 'token', token, methodArn: arn };
}

/** The request's headers and query; undefined when an identity source the spec names is missing. */
function identityRequest(event: AuthorizerEvent, arn: string, spec: AuthorizerSpec): object | undefined {
  if (event.type === 'TOKEN') return undefined;
  const sourceHeaders: Record<string, string | undefined> = event.headers ?? {};
  const query: Record<string, string | undefined> = { ...(event.queryStringParameters ?? {}) };
  const headers: Record<string, string | undefined> = {};
  const lower = new Map(Object.entries(sourceHeaders).map(([name, value]) => [name.toLowerCase(), value]));
  for (const [name, value] of Object.entries(sourceHeaders)) setOwn(headers, name.toLowerCase(), value);
  for (const name of spec.headers) {
    const value = lower.get(name.toLowerCase());
    if (value === undefined || value === '') return undefined;
    setOwn(headers, name, value);
  }
  for (const name of spec.query) if (query[name] === undefined || query[name] === '') return undefined;
  return { kind: 'request', headers, query, methodArn: arn };
}

/** `arn:...:api/stage/GET/orders` to `arn:...:api/stage/*`. */
function stageWide(arn: string): string {
  const [api, stage] = arn.split('/');
  return stage === undefined ? arn : `${api}/${stage}/*`;
}

import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Route, Stage } from '../../ir/types.js';
import type { Caller } from '../caller.js';
import { stringClaims } from '../caller.js';
import { clfTime, devAccountId } from '../ids.js';
import type { GatewayRequest } from '../request.js';
import { decodePathSegment } from '../request.js';

export interface RestEventInput {
  readonly request: GatewayRequest;
  readonly route: Route;
  readonly pathParameters: Readonly<Record<string, string>>;
  /** The request path after the stage, as sent. */
  readonly path: string;
  readonly stage: Stage;
  readonly apiId: string;
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly receivedAt: number;
  readonly domainName: string;
  /** The body goes to the handler base64-encoded (it matched a binary media type). */
  readonly base64Body: boolean;
  readonly caller: Caller;
}

/** The REST API Lambda proxy event (payload format 1.0), field for field as API Gateway builds it. */
export function restProxyEvent(input: RestEventInput): APIGatewayProxyEvent {
  const { request } = input;
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of request.rawHeaders) {
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, values] of request.query) {
    query[name] = values[values.length - 1] as string;
    multiQuery[name] = [...values];
  }
  const hasQuery = request.query.size > 0;
  const hasHeaders = request.rawHeaders.length > 0;
  const variables = input.stage.variables;
  return {
    resource: input.route.gatewayPath,
    path: decodedPath(input.path),
    httpMethod: request.method,
    headers: hasHeaders ? headers : (null as unknown as Record<string, string>),
    multiValueHeaders: hasHeaders ? multiValueHeaders : (null as unknown as Record<string, string[]>),
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: Object.keys(input.pathParameters).length > 0 ? { ...input.pathParameters } : null,
    stageVariables: Object.keys(variables).length > 0 ? { ...variables } : null,
    requestContext: {
      resourceId: resourceId(input.route.gatewayPath),
      resourcePath: input.route.gatewayPath,
      httpMethod: request.method,
      extendedRequestId: input.extendedRequestId,
      requestTime: clfTime(input.receivedAt),
      path: `/${input.stage.name}${decodedPath(input.path)}`,
      accountId: devAccountId,
      protocol: 'HTTP/1.1',
      stage: input.stage.name,
      domainPrefix: input.domainName.split('.')[0] as string,
      requestTimeEpoch: input.receivedAt,
      requestId: input.requestId,
      identity: restIdentity(request, input.caller),
      domainName: input.domainName,
      apiId: input.apiId,
      ...(restAuthorizer(input.caller) ? { authorizer: restAuthorizer(input.caller) } : {}),
    } as APIGatewayProxyEvent['requestContext'],
    body: request.body.length === 0 ? null : input.base64Body ? request.body.toString('base64') : request.body.toString('utf8'),
    isBase64Encoded: input.base64Body && request.body.length > 0,
  };
}

export function restIdentity(request: GatewayRequest, caller: Caller): APIGatewayProxyEvent['requestContext']['identity'] {
  const iam = caller.iam;
  return {
    cognitoIdentityPoolId: null,
    accountId: iam?.accountId ?? null,
    cognitoIdentityId: null,
    caller: iam?.userId ?? null,
    sourceIp: request.sourceIp,
    principalOrgId: null,
    accessKey: iam?.accessKey ?? null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: iam?.userArn ?? null,
    userAgent: request.header('user-agent') ?? null,
    user: iam?.userId ?? null,
    apiKey: caller.apiKey?.value ?? null,
    apiKeyId: caller.apiKey?.id ?? null,
    clientCert: null,
  };
}

/** What `requestContext.authorizer` holds on REST: a Lambda authorizer's context, or Cognito's claims. */
export function restAuthorizer(caller: Caller): Record<string, unknown> | undefined {
  const outcome = caller.authorizer;
  if (!outcome) return undefined;
  if (outcome.kind === 'lambda') {
    return { ...outcome.context, ...(outcome.principalId !== undefined ? { principalId: outcome.principalId } : {}), integrationLatency: outcome.latencyMs };
  }
  return { claims: stringClaims(outcome.claims) };
}

function decodedPath(path: string): string {
  const decoded = path.split('/').map(decodePathSegment).join('/');
  return decoded === '' ? '/' : decoded;
}

/** A stable six-character resource id per gateway path, like the gateway's. */
function resourceId(path: string): string {
  let hash = 0;
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(36).padStart(6, '0').slice(-6);
}

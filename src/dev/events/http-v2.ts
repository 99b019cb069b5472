import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Route, Stage } from '../../ir/types.js';
import type { Caller } from '../caller.js';
import { stringClaims } from '../caller.js';
import { clfTime, devAccountId } from '../ids.js';
import type { GatewayRequest } from '../request.js';
import { decodePathSegment } from '../request.js';

export interface HttpEventInput {
  readonly request: GatewayRequest;
  readonly route: Route;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly stage: Stage;
  readonly apiId: string;
  readonly requestId: string;
  readonly receivedAt: number;
  readonly domainName: string;
  readonly base64Body: boolean;
  readonly caller: Caller;
}

/** The route key of an HTTP API route: `GET /notes/{noteId}`. */
export function routeKey(route: Route): string {
  return `${route.method} ${route.gatewayPath}`;
}

/** The HTTP API Lambda event (payload format 2.0): lowercase headers, repeated values joined with commas, cookies apart. */
export function httpApiEvent(input: HttpEventInput): APIGatewayProxyEventV2 {
  const { request } = input;
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of request.lowerHeaders) {
    if (name === 'cookie') {
      cookies = values.flatMap((v) => v.split(';').map((c) => c.trim()).filter(Boolean));
      continue;
    }
    headers[name] = values.join(',');
  }
  const query: Record<string, string> = {};
  for (const [name, values] of request.query) query[name] = values.join(',');
  const authorizer = httpAuthorizer(input.caller);
  const rawPath = request.rawPath.split('/').map(decodePathSegment).join('/');
  return {
    version: '2.0',
    routeKey: routeKey(input.route),
    rawPath,
    rawQueryString: request.rawQuery,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(request.query.size > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: devAccountId,
      apiId: input.apiId,
      ...(authorizer ? { authorizer } : {}),
      domainName: input.domainName,
      domainPrefix: input.domainName.split('.')[0] as string,
      http: { method: request.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: request.sourceIp, userAgent: request.userAgent },
      requestId: input.requestId,
      routeKey: routeKey(input.route),
      stage: input.stage.name,
      time: clfTime(input.receivedAt),
      timeEpoch: input.receivedAt,
    } as APIGatewayProxyEventV2['requestContext'],
    ...(request.body.length > 0 ? { body: input.base64Body ? request.body.toString('base64') : request.body.toString('utf8') } : {}),
    ...(Object.keys(input.pathParameters).length > 0 ? { pathParameters: { ...input.pathParameters } } : {}),
    isBase64Encoded: input.base64Body && request.body.length > 0,
    ...(Object.keys(input.stage.variables).length > 0 ? { stageVariables: { ...input.stage.variables } } : {}),
  };
}

function httpAuthorizer(caller: Caller): Record<string, unknown> | undefined {
  const outcome = caller.authorizer;
  if (outcome?.kind === 'jwt') return { jwt: { claims: stringClaims(outcome.claims), scopes: outcome.scopes ? [...outcome.scopes] : null } };
  if (outcome?.kind === 'lambda') return { lambda: { ...outcome.context } };
  if (caller.iam) {
    const iam = caller.iam;
    return {
      iam: { accessKey: iam.accessKey, accountId: iam.accountId, callerId: iam.userId, cognitoIdentity: null, principalOrgId: null, userArn: iam.userArn, userId: iam.userId },
    };
  }
  return undefined;
}

/**
 * HTTP APIs pass text bodies as they are and everything else base64-encoded; form posts
 * and octet streams arrive encoded.
 */
export function isTextMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return true;
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/json' ||
    mediaType.endsWith('+json') ||
    mediaType === 'application/xml' ||
    mediaType.endsWith('+xml') ||
    mediaType === 'application/javascript'
  );
}

/**
 * API Gateway events as Lambda receives them, shaped after `@types/aws-lambda` and the
 * examples in AWS's documentation (REST proxy payload 1.0, HTTP API payload 2.0, WebSocket
 * route events, authorizer events). Every field a real event carries is present.
 */
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyWebsocketEventV2,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
  Context,
} from 'aws-lambda';

const accountId = '123456789012';
const apiId = '1234567890';

export interface RestRequest {
  readonly method: string;
  /** The API Gateway resource: the route's gateway path, e.g. `/orders/{orderId}`. */
  readonly resource: string;
  readonly path: string;
  readonly pathParameters?: Record<string, string>;
  /** Every value of every query parameter, decoded. */
  readonly query?: Record<string, string[]>;
  readonly headers?: Record<string, string | string[]>;
  readonly body?: string | Buffer;
  /** Send the body base64-encoded, as API Gateway does for binary media types. */
  readonly base64?: boolean;
  readonly authorizer?: Record<string, unknown>;
  readonly identity?: Partial<APIGatewayProxyEvent['requestContext']['identity']>;
}

/** A REST API Lambda proxy event (payload format 1.0). */
export function restEvent(request: RestRequest): APIGatewayProxyEvent {
  const multiValueHeaders: Record<string, string[]> = {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    multiValueHeaders[name] = values;
    headers[name] = values[values.length - 1] as string;
  }
  const query = request.query ?? {};
  const hasQuery = Object.keys(query).length > 0;
  const body = request.body === undefined ? null : request.base64 ? Buffer.from(request.body).toString('base64') : request.body.toString();
  return {
    resource: request.resource,
    path: request.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v[v.length - 1] as string])) : null,
    multiValueQueryStringParameters: hasQuery ? query : null,
    pathParameters: request.pathParameters ?? null,
    stageVariables: { backendHost: 'inventory.internal.example.com' },
    requestContext: {
      accountId,
      apiId,
      authorizer: request.authorizer,
      protocol: 'HTTP/1.1',
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '203.0.113.7',
        user: null,
        userAgent: 'test-agent/1.0',
        userArn: null,
        ...request.identity,
      },
      path: `/prod${request.path}`,
      stage: 'prod',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTimeEpoch: 1428582896000,
      resourceId: '123456',
      resourcePath: request.resource,
    },
    body,
    isBase64Encoded: request.base64 ?? false,
  };
}

export interface HttpRequest {
  readonly method: string;
  /** The route's gateway path; the route key is `<method> <path>`. */
  readonly route: string;
  readonly rawPath: string;
  readonly rawQueryString?: string;
  readonly pathParameters?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly cookies?: string[];
  readonly body?: string | Buffer;
  readonly base64?: boolean;
  readonly authorizer?: Record<string, unknown>;
}

/** An HTTP API event (payload format 2.0). */
export function httpEvent(request: HttpRequest): APIGatewayProxyEventV2 {
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey: `${request.method} ${request.route}`,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString ?? '',
    headers: Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    requestContext: {
      accountId,
      apiId,
      domainName: `${apiId}.execute-api.us-east-1.amazonaws.com`,
      domainPrefix: apiId,
      http: { method: request.method, path: request.rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'test-agent/1.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: `${request.method} ${request.route}`,
      stage: '$default',
      time: '10/Mar/2020:00:03:59 +0000',
      timeEpoch: 1583798639428,
      ...(request.authorizer ? { authorizer: request.authorizer } : {}),
    },
    isBase64Encoded: request.base64 ?? false,
  };
  if (request.cookies) event.cookies = request.cookies;
  if (request.rawQueryString) event.queryStringParameters = Object.fromEntries(new URLSearchParams(request.rawQueryString));
  if (request.pathParameters) event.pathParameters = request.pathParameters;
  if (request.body !== undefined) event.body = request.base64 ? Buffer.from(request.body).toString('base64') : request.body.toString();
  return event;
}

export interface WebSocketRequest {
  readonly routeKey: string;
  readonly eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
  readonly body?: string;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly authorizer?: Record<string, unknown>;
}

/** A WebSocket route event; `$connect` events carry the handshake's headers and query. */
export function webSocketEvent(request: WebSocketRequest): APIGatewayProxyWebsocketEventV2 {
  const event: APIGatewayProxyWebsocketEventV2 & { headers?: Record<string, string>; requestContext: { authorizer?: unknown } } = {
    requestContext: {
      routeKey: request.routeKey,
      messageId: 'Ij0vVcZaoAMCJ4Q=',
      eventType: request.eventType,
      extendedRequestId: 'Ij0vVGkqoAMFYbQ=',
      requestTime: '10/Mar/2020:00:03:59 +0000',
      messageDirection: 'IN',
      stage: 'prod',
      connectedAt: 1583798639000,
      requestTimeEpoch: 1583798639428,
      requestId: 'Ij0vVGkqoAMFYbQ=',
      domainName: `${apiId}.execute-api.us-east-1.amazonaws.com`,
      connectionId: 'Ij0vVdBpoAMCJ4Q=',
      apiId,
      ...(request.authorizer ? { authorizer: request.authorizer } : {}),
    },
    isBase64Encoded: false,
  };
  if (request.body !== undefined) event.body = request.body;
  if (request.query) event.queryStringParameters = request.query;
  if (request.headers) event.headers = request.headers;
  return event;
}

export function tokenAuthorizerEvent(token: string, methodArn = `arn:aws:execute-api:us-east-1:${accountId}:${apiId}/prod/GET/orders/ord_123`): APIGatewayTokenAuthorizerEvent {
  return { type: 'TOKEN', authorizationToken: token, methodArn };
}

export function requestAuthorizerEvent(headers: Record<string, string>, query: Record<string, string> = {}, methodArn = `arn:aws:execute-api:us-east-1:${accountId}:${apiId}/prod/$connect`): APIGatewayRequestAuthorizerEvent {
  const base = restEvent({ method: 'GET', resource: '/', path: '/', headers, query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])) });
  return {
    type: 'REQUEST',
    methodArn,
    resource: base.resource,
    path: base.path,
    httpMethod: base.httpMethod,
    headers: base.headers,
    multiValueHeaders: base.multiValueHeaders,
    pathParameters: base.pathParameters,
    queryStringParameters: base.queryStringParameters,
    multiValueQueryStringParameters: base.multiValueQueryStringParameters,
    stageVariables: base.stageVariables,
    requestContext: { ...base.requestContext, authorizer: undefined },
  };
}

export function requestAuthorizerEventV2(headers: Record<string, string>, route = 'GET /share/{token}'): APIGatewayRequestAuthorizerEventV2 {
  const base = httpEvent({ method: 'GET', route: route.split(' ')[1] as string, rawPath: '/share/abc', headers });
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:us-east-1:${accountId}:${apiId}/$default/GET/share/abc`,
    identitySource: Object.values(headers),
    routeKey: route,
    rawPath: base.rawPath,
    rawQueryString: '',
    cookies: [],
    headers: base.headers,
    requestContext: base.requestContext,
  };
}

/** A Lambda context as the runtime passes it. */
export function lambdaContext(functionName = 'test'): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:${accountId}:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2024/01/01/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

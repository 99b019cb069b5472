import type { Caller } from '../caller.js';
import { restAuthorizer, restIdentity } from './rest-v1.js';
import { clfTime, devAccountId } from '../ids.js';
import type { GatewayRequest } from '../request.js';

export interface ConnectionFacts {
  readonly connectionId: string;
  readonly connectedAt: number;
  /** The upgrade request: headers and query of the handshake. */
  readonly handshake: GatewayRequest;
  readonly caller: Caller;
  readonly apiId: string;
  readonly stage: string;
  readonly domainName: string;
}

export interface WebSocketEventInput {
  readonly connection: ConnectionFacts;
  readonly routeKey: string;
  readonly eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
  readonly requestId: string;
  readonly receivedAt: number;
  readonly messageId?: string;
  readonly body?: { readonly text: string; readonly base64: boolean };
  readonly disconnect?: { readonly statusCode: number; readonly reason: string };
}

/** A WebSocket API Lambda event: `$connect` and `$disconnect` carry the handshake's headers, messages their body. */
export function webSocketEvent(input: WebSocketEventInput): Record<string, unknown> {
  const { connection } = input;
  const authorizer = restAuthorizer(connection.caller);
  const requestContext: Record<string, unknown> = {
    routeKey: input.routeKey,
    ...(input.eventType === 'MESSAGE' ? { messageId: input.messageId ?? null } : {}),
    ...(input.eventType === 'DISCONNECT' ? { disconnectStatusCode: input.disconnect?.statusCode ?? null, disconnectReason: input.disconnect?.reason ?? '' } : {}),
    eventType: input.eventType,
    extendedRequestId: input.requestId,
    requestTime: clfTime(input.receivedAt),
    messageDirection: 'IN',
    stage: connection.stage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: input.receivedAt,
    identity: restIdentity(connection.handshake, {}),
    requestId: input.requestId,
    domainName: connection.domainName,
    connectionId: connection.connectionId,
    apiId: connection.apiId,
    accountId: devAccountId,
    ...(authorizer ? { authorizer } : {}),
  };
  if (input.eventType === 'MESSAGE') {
    return { requestContext, body: input.body?.text ?? '', isBase64Encoded: input.body?.base64 ?? false };
  }
  const handshake = connection.handshake;
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of handshake.rawHeaders) {
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const event: Record<string, unknown> = { headers, multiValueHeaders, requestContext, isBase64Encoded: false };
  if (input.eventType === 'CONNECT' && handshake.query.size > 0) {
    const query: Record<string, string> = {};
    const multi: Record<string, string[]> = {};
    for (const [name, values] of handshake.query) {
      query[name] = values[values.length - 1] as string;
      multi[name] = [...values];
    }
    event['queryStringParameters'] = query;
    event['multiValueQueryStringParameters'] = multi;
  }
  return event;
}

/** Reads the route key from a message with a selection expression like `$request.body.action`. */
export function selectRouteKey(expression: string, message: string): string | undefined {
  const m = /^\$request\.body\.(.+)$/.exec(expression);
  if (!m) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  for (const key of (m[1] as string).split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? value : undefined;
}

// Copied by gatewright from its runtime; rewritten on every build, do not edit.
/**
 * The Lambda entry point of a handler that serves WebSocket routes: it picks the route by
 * the event's route key, parses and checks the message body, and turns what the route
 * returns into the integration's answer (sent back to the client on two-way routes).
 */
import { Buffer } from 'node:buffer';
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { readAuth } from './auth.js';
import { badRequestBody, problemsFrom } from './problems.js';
import type { MessageRouteSpec } from './spec.js';
import type { MessageResult, WebSocketContext } from './types.js';

type Implementation = (request: unknown, context: WebSocketContext) => Promise<MessageResult<unknown> | void>;

export function webSocketHandler(
  implementations: object,
  routes: readonly MessageRouteSpec[],
): (event: APIGatewayProxyWebsocketEventV2, lambda: Context) => Promise<APIGatewayProxyResultV2> {
  const byKey = new Map(routes.map((route) => [route.routeKey, route]));
  return async (event, lambda) => {
    const requestContext = event.requestContext;
    // Messages whose route key has no route of this function go to its $default route, as the gateway would.
    const route = byKey.get(requestContext.routeKey) ?? byKey.get('$default');
    const answer = (statusCode: number, body: unknown) => ({ statusCode, body: JSON.stringify(body) });
    if (!route) return answer(404, { message: `No route of this function serves ${requestContext.routeKey}.` });
    const implementation = (implementations as { readonly [routeId: string]: unknown })[route.id] as Implementation | undefined;
    if (typeof implementation !== 'function') return answer(501, { message: `The handler does not implement ${route.id}.` });

    const text = event.body === undefined ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    let body: unknown = text;
    if (text !== undefined) {
      try {
        body = JSON.parse(text);
      } catch (error) {
        if (route.validate) return answer(400, badRequestBody([{ in: 'body', message: `is not valid JSON: ${(error as Error).message}` }]));
      }
    }
    if (route.validate && !route.validate(body)) return answer(400, badRequestBody(problemsFrom(route.validate.errors, 'body', undefined)));

    // $connect events carry the handshake's headers and query, which the event type leaves out.
    const loose = event as unknown as { headers?: Record<string, string | undefined>; queryStringParameters?: Record<string, string | undefined> };
    const request = {
      routeKey: route.routeKey,
      connectionId: requestContext.connectionId,
      body,
      headers: loose.headers ?? {},
      query: loose.queryStringParameters ?? {},
      auth: readAuth(route.security, requestContext as unknown as Parameters<typeof readAuth>[1]),
    };
    const context: WebSocketContext = {
      lambda,
      event,
      requestId: requestContext.requestId,
      stage: requestContext.stage,
      stageVariables: Object.fromEntries(Object.entries(event.stageVariables ?? {}).filter((e): e is [string, string] => e[1] !== undefined)),
      connectionId: requestContext.connectionId,
      callbackUrl: `https://${requestContext.domainName}/${requestContext.stage}`,
    };
    let result: MessageResult<unknown> | void;
    try {
      result = await implementation.call(implementations, request, context);
    } catch (error) {
      console.error(`${route.id} failed (request ${requestContext.requestId}):`, error);
      return answer(500, { message: 'Internal server error.', requestId: requestContext.requestId });
    }
    const statusCode = result?.status ?? 200;
    if (!route.respond || result?.body === undefined) return { statusCode };
    return { statusCode, body: typeof result.body === 'string' ? result.body : JSON.stringify(result.body) };
  };
}

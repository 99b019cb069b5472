import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createRequire } from 'node:module';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import type { MessageRoute } from '../ir/types.js';
import { accessLogLine } from './access-log.js';
import type { DevApp } from './app.js';
import { invokeAuthorizer, methodArn } from './auth/authorize.js';
import { runLambdaAuthorizer } from './auth/lambda-authorizer.js';
import { verifySigV4 } from './auth/sigv4.js';
import type { Caller } from './caller.js';
import { lambdaContext } from './events/lambda-context.js';
import { selectRouteKey, webSocketEvent, type ConnectionFacts } from './events/websocket.js';
import { GatewayError, renderGatewayError } from './gateway-responses.js';
import { invoke, type InvokeOutcome } from './handlers.js';
import { clfTime, newConnectionId, newExtendedRequestId, newRequestId } from './ids.js';
import { GatewayRequest } from './request.js';
import { pathAfterStage, verboseBlock, type DevRuntime } from './runtime.js';

interface Connection extends ConnectionFacts {
  readonly socket: WebSocket;
  lastActiveAt: number;
}

/**
 * The WebSocket side of the gateway: the handshake runs `$connect` (with its authorizer),
 * each message is routed by the route selection expression, closing runs `$disconnect`,
 * and `/{stage}/@connections/{id}` lets handlers post to, read and drop connections.
 */
export class WebSocketGateway {
  readonly #connections = new Map<string, Connection>();
  /** Made on the first upgrade: REST and HTTP APIs never need ws. */
  #server: WebSocketServer | undefined;
  get #wss(): WebSocketServer {
    if (!this.#server) {
      const { WebSocketServer: Server } = createRequire(import.meta.url)('ws') as typeof import('ws');
      this.#server = new Server({ noServer: true });
    }
    return this.#server;
  }

  constructor(private readonly runtime: DevRuntime) {}

  get connectionCount(): number {
    return this.#connections.size;
  }

  handlesHttp(req: IncomingMessage): boolean {
    const app = this.runtime.app;
    if (app.api.kind !== 'websocket') return false;
    return true;
  }

  /** The `@connections` management API; any other plain HTTP request to a WebSocket API is refused. */
  async serveManagement(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const app = this.runtime.app;
    const rawPath = (req.url ?? '/').split('?')[0] as string;
    const path = pathAfterStage(app, rawPath);
    const match = path === undefined ? null : /^\/@connections\/([^/]+)$/.exec(path);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (!match) {
      send(403, { message: 'Forbidden' });
      return;
    }
    const connection = this.#connections.get(decodeURIComponent(match[1] as string));
    if (!connection) {
      req.resume();
      send(410, { message: null }, { 'x-amzn-ErrorType': 'GoneException' });
      return;
    }
    switch (req.method) {
      case 'POST': {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const data = Buffer.concat(chunks);
        connection.socket.send(data, { binary: !isUtf8(data) });
        send(200, undefined);
        return;
      }
      case 'GET':
        send(200, {
          ConnectedAt: new Date(connection.connectedAt).toISOString(),
          Identity: { SourceIp: connection.handshake.sourceIp, UserAgent: connection.handshake.userAgent },
          LastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        });
        return;
      case 'DELETE':
        connection.socket.close(1000, 'Going away');
        res.writeHead(204);
        res.end();
        return;
      default:
        send(403, { message: 'Forbidden' });
    }
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    void this.#connect(req, socket, head).catch((error: unknown) => {
      this.runtime.log(`gatewright dev: internal error on a WebSocket handshake: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      refuse(socket, 500, { message: 'Internal server error' });
    });
  }

  async #connect(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const app = this.runtime.app;
    const receivedAt = Date.now();
    const requestId = newExtendedRequestId();
    const handshake = GatewayRequest.fromHead(req);
    if (app.api.kind !== 'websocket' || pathAfterStage(app, handshake.rawPath) !== '/') {
      refuse(socket, 403, { message: 'Forbidden' });
      return;
    }
    const connectionId = newConnectionId();
    const facts: ConnectionFacts = { connectionId, connectedAt: receivedAt, handshake, caller: {}, apiId: app.apiId, stage: app.stage.name, domainName: req.headers.host ?? '127.0.0.1' };
    const route = app.api.messageRoutes.find((r) => r.routeKey === '$connect');
    let caller: Caller = {};
    let status = 200;
    let problem: GatewayError | undefined;
    try {
      if (route) caller = await this.#authorizeConnect(app, route, handshake, facts, requestId, receivedAt);
      const withCaller = { ...facts, caller };
      if (route) {
        const outcome = await this.#call(app, route, webSocketEvent({ connection: withCaller, routeKey: '$connect', eventType: 'CONNECT', requestId, receivedAt }), requestId);
        status = connectStatus(outcome);
      }
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      problem = error;
    }
    this.#logEvent(app, { ...facts, caller }, '$connect', 'CONNECT', requestId, receivedAt, problem ? renderError(app, problem, requestId).status : status, problem);
    if (problem) {
      const rendered = renderError(app, problem, requestId);
      refuse(socket, rendered.status, JSON.parse(rendered.body.toString('utf8')) as unknown);
      return;
    }
    if (status < 200 || status > 299) {
      refuse(socket, status, undefined);
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      const connection: Connection = { ...facts, caller, socket: ws, lastActiveAt: Date.now() };
      this.#connections.set(connectionId, connection);
      ws.on('message', (data, isBinary) => void this.#message(connection, data, isBinary));
      ws.on('close', (code, reason) => void this.#disconnect(connection, code, reason.toString('utf8')));
    });
  }

  async #authorizeConnect(app: DevApp, route: MessageRoute, handshake: GatewayRequest, facts: ConnectionFacts, requestId: string, receivedAt: number): Promise<Caller> {
    if (route.security.public) return {};
    const caller: Caller = {};
    const fromAuthorizer = app.api.gateway.apiKeySource === 'AUTHORIZER';
    if (route.apiKeyRequired && !fromAuthorizer) caller.apiKey = app.usagePlans.admit(handshake.header('x-api-key'), receivedAt);
    let usageIdentifierKey: string | undefined;
    for (const use of route.security.requirements[0] ?? []) {
      const scheme = app.api.securitySchemes.find((s) => s.name === use.scheme);
      if (scheme?.type === 'iam') caller.iam = await verifySigV4(handshake, app.iam, Date.now());
      if (scheme?.type === 'lambda') {
        const outcome = await runLambdaAuthorizer(
          {
            kind: 'websocket',
            scheme,
            request: handshake,
            resourceArn: methodArn(app, '$connect', ''),
            now: receivedAt,
            requestEvent: (): unknown => {
              const event = webSocketEvent({ connection: facts, routeKey: '$connect', eventType: 'CONNECT', requestId, receivedAt });
              return { type: 'REQUEST', methodArn: methodArn(app, '$connect', ''), ...event };
            },
            invoke: (event: unknown): Promise<InvokeOutcome> => invokeAuthorizer(app, scheme, event, requestId),
          },
          app.authorizerCache,
        );
        const { usageIdentifierKey: key, ...authorizer } = outcome;
        caller.authorizer = authorizer;
        usageIdentifierKey = key;
      }
    }
    if (route.apiKeyRequired && fromAuthorizer) caller.apiKey = app.usagePlans.admit(usageIdentifierKey, receivedAt, 'authorizer');
    return caller;
  }

  async #message(connection: Connection, data: RawData, isBinary: boolean): Promise<void> {
    const app = this.runtime.app;
    const receivedAt = Date.now();
    connection.lastActiveAt = receivedAt;
    const requestId = newExtendedRequestId();
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    const text = isBinary ? bytes.toString('base64') : bytes.toString('utf8');
    const expression = app.api.gateway.routeSelectionExpression ?? '$request.body.action';
    const selected = isBinary ? undefined : selectRouteKey(expression, text);
    const route =
      app.api.messageRoutes.find((r) => r.routeKey === selected && !r.routeKey.startsWith('$')) ?? app.api.messageRoutes.find((r) => r.routeKey === '$default');
    const reply = (message: string): void => {
      connection.socket.send(JSON.stringify({ message, connectionId: connection.connectionId, requestId }));
    };
    if (!route) {
      this.#logEvent(app, connection, selected ?? '$default', 'MESSAGE', requestId, receivedAt, 403, new GatewayError('ACCESS_DENIED', 'Forbidden', {}, 'no route matches the message and there is no $default route'));
      reply('Forbidden');
      return;
    }
    const limits = route.throttle ?? app.stage.throttle;
    if (limits && !this.runtime.traffic.take(`route:${app.stage.name}:${route.routeKey}`, limits, receivedAt)) {
      this.#logEvent(app, connection, route.routeKey, 'MESSAGE', requestId, receivedAt, 429, new GatewayError('THROTTLED'));
      reply('Too Many Requests');
      return;
    }
    const event = webSocketEvent({ connection, routeKey: route.routeKey, eventType: 'MESSAGE', requestId, receivedAt, messageId: newExtendedRequestId(), body: { text, base64: isBinary } });
    let outcome: InvokeOutcome | undefined;
    try {
      outcome = await this.#call(app, route, event, requestId);
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
    }
    const failed = !outcome || !('result' in outcome);
    this.#logEvent(app, connection, route.routeKey, 'MESSAGE', requestId, receivedAt, failed ? 500 : 200, failed ? new GatewayError('DEFAULT_5XX', undefined, {}, describeOutcome(outcome)) : undefined);
    if (failed) {
      reply('Internal server error');
      return;
    }
    if (route.respond && outcome && 'result' in outcome) {
      const body = responseBody(outcome.result);
      if (body !== undefined && connection.socket.readyState === connection.socket.OPEN) connection.socket.send(body);
    }
  }

  async #disconnect(connection: Connection, code: number, reason: string): Promise<void> {
    this.#connections.delete(connection.connectionId);
    const app = this.runtime.app;
    const route = app.api.messageRoutes.find((r) => r.routeKey === '$disconnect');
    const requestId = newExtendedRequestId();
    const receivedAt = Date.now();
    if (!route) return;
    const event = webSocketEvent({ connection, routeKey: '$disconnect', eventType: 'DISCONNECT', requestId, receivedAt, disconnect: { statusCode: code, reason } });
    try {
      await this.#call(app, route, event, requestId);
      this.#logEvent(app, connection, '$disconnect', 'DISCONNECT', requestId, receivedAt, 200);
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      this.#logEvent(app, connection, '$disconnect', 'DISCONNECT', requestId, receivedAt, 500, error);
    }
  }

  /** Calls a route's integration; only Lambda and mock integrations exist on WebSocket routes here. */
  async #call(app: DevApp, route: MessageRoute, event: Record<string, unknown>, requestId: string): Promise<InvokeOutcome> {
    if (this.runtime.verbose) this.runtime.log(verboseBlock(`event ${requestId} (${route.routeKey})`, event));
    const integration = route.integration;
    if (integration.type === 'mock') return { result: { statusCode: integration.statusCode, body: integration.body === undefined ? undefined : JSON.stringify(integration.body) } };
    if (integration.type !== 'lambda') throw new GatewayError('DEFAULT_5XX', undefined, {}, `${integration.type} integrations on WebSocket routes are not emulated by gatewright dev`);
    const fn = app.handlers.functions.get(integration.handler);
    const handler = app.api.handlers.find((h) => h.name === integration.handler);
    if (!fn || !handler) throw new GatewayError('DEFAULT_5XX', undefined, {}, `the handler "${integration.handler}" is not loaded`);
    const outcome = await invoke(fn, event, lambdaContext(handler, app.api.name, requestId, Date.now()), integration.timeoutMs);
    if (this.runtime.verbose) this.runtime.log(verboseBlock(`response ${requestId}`, outcome));
    return outcome;
  }

  #logEvent(app: DevApp, connection: ConnectionFacts, routeKey: string, eventType: string, requestId: string, receivedAt: number, status: number, error?: GatewayError): void {
    this.runtime.log(
      accessLogLine(app.accessLogTemplate, {
        requestId,
        extendedRequestId: requestId,
        apiId: app.apiId,
        stage: app.stage.name,
        connectionId: connection.connectionId,
        eventType,
        routeKey,
        'identity.sourceIp': connection.handshake.sourceIp,
        'identity.userAgent': connection.handshake.userAgent,
        requestTime: clfTime(receivedAt),
        requestTimeEpoch: receivedAt,
        status,
        integrationLatency: Date.now() - receivedAt,
        'error.message': error ? (error.reason ?? error.type) : undefined,
        'error.responseType': error?.type,
      }),
    );
  }

  close(): void {
    for (const connection of this.#connections.values()) connection.socket.terminate();
    this.#connections.clear();
    this.#server?.close();
  }
}

/** `$connect` accepts the connection when its integration answers 2xx (a missing statusCode is 200). */
function connectStatus(outcome: InvokeOutcome): number {
  if (!('result' in outcome)) throw new GatewayError('DEFAULT_5XX', undefined, {}, describeOutcome(outcome));
  const result = outcome.result;
  if (result && typeof result === 'object' && 'statusCode' in result) {
    const status = Number((result as { statusCode: unknown }).statusCode);
    return Number.isInteger(status) ? status : 500;
  }
  return 200;
}

function responseBody(result: unknown): string | undefined {
  if (result === undefined || result === null) return undefined;
  if (typeof result === 'string') return result;
  if (typeof result === 'object' && 'body' in result) {
    const body = (result as { body: unknown }).body;
    return body === undefined || body === null ? undefined : String(body);
  }
  return JSON.stringify(result);
}

function describeOutcome(outcome: InvokeOutcome | undefined): string {
  if (!outcome) return 'the integration failed';
  if ('error' in outcome) return `the handler threw: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`;
  if ('lambdaTimedOut' in outcome) return 'the handler timed out';
  if ('integrationTimedOut' in outcome) return 'the integration timed out';
  return 'ok';
}

function renderError(app: DevApp, error: GatewayError, requestId: string) {
  return renderGatewayError(error, { kind: 'websocket', requestId, customized: app.api.gateway.gatewayResponses });
}

/** Refuses a handshake with an HTTP response, as the gateway does for a failed `$connect`. */
function refuse(socket: Duplex, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

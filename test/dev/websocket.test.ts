import { describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { entry, eventually, startDev, type StartedDev } from '../helpers/dev.js';

const spec = `openapi: 3.1.0
info: {title: Chat, version: '1'}
x-gateway:
  kind: websocket
  routeSelectionExpression: $request.body.action
  stages: {prod: {}}
  routes:
    $connect: {lambda: {handler: connect}, security: [{chatToken: []}]}
    $disconnect: {lambda: {handler: connect}}
    $default: {lambda: {handler: messages}, respond: true}
    sendMessage: {lambda: {handler: messages}}
    whoami: {lambda: {handler: messages}, respond: true}
paths: {}
components:
  securitySchemes:
    chatToken:
      type: apiKey
      in: query
      name: token
      x-gateway:
        lambdaAuthorizer: {handler: authorizeConnection, identitySources: [query.token]}
`;

const handlers = {
  ...entry(
    'authorizeConnection',
    `export const handler = async (event: any) => ({
  principalId: event.queryStringParameters.token,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.queryStringParameters.token === 'banned' ? 'Deny' : 'Allow', Resource: event.methodArn }] },
  context: { user: event.queryStringParameters.token },
});`,
  ),
  ...entry(
    'connect',
    `import fs from 'node:fs';
export const handler = async (event: any) => {
  fs.appendFileSync(process.env.EVENTS_FILE ?? '/dev/null', JSON.stringify(event) + '\\n');
  return { statusCode: event.queryStringParameters?.token === 'refused' ? 403 : 200 };
};`,
  ),
  ...entry(
    'messages',
    `export const handler = async (event: any) => {
  const ctx = event.requestContext;
  if (ctx.routeKey === 'sendMessage') {
    const { to, text } = JSON.parse(event.body);
    // Post to another connection through the @connections management API, as a handler does with the AWS SDK.
    const res = await fetch('http://' + ctx.domainName + '/' + ctx.stage + '/@connections/' + encodeURIComponent(to), { method: 'POST', body: JSON.stringify({ from: ctx.authorizer.user, text }) });
    if (res.status !== 200) throw new Error('post failed ' + res.status);
    return { statusCode: 200 };
  }
  if (ctx.routeKey === 'whoami') return { statusCode: 200, body: JSON.stringify({ connectionId: ctx.connectionId, user: ctx.authorizer.user, eventType: ctx.eventType }) };
  return { statusCode: 200, body: 'echo:' + event.body };
};`,
  ),
};

function open(dev: StartedDev, token?: string): Promise<{ ws: WebSocket; messages: string[] }> {
  const url = `${dev.url.replace(/^http/, 'ws')}${token === undefined ? '' : `?token=${token}`}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages: string[] = [];
    ws.on('message', (data) => messages.push(data.toString()));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function next(messages: string[], count: number): Promise<string[]> {
  return eventually(async () => {
    if (messages.length < count) throw new Error(`${messages.length} of ${count} messages`);
    return messages;
  });
}

describe('WebSocket APIs', () => {
  test('$connect runs the authorizer; messages are routed by the selection expression; two-way routes answer', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...handlers });
    const { ws, messages } = await open(dev, 'alice');
    ws.send(JSON.stringify({ action: 'whoami' }));
    const [first] = await next(messages, 1);
    const who = JSON.parse(first as string) as { connectionId: string; user: string; eventType: string };
    expect(who).toMatchObject({ user: 'alice', eventType: 'MESSAGE' });
    expect(who.connectionId).toMatch(/=$/);
    ws.send('not json at all');
    expect((await next(messages, 2))[1]).toBe('echo:not json at all');
    ws.send(JSON.stringify({ action: 'unknownAction', x: 1 }));
    expect((await next(messages, 3))[2]).toBe('echo:{"action":"unknownAction","x":1}');
    ws.close();
  });

  test.each([
    ['no token is refused with 401', { given: undefined, want: 401 }],
    ['a denied token is refused with 403', { given: 'banned', want: 403 }],
    ['a $connect handler answering 403 refuses the connection', { given: 'refused', want: 403 }],
  ])('%s', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': spec, ...handlers });
    await expect(open(dev, given)).rejects.toThrow(`handshake refused: ${want}`);
  });

  test('handlers post to other connections through @connections; GET describes and DELETE drops a connection', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...handlers });
    const alice = await open(dev, 'alice');
    const bob = await open(dev, 'bob');
    bob.ws.send(JSON.stringify({ action: 'whoami' }));
    const bobId = (JSON.parse((await next(bob.messages, 1))[0] as string) as { connectionId: string }).connectionId;
    alice.ws.send(JSON.stringify({ action: 'sendMessage', to: bobId, text: 'hi bob' }));
    expect(JSON.parse((await next(bob.messages, 2))[1] as string)).toEqual({ from: 'alice', text: 'hi bob' });

    const management = `${dev.url}/@connections/${encodeURIComponent(bobId)}`;
    const info = (await (await fetch(management)).json()) as { ConnectedAt: string; Identity: { SourceIp: string } };
    expect(info.Identity.SourceIp).toBe('127.0.0.1');
    expect(Date.parse(info.ConnectedAt)).not.toBeNaN();
    const closed = new Promise<number>((resolve) => bob.ws.once('close', (code) => resolve(code)));
    expect((await fetch(management, { method: 'DELETE' })).status).toBe(204);
    await closed;
    expect((await fetch(management, { method: 'POST', body: 'x' })).status).toBe(410);
    alice.ws.close();
  });

  test('$disconnect gets the connection’s event with the close code', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...handlers });
    const eventsFile = `${dev.dir}/events.ndjson`;
    process.env['EVENTS_FILE'] = eventsFile;
    try {
      const { ws } = await open(dev, 'carol');
      ws.close(1000, 'bye');
      const events = await eventually(async () => {
        const fs = await import('node:fs');
        const lines = fs.readFileSync(eventsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { requestContext: Record<string, unknown>; queryStringParameters?: unknown });
        if (lines.length < 2) throw new Error('waiting for $disconnect');
        return lines;
      });
      expect(events[0]?.requestContext).toMatchObject({ routeKey: '$connect', eventType: 'CONNECT', stage: 'prod' });
      expect(events[0]?.queryStringParameters).toEqual({ token: 'carol' });
      expect(events[1]?.requestContext).toMatchObject({ routeKey: '$disconnect', eventType: 'DISCONNECT', disconnectStatusCode: 1000, disconnectReason: 'bye', connectionId: events[0]?.requestContext['connectionId'] });
    } finally {
      delete process.env['EVENTS_FILE'];
    }
  });
});

describe('WebSocket API keys from the Lambda authorizer (apiKeySource: authorizer)', () => {
  /** The authorizer answers with the key the client named in the query (`?token=...&key=...`) as usageIdentifierKey. */
  const keyedSpec = spec
    .replace('  stages: {prod: {}}\n', '  stages: {prod: {}}\n  apiKeySource: authorizer\n  usagePlans: {members: {apiKeys: [members]}}\n')
    .replace('identitySources: [query.token]}', 'identitySources: [query.token], ttl: 0}');
  const keyedHandlers = {
    ...handlers,
    ...entry(
      'authorizeConnection',
      `export const handler = async (event: any) => ({
  principalId: event.queryStringParameters.token,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
  context: { user: event.queryStringParameters.token },
  ...(event.queryStringParameters.key === undefined ? {} : { usageIdentifierKey: event.queryStringParameters.key }),
});`,
    ),
  };
  const cases: [string, { given: 'members' | 'unknown' | undefined; want: 'open' | 403 }][] = [
    ['a key of the plan from the authorizer connects', { given: 'members', want: 'open' }],
    ['no key from the authorizer is refused with 403', { given: undefined, want: 403 }],
    ['an unknown key is refused with 403', { given: 'unknown', want: 403 }],
  ];
  test.each(cases)('%s', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': keyedSpec, ...keyedHandlers });
    const key = given === 'members' ? dev.apiKey('members') : given;
    const connecting = open(dev, key === undefined ? 'dana' : `dana&key=${encodeURIComponent(key)}`);
    if (want === 'open') (await connecting).ws.close();
    else await expect(connecting).rejects.toThrow(`handshake refused: ${want}`);
  });
});

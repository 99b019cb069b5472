import { describe, expect, test } from 'vitest';
import { echoHandler, entry, json, sharedDev } from '../helpers/dev.js';

const restSpec = `openapi: 3.0.3
info: {title: Orders, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {variables: {backend: orders.internal}}}
  binaryMediaTypes: [image/png]
  defaults: {lambda: {timeoutS: 3, environment: {ORDERS_TABLE: dev-orders}}}
security: []
paths:
  /orders/{orderId}:
    post:
      operationId: postOrder
      parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
      x-gateway: {lambda: {handler: echo}, validation: none}
      responses: {'200': {description: ok}}
  /slow:
    get: {operationId: slow, x-gateway: {lambda: {handler: slow, timeoutMs: 100}}, responses: {'200': {description: ok}}}
  /broken/{how}:
    get: {operationId: broken, parameters: [{name: how, in: path, required: true, schema: {type: string}}], x-gateway: {lambda: {handler: broken}}, responses: {'200': {description: ok}}}
  /env:
    get: {operationId: env, x-gateway: {lambda: {handler: env}}, responses: {'200': {description: ok}}}
  /image:
    get: {operationId: image, x-gateway: {lambda: {handler: image}}, responses: {'200': {description: ok}}}
`;

const handlers = {
  ...entry('echo', echoHandler),
  ...entry('slow', `export const handler = async () => { await new Promise((r) => setTimeout(r, 1000)); return { statusCode: 200, body: 'late' }; };`),
  ...entry(
    'broken',
    `export const handler = async (event: any) => {
  switch (event.pathParameters.how) {
    case 'throws': throw new Error('boom');
    case 'extra-field': return { statusCode: 200, body: 'x', unexpected: true };
    case 'body-object': return { statusCode: 200, body: { not: 'a string' } };
    case 'callback': return undefined;
    case 'bad-header': return { statusCode: 200, headers: { 'x-bad': 'a\\nb' }, body: 'x' };
    default: return { statusCode: 418, body: 'teapot' };
  }
};`,
  ),
  ...entry('env', `export const handler = async () => ({ statusCode: 200, body: JSON.stringify({ table: process.env.ORDERS_TABLE }) });`),
  ...entry('image', `export const handler = async () => ({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from([137, 80, 78, 71]).toString('base64'), isBase64Encoded: true });`),
};

describe('REST proxy event (payload 1.0)', () => {
  const shared = sharedDev({ 'api.yaml': restSpec, ...handlers });
  test('carries the request as API Gateway builds it', async () => {
    const dev = shared();
    const response = await fetch(`${dev.url}/orders/ord%201?tag=a&tag=b&single=x`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'one' },
      body: '{"qty":2}',
    });
    expect(response.status).toBe(200);
    const { event, remainingMs, functionName } = (await json(response)) as { event: Record<string, any>; remainingMs: number; functionName: string };
    expect(event).toMatchObject({
      resource: '/orders/{orderId}',
      path: '/orders/ord 1',
      httpMethod: 'POST',
      queryStringParameters: { tag: 'b', single: 'x' },
      multiValueQueryStringParameters: { tag: ['a', 'b'], single: ['x'] },
      pathParameters: { orderId: 'ord 1' },
      stageVariables: { backend: 'orders.internal' },
      body: '{"qty":2}',
      isBase64Encoded: false,
    });
    expect(event['headers']['X-Trace']).toBe('one');
    expect(event['multiValueHeaders']['X-Trace']).toEqual(['one']);
    expect(event['requestContext']).toMatchObject({
      resourcePath: '/orders/{orderId}',
      httpMethod: 'POST',
      path: '/prod/orders/ord 1',
      stage: 'prod',
      protocol: 'HTTP/1.1',
      accountId: '123456789012',
      identity: { sourceIp: '127.0.0.1', apiKey: null, caller: null },
    });
    expect(event['requestContext'].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event['requestContext'].requestId).toBe(response.headers.get('x-amzn-requestid'));
    expect(event['requestContext'].requestTime).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(remainingMs).toBeGreaterThan(0);
    expect(remainingMs).toBeLessThanOrEqual(3000);
    expect(functionName).toBe('Orders-echo');
    expect(await json(await fetch(`${dev.url}/env`))).toEqual({ table: 'dev-orders' });
  });

  test('a body of a binary media type arrives base64-encoded', async () => {
    const dev = shared();
    const bytes = Buffer.from([0, 1, 2, 255]);
    const response = await fetch(`${dev.url}/orders/o1`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: bytes });
    const { event } = (await json(response)) as { event: Record<string, unknown> };
    expect(event).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });
  });

  test.each([
    ['an Accept naming a binary media type gets bytes', { given: 'image/png', want: Buffer.from([137, 80, 78, 71]) }],
    ['any other Accept gets the base64 text', { given: 'application/json', want: Buffer.from(Buffer.from([137, 80, 78, 71]).toString('base64')) }],
  ])('a base64 answer: %s', async (_name, { given, want }) => {
    const dev = shared();
    const response = await fetch(`${dev.url}/image`, { headers: { accept: given } });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(want);
  });

  test('a handler slower than the integration timeout is 504 Endpoint request timed out', async () => {
    const dev = shared();
    const response = await fetch(`${dev.url}/slow`);
    expect({ status: response.status, body: await response.text() }).toEqual({ status: 504, body: '{"message": "Endpoint request timed out"}' });
    expect(response.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
  });

  test.each([
    ['a handler that throws', 'throws'],
    ['a result with a field the gateway does not know', 'extra-field'],
    ['a body that is not a string', 'body-object'],
    ['no result at all', 'callback'],
    ['a header value that cannot be sent', 'bad-header'],
  ])('%s is 502 Internal server error', async (_name, how) => {
    const dev = shared();
    const response = await fetch(`${dev.url}/broken/${how}`);
    expect({ status: response.status, body: await response.text() }).toEqual({ status: 502, body: '{"message": "Internal server error"}' });
  });

  test('the handler’s own status passes through', async () => {
    const dev = shared();
    const response = await fetch(`${dev.url}/broken/fine`);
    expect(response.status).toBe(418);
    expect(await response.text()).toBe('teapot');
  });
});

const httpSpec = `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
  stages: {$default: {variables: {flag: on}}}
security: []
paths:
  /notes/{noteId}:
    put:
      operationId: putNote
      parameters: [{name: noteId, in: path, required: true, schema: {type: string}}]
      x-gateway: {lambda: {handler: echo}}
      responses: {'200': {description: ok}}
  /plain:
    get: {operationId: plain, x-gateway: {lambda: {handler: plain}}, responses: {'200': {description: ok}}}
  /slow:
    get: {operationId: slow, x-gateway: {lambda: {handler: slow, timeoutMs: 100}}, responses: {'200': {description: ok}}}
  /throws:
    get: {operationId: throws, x-gateway: {lambda: {handler: throws}}, responses: {'200': {description: ok}}}
`;

describe('HTTP API event (payload 2.0)', () => {
  const httpHandlers = {
    ...entry('echo', echoHandler),
    ...entry('plain', `export const handler = async () => ({ hello: 'world' });`),
    ...entry('slow', `export const handler = async () => { await new Promise((r) => setTimeout(r, 1000)); return 'late'; };`),
    ...entry('throws', `export const handler = async () => { throw new Error('boom'); };`),
  };

  const shared = sharedDev({ 'api.yaml': httpSpec, ...httpHandlers });

  test('carries lowercase headers, joined values, cookies and the route key', async () => {
    const dev = shared();
    const response = await fetch(`${dev.url}/notes/n1?tag=a&tag=b`, {
      method: 'PUT',
      headers: { 'X-Thing': 'v', Cookie: 'a=1; b=2', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=hi',
    });
    const { event } = (await json(response)) as { event: Record<string, any> };
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'PUT /notes/{noteId}',
      rawPath: '/notes/n1',
      rawQueryString: 'tag=a&tag=b',
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { tag: 'a,b' },
      pathParameters: { noteId: 'n1' },
      stageVariables: { flag: 'on' },
      // HTTP APIs pass form posts base64-encoded.
      isBase64Encoded: true,
      body: Buffer.from('title=hi').toString('base64'),
    });
    expect(event['headers']['x-thing']).toBe('v');
    expect(event['headers']['cookie']).toBeUndefined();
    expect(event['requestContext']).toMatchObject({ routeKey: 'PUT /notes/{noteId}', stage: '$default', http: { method: 'PUT', path: '/notes/n1', sourceIp: '127.0.0.1' } });
    expect(event['requestContext'].requestId).toBe(response.headers.get('apigw-requestid'));
  });

  test('a result without statusCode is a 200 JSON body', async () => {
    const dev = shared();
    const response = await fetch(`${dev.url}/plain`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await json(response)).toEqual({ hello: 'world' });
  });

  test.each([
    // As API Gateway writes them, without a space: {"message":"Service Unavailable"} is the 33 bytes HTTP APIs send on a timeout.
    ['an integration timeout is 503 Service Unavailable', { given: '/slow', want: { status: 503, body: '{"message":"Service Unavailable"}' } }],
    ['a handler that throws is 500 Internal Server Error', { given: '/throws', want: { status: 500, body: '{"message":"Internal Server Error"}' } }],
  ])('%s', async (_name, { given, want }) => {
    const dev = shared();
    const response = await fetch(dev.url + given);
    expect({ status: response.status, body: await response.text() }).toEqual(want);
  });
});

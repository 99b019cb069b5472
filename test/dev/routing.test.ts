import { describe, expect, test } from 'vitest';
import { entry, json, sharedDev, startDev } from '../helpers/dev.js';

const restSpec = `openapi: 3.0.3
info: {title: Files, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
security: []
paths:
  /files/{proxy+}:
    get: {operationId: fileAny, x-gateway: {lambda: {handler: route}}, parameters: [{name: proxy, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}
  /files/special:
    get: {operationId: fileSpecial, x-gateway: {lambda: {handler: route}}, responses: {'200': {description: ok}}}
  /users/{id}/meta:
    get: {operationId: userMeta, x-gateway: {lambda: {handler: route}}, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}
  /users/{id}/{proxy+}:
    get: {operationId: userRest, x-gateway: {lambda: {handler: route}}, parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: proxy, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}
  /things:
    x-gateway:
      any: {operationId: thingsAny, x-gateway: {lambda: {handler: route}}, responses: {'200': {description: ok}}}
    get: {operationId: thingsGet, x-gateway: {lambda: {handler: route}}, responses: {'200': {description: ok}}}
`;

const routeHandler = entry(
  'route',
  `export const handler = async (event: any) => ({ statusCode: 200, body: JSON.stringify({ resource: event.resource, method: event.httpMethod, path: event.path, pathParameters: event.pathParameters }) });`,
);

describe('REST routing', () => {
  const shared = sharedDev({ 'api.yaml': restSpec, ...routeHandler });
  test.each([
    ['a literal beats a greedy parameter', { given: 'GET /prod/files/special', want: { resource: '/files/special', pathParameters: null } }],
    ['a literal beats a greedy parameter below a parameter', { given: 'GET /prod/users/a%20b/meta', want: { resource: '/users/{id}/meta', pathParameters: { id: 'a b' } } }],
    ['a greedy parameter below a parameter', { given: 'GET /prod/users/u1/x/y', want: { resource: '/users/{id}/{proxy+}', pathParameters: { id: 'u1', proxy: 'x/y' } } }],
    ['greedy takes the rest of the path', { given: 'GET /prod/files/a/b/c.txt', want: { resource: '/files/{proxy+}', pathParameters: { proxy: 'a/b/c.txt' } } }],
    ['a method beats ANY', { given: 'GET /prod/things', want: { resource: '/things', method: 'GET' } }],
    ['ANY takes other methods', { given: 'DELETE /prod/things', want: { resource: '/things', method: 'DELETE' } }],
    ['a trailing slash names the same resource', { given: 'GET /prod/files/special/', want: { resource: '/files/special' } }],
  ])('%s', async (_name, { given, want }) => {
    const dev = shared();
    const [method, path] = given.split(' ') as [string, string];
    const response = await fetch(dev.server.origin + path, { method });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject(want);
  });

  test.each([
    ['an unknown path', 'GET /prod/nowhere'],
    ['a known path with a method it lacks', 'POST /prod/files/special'],
    ['another stage', 'GET /staging/files/special'],
    ['no stage at all', 'GET /files/special'],
  ])('%s answers 403 Missing Authentication Token', async (_name, given) => {
    const dev = shared();
    const [method, path] = given.split(' ') as [string, string];
    const response = await fetch(dev.server.origin + path, { method });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await json(response)).toEqual({ message: 'Missing Authentication Token' });
  });
});

const httpSpec = (stage: string): string => `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
  stages: {${stage}: {}}
security: []
paths:
  /notes/{noteId}:
    get: {operationId: getNote, x-gateway: {lambda: {handler: route}}, parameters: [{name: noteId, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}
`;

const v2Handler = entry('route', `export const handler = async (event: any) => ({ routeKey: event.routeKey, stage: event.requestContext.stage, noteId: event.pathParameters.noteId });`);

describe('HTTP API routing', () => {
  test('the $default stage has no prefix on the URL, and unknown routes are 404 Not Found', async () => {
    const dev = await startDev({ 'api.yaml': httpSpec('$default'), ...v2Handler });
    expect(dev.url).toBe(dev.server.origin);
    const found = await fetch(`${dev.url}/notes/n1`);
    expect(await json(found)).toEqual({ routeKey: 'GET /notes/{noteId}', stage: '$default', noteId: 'n1' });
    const missing = await fetch(`${dev.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await json(missing)).toEqual({ message: 'Not Found' });
  });

  test('a named stage is a prefix', async () => {
    const dev = await startDev({ 'api.yaml': httpSpec('beta'), ...v2Handler });
    expect(dev.url).toBe(`${dev.server.origin}/beta`);
    expect(await json(await fetch(`${dev.url}/notes/n2`))).toMatchObject({ stage: 'beta', noteId: 'n2' });
    expect((await fetch(`${dev.server.origin}/notes/n2`)).status).toBe(404);
  });
});

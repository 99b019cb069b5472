import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/diagnostics.js';
import { startDev } from '../helpers/dev.js';
import { writeFiles } from '../helpers/temp.js';
import { compileTemplate } from '../helpers/template.js';

/**
 * CORS preflights on `gatewright dev` get the answer the deployed API gives: for a REST
 * API, the OPTIONS mock integration the SAM template puts on each path, read from the
 * compiled template and played here; for an HTTP API, the gateway's answer from the
 * template's `x-amazon-apigateway-cors`.
 */

type Answer = { status: number; headers: Record<string, string> };
type JsonObject = Record<string, unknown>;

/** The API Gateway document inside the compiled SAM template. */
function deployedDocument(specFile: string): JsonObject {
  const { template } = compileTemplate(specFile, 'sam');
  const api = Object.values(template.Resources).find((r) => r.Type === 'AWS::Serverless::Api' || r.Type === 'AWS::Serverless::HttpApi');
  const body = api?.Properties?.['DefinitionBody'];
  if (!body || typeof body !== 'object') throw new Error('the template has no API with an inline DefinitionBody');
  return body as JsonObject;
}

/**
 * What API Gateway answers from an OPTIONS mock integration: the `default` integration
 * response's status and literal header mappings, and the origin its mapping template sets
 * through `$context.responseOverride` when the request's Origin is one it compares with.
 */
function playMock(integration: JsonObject, origin: string | undefined): Answer {
  expect(integration['type']).toBe('mock');
  const response = (integration['responses'] as Record<string, JsonObject>)['default'] as JsonObject;
  const requested = JSON.parse((integration['requestTemplates'] as Record<string, string>)['application/json'] as string) as { statusCode: number };
  expect(String(requested.statusCode)).toBe(response['statusCode']);
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries((response['responseParameters'] ?? {}) as Record<string, unknown>)) {
    const name = /^method\.response\.header\.(.+)$/.exec(key)?.[1];
    const literal = typeof value === 'string' ? /^'(.*)'$/s.exec(value)?.[1] : undefined;
    if (name === undefined || literal === undefined) throw new Error(`not a literal header mapping: ${key}: ${JSON.stringify(value)}`);
    headers[name.toLowerCase()] = literal;
  }
  const template = (response['responseTemplates'] as Record<string, string> | undefined)?.['application/json'];
  if (template !== undefined) {
    const condition = /^#if\((.*)\)$/m.exec(template)?.[1] ?? '';
    const compared = [...condition.matchAll(/\$origin == '([^']*)'/g)].map((m) => m[1]);
    expect(template).toContain('#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)');
    if (origin !== undefined && compared.includes(origin)) headers['access-control-allow-origin'] = origin;
  }
  return { status: Number(response['statusCode']), headers };
}

/** What an HTTP API answers to a preflight from its `x-amazon-apigateway-cors` configuration. */
function playHttpApiCors(config: JsonObject, origin: string): Answer {
  const origins = config['allowOrigins'] as string[];
  if (!origins.includes(origin) && !origins.includes('*')) return { status: 204, headers: {} };
  const headers: Record<string, string> = {
    'access-control-allow-origin': origins.includes(origin) || config['allowCredentials'] ? origin : '*',
    'access-control-allow-methods': (config['allowMethods'] as string[]).join(','),
    'access-control-max-age': String(config['maxAge']),
  };
  const allowHeaders = config['allowHeaders'] as string[];
  if (allowHeaders.length > 0) headers['access-control-allow-headers'] = allowHeaders.join(',');
  if (config['allowCredentials']) headers['access-control-allow-credentials'] = 'true';
  return { status: 204, headers };
}

/** A request path on a document path: `{id}` and greedy `{proxy+}` filled in. */
function concretePath(documentPath: string): string {
  return documentPath.replace(/\{[^}]+\+\}/g, 'a/b').replace(/\{[^}]+\}/g, 'x1');
}

async function devPreflight(url: string, origin: string | undefined): Promise<Answer> {
  const response = await fetch(url, { method: 'OPTIONS', headers: { ...(origin !== undefined ? { origin } : {}), 'access-control-request-method': 'GET' } });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    // Vary is compared on REST (the mock sets it); the CORS headers on both.
    if (name.startsWith('access-control-') || name === 'vary') headers[name] = value;
  });
  return { status: response.status, headers };
}

const restCases = `openapi: 3.0.3
info: {title: Cases, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
  cors: CORS
security: []
paths:
  /things:
    get: {operationId: listThings, x-gateway: {mock: {statusCode: 200, body: {}}}, responses: {'200': {description: ok}}}
    post: {operationId: addThing, x-gateway: {mock: {statusCode: 201, body: {}}}, responses: {'201': {description: ok}}}
  /things/{thingId}:
    parameters: [{name: thingId, in: path, required: true, schema: {type: string}}]
    delete: {operationId: dropThing, x-gateway: {mock: {statusCode: 204}}, responses: {'204': {description: gone}}}
  /files/{path+}:
    parameters: [{name: path, in: path, required: true, schema: {type: string}}]
    get: {operationId: getFile, x-gateway: {mock: {statusCode: 200, body: {}}}, responses: {'200': {description: ok}}}
  /anything:
    x-gateway:
      any: {operationId: anything, x-gateway: {mock: {statusCode: 200, body: {}}}, responses: {'200': {description: ok}}}
  /own-preflight:
    get: {operationId: ownGet, x-gateway: {mock: {statusCode: 200, body: {}}}, responses: {'200': {description: ok}}}
    options: {operationId: ownOptions, x-gateway: {mock: {statusCode: 200, body: {own: true}}}, responses: {'200': {description: ok}}}
`;

const specs: [string, { given: () => string }][] = [
  ['the shop fixture (REST, two origins, credentials)', { given: () => fs.readFileSync(path.join(repoRoot, 'fixtures/shop.yaml'), 'utf8') }],
  ['the notes-http fixture (HTTP API)', { given: () => fs.readFileSync(path.join(repoRoot, 'fixtures/notes-http.yaml'), 'utf8') }],
  ['REST, one origin', { given: () => restCases.replace('CORS', `{origins: ['https://app.example.com']}`) }],
  ['REST, every origin', { given: () => restCases.replace('CORS', `{origins: ['*'], headers: [X-Custom], maxAge: 60}`) }],
  ['REST, three origins and a method list', { given: () => restCases.replace('CORS', `{origins: ['https://a.example.com', 'https://b.example.com', 'http://localhost:3000'], methods: [GET, DELETE, OPTIONS]}`) }],
];

describe('CORS preflights on gatewright dev answer as the compiled template does', () => {
  test.each(specs)('%s', async (_name, { given }) => {
    const text = given();
    const document = deployedDocument(path.join(writeFiles({ 'api.yaml': text }), 'api.yaml'));
    const dev = await startDev({ 'api.yaml': text });
    const kind = dev.server.app.api.kind;
    const cors = dev.server.app.api.gateway.cors;
    if (!cors) throw new Error('the spec has no CORS');
    // A REST API's OPTIONS mock answers any OPTIONS request; an HTTP API answers only preflights, which carry an Origin.
    const origins = [...cors.origins.filter((o) => o !== '*'), 'https://elsewhere.example', ...(kind === 'rest' ? [undefined] : [])];
    const paths = document['paths'] as Record<string, Record<string, JsonObject>>;
    let compared = 0;
    for (const [documentPath, methods] of Object.entries(paths)) {
      const options = methods['options'];
      const integration = options?.['x-amazon-apigateway-integration'] as JsonObject | undefined;
      // A path whose spec routes OPTIONS (an operation of its own) answers preflights from its own integration.
      if (kind === 'rest' && (integration?.['type'] !== 'mock' || options?.['operationId'] !== undefined)) continue;
      for (const origin of origins) {
        const want = kind === 'rest' ? playMock(integration as JsonObject, origin) : playHttpApiCors(document['x-amazon-apigateway-cors'] as JsonObject, origin as string);
        const got = await devPreflight(dev.url + concretePath(documentPath), origin);
        if (kind === 'http') delete got.headers['vary'];
        expect({ path: documentPath, origin, ...got }).toEqual({ path: documentPath, origin, ...want });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  test('a path whose spec routes OPTIONS is answered by its own integration, and a path with no resource is refused', async () => {
    const dev = await startDev({ 'api.yaml': restCases.replace('CORS', `{origins: ['https://app.example.com']}`) });
    const own = await fetch(`${dev.url}/own-preflight`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } });
    expect({ status: own.status, body: await own.json() }).toEqual({ status: 200, body: { own: true } });
    const none = await fetch(`${dev.url}/nothing-here`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } });
    expect(none.status).toBe(403);
  });
});

// An HTTP API answers a preflight itself only when no route matches OPTIONS; an ANY route
// does, so the preflight meets its authorizer (AWS re:Post: "JWT authorizers and CORS"), which
// is what compile warns about (apigw-cors-any-route-auth).
const anyRouteSpec = `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  kind: http
  defaults: {lambda: {handler: api}}
  cors: {origins: ['https://app.example.com']}
paths:
  /plain:
    get: {operationId: plain, security: [], responses: {'200': {description: ok}}}
  /locked/{proxy+}:
    parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
    x-gateway:
      any: {operationId: locked, security: [{token: []}], responses: {'200': {description: ok}}}
components:
  securitySchemes:
    token: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: authorize}}}
`;

test.each([
  ['a path no route matches OPTIONS on: the gateway answers', { given: '/plain', want: 204 }],
  ['an ANY route that requires auth: its authorizer refuses the preflight', { given: '/locked/a/b', want: 401 }],
])('HTTP API preflight, %s', async (_name, { given, want }) => {
  const dev = await startDev({ 'api.yaml': anyRouteSpec });
  const answer = await fetch(`${dev.url}${given}`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } });
  expect(answer.status).toBe(want);
});

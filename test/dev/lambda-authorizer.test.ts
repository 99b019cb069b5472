import { describe, expect, test } from 'vitest';
import { echoHandler, entry, json, startDev } from '../helpers/dev.js';

const restSpec = `openapi: 3.0.3
info: {title: Partners, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
security:
  - partnerAuth: []
paths:
  /orders/{orderId}:
    parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
    get: {operationId: getOrder, x-gateway: {lambda: {handler: echo}}, responses: {'200': {description: ok}}}
    delete: {operationId: cancelOrder, x-gateway: {lambda: {handler: echo}}, responses: {'204': {description: ok}}}
components:
  securitySchemes:
    partnerAuth:
      type: apiKey
      in: header
      name: Authorization
      x-gateway:
        lambdaAuthorizer: {handler: authorize, type: token, ttl: 300, validationRegex: '^Bearer [a-z-]+$'}
`;

/** Allows GET for "Bearer good", denies "Bearer deny", refuses "Bearer nobody", fails on "Bearer crash"; counts its calls. */
const authorizer = entry(
  'authorize',
  `let calls = 0;
export const handler = async (event: any) => {
  calls += 1;
  const token = event.authorizationToken;
  if (token === 'Bearer nobody') throw new Error('Unauthorized');
  if (token === 'Bearer crash') throw new Error('database down');
  const effect = token === 'Bearer deny' ? 'Deny' : 'Allow';
  const arn = event.methodArn.replace(/\\/(GET|DELETE)\\/.*/, '/GET/*');
  return {
    principalId: 'partner-7',
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: arn }] },
    context: { tier: 'gold', calls, verified: true },
  };
};`,
);

describe('Lambda authorizers (REST token)', () => {
  test('an allowed caller reaches the handler with the authorizer’s context', async () => {
    const dev = await startDev({ 'api.yaml': restSpec, ...authorizer, ...entry('echo', echoHandler) });
    const response = await fetch(`${dev.url}/orders/o1`, { headers: { Authorization: 'Bearer good' } });
    expect(response.status).toBe(200);
    const { event } = (await json(response)) as { event: { requestContext: { authorizer: Record<string, unknown> } } };
    expect(event.requestContext.authorizer).toMatchObject({ principalId: 'partner-7', tier: 'gold', verified: true, calls: 1 });
  });

  test.each([
    ['no token: 401 without calling the Lambda', { given: undefined, want: { status: 401, body: { message: 'Unauthorized' } } }],
    ['a token failing the validation expression: 401', { given: 'Basic abc', want: { status: 401, body: { message: 'Unauthorized' } } }],
    ['the authorizer answering Unauthorized: 401', { given: 'Bearer nobody', want: { status: 401, body: { message: 'Unauthorized' } } }],
    ['an explicit deny: 403', { given: 'Bearer deny', want: { status: 403, body: { message: 'User is not authorized to access this resource with an explicit deny' } } }],
    ['an authorizer that fails: 500', { given: 'Bearer crash', want: { status: 500, body: { message: null } } }],
  ])('%s', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': restSpec, ...authorizer, ...entry('echo', echoHandler) });
    const response = await fetch(`${dev.url}/orders/o1`, { headers: given === undefined ? {} : { Authorization: given } });
    expect({ status: response.status, body: await json(response) }).toEqual(want);
  });

  test('the cached policy is reused for the TTL, and checked against each method', async () => {
    const dev = await startDev({ 'api.yaml': restSpec, ...authorizer, ...entry('echo', echoHandler) });
    const headers = { Authorization: 'Bearer good' };
    await fetch(`${dev.url}/orders/o1`, { headers });
    const second = await fetch(`${dev.url}/orders/o2`, { headers });
    const { event } = (await json(second)) as { event: { requestContext: { authorizer: { calls: number } } } };
    expect(event.requestContext.authorizer.calls).toBe(1);
    // The cached policy allows only GET: the same token is implicitly denied DELETE.
    const deleted = await fetch(`${dev.url}/orders/o2`, { method: 'DELETE', headers });
    expect(deleted.status).toBe(403);
    expect(await json(deleted)).toEqual({ message: 'User is not authorized to access this resource' });
  });
});

const httpSpec = `openapi: 3.0.3
info: {title: Shares, version: '1'}
x-gateway:
  kind: http
  stages: {$default: {}}
security:
  - shareLink: []
paths:
  /share/{token}:
    get: {operationId: openShare, parameters: [{name: token, in: path, required: true, schema: {type: string}}], x-gateway: {lambda: {handler: echo}}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    shareLink:
      type: apiKey
      in: header
      name: X-Share-Token
      x-gateway:
        lambdaAuthorizer: {handler: checkShare, identitySources: [header.X-Share-Token], ttl: 0, simpleResponses: true}
`;

describe('Lambda authorizers (HTTP API, simple responses)', () => {
  const checkShare = entry(
    'checkShare',
    `export const handler = async (event: any) => ({ isAuthorized: event.identitySource[0] === 'open-sesame', context: { via: event.type, route: event.routeKey } });`,
  );

  test.each([
    ['an authorized request carries the context under authorizer.lambda', { given: 'open-sesame', want: 200 }],
    ['isAuthorized false is 403 Forbidden', { given: 'wrong', want: 403 }],
    ['a missing identity source is 401 Unauthorized', { given: undefined, want: 401 }],
  ])('%s', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': httpSpec, ...checkShare, ...entry('echo', echoHandler) });
    const response = await fetch(`${dev.url}/share/t1`, { headers: given === undefined ? {} : { 'X-Share-Token': given } });
    expect(response.status).toBe(want);
    const body = (await json(response)) as Record<string, any>;
    if (want === 200) expect(body['event'].requestContext.authorizer).toEqual({ lambda: { via: 'REQUEST', route: 'GET /share/{token}' } });
    else expect(body).toEqual({ message: want === 403 ? 'Forbidden' : 'Unauthorized' });
  });
});

import fs from 'node:fs';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { devToken, echoHandler, entry, json, startDev, type StartedDev } from '../helpers/dev.js';
import { writeFiles } from '../helpers/temp.js';

const notesSpec = (jwksUri?: string): string => `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
  stages: {$default: {}}
security:
  - oidc: [notes:read]
paths:
  /notes:
    get: {operationId: listNotes, x-gateway: {lambda: {handler: echo}}, responses: {'200': {description: ok}}}
    post: {operationId: createNote, security: [{oidc: [notes:write]}], x-gateway: {lambda: {handler: echo}}, responses: {'201': {description: ok}}}
components:
  securitySchemes:
    oidc:
      type: openIdConnect
      openIdConnectUrl: https://id.example.com/.well-known/openid-configuration
      x-gateway:
        jwt:
          audience: [notes-web]${jwksUri === undefined ? '' : `\n          jwksUri: ${jwksUri}`}
`;

async function mint(dir: string, scopes: string, extra: string[] = []): Promise<string> {
  const result = await runCli(['dev', `${dir}/api.yaml`, '--mint-token', 'oidc', '--scopes', scopes, ...extra], dir);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe('JWT authorizers (HTTP API)', () => {
  test('a dev token minted by "gatewright dev --mint-token" is accepted, and its claims and scopes reach the handler', async () => {
    const dev = await startDev({ 'api.yaml': notesSpec(), ...entry('echo', echoHandler) });
    const token = await mint(dev.dir, 'notes:read');
    const response = await fetch(`${dev.url}/notes`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const { event } = (await json(response)) as { event: { requestContext: { authorizer: { jwt: { claims: Record<string, string>; scopes: string[] } } } } };
    expect(event.requestContext.authorizer.jwt.scopes).toEqual(['notes:read']);
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({ iss: 'https://id.example.com', aud: 'notes-web', sub: 'dev-user' });
    expect(event.requestContext.authorizer.jwt.claims['exp']).toMatch(/^\d+$/);
  });

  test.each([
    ['no token', { given: async () => undefined, want: 401 }],
    ['a token signed by another key', { given: async () => strangerToken({ iss: 'https://id.example.com', aud: 'notes-web' }), want: 401 }],
    ['an expired token', { given: async (dev: StartedDev) => devToken(dev, 'oidc', { scopes: ['notes:read'], expiresInS: -10 }), want: 401 }],
    ['a token for another audience', { given: async (dev: StartedDev) => devToken(dev, 'oidc', { scopes: ['notes:read'], claims: { aud: 'someone-else' } }), want: 401 }],
    ['a token without the route’s scope', { given: async (dev: StartedDev) => devToken(dev, 'oidc', { scopes: ['notes:write'] }), want: 403 }],
  ])('%s is refused', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': notesSpec(), ...entry('echo', echoHandler) });
    const token = await given(dev);
    const response = await fetch(`${dev.url}/notes`, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(want);
    expect(await json(response)).toEqual({ message: want === 401 ? 'Unauthorized' : 'Forbidden' });
  });

  test('a JWKS file in the spec’s folder is used, and its private key can mint', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'team-key', alg: 'RS256' };
    const dev = await startDev({ 'api.yaml': notesSpec('dev/jwks.json'), 'dev/jwks.json': JSON.stringify({ keys: [jwk] }), ...entry('echo', echoHandler) });
    const own = await new SignJWT({ scope: 'notes:read' }).setProtectedHeader({ alg: 'RS256', kid: 'team-key' }).setIssuer('https://id.example.com').setAudience('notes-web').setExpirationTime('5m').sign(privateKey);
    expect((await fetch(`${dev.url}/notes`, { headers: { Authorization: `Bearer ${own}` } })).status).toBe(200);
    const minted = await devToken(dev, 'oidc', { scopes: ['notes:read'] });
    expect((await fetch(`${dev.url}/notes`, { headers: { Authorization: `Bearer ${minted}` } })).status).toBe(200);
  });

  test.each([
    ['a path out of the spec’s folder', '../outside.json'],
    ['an absolute path', '/etc/passwd'],
    ['a symlink in the folder that points out of it', 'dev/link.json'],
  ])('a jwksUri naming %s stops dev with a diagnostic, reading nothing', async (_name, uri) => {
    const dir = writeFiles({ 'api.yaml': notesSpec(uri), ...entry('echo', echoHandler) });
    fs.mkdirSync(`${dir}/dev`, { recursive: true });
    fs.symlinkSync('/etc/hostname', `${dir}/dev/link.json`);
    const result = await runCli(['dev', `${dir}/api.yaml`, '--port', '0'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dev-jwks-unusable');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  test('a jwksUri file not written yet falls back to the dev key, and says so', async () => {
    const dev = await startDev({ 'api.yaml': notesSpec('dev/jwks.json'), ...entry('echo', echoHandler) });
    expect(dev.lines.join('\n')).toContain('dev/jwks.json does not exist');
    const token = await devToken(dev, 'oidc', { scopes: ['notes:read'] });
    expect((await fetch(`${dev.url}/notes`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  test('an https jwksUri is not fetched without --allow-network; dev keys stand in', async () => {
    const dev = await startDev({ 'api.yaml': notesSpec('https://id.example.com/jwks.json'), ...entry('echo', echoHandler) });
    expect(dev.lines.join('\n')).toContain('is not fetched');
    const token = await devToken(dev, 'oidc', { scopes: ['notes:read'] });
    expect((await fetch(`${dev.url}/notes`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

async function strangerToken(claims: Record<string, string>): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ scope: 'notes:read', ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'stranger' }).setExpirationTime('5m').sign(privateKey);
}

const shopSpec = `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
paths:
  /orders:
    get: {operationId: listOrders, security: [{shopperPool: [shop/orders.read]}], x-gateway: {lambda: {handler: echo}}, responses: {'200': {description: ok}}}
  /me:
    get: {operationId: me, security: [{shopperPool: []}], x-gateway: {lambda: {handler: echo}}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    shopperPool:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: https://auth.example.com/token, scopes: {shop/orders.read: read}}}
      x-gateway: {cognito: {userPoolArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Abc123']}}
`;

describe('Cognito user pool authorizers (REST)', () => {
  test('an access token with the method’s scope passes and its claims reach the handler', async () => {
    const dev = await startDev({ 'api.yaml': shopSpec, ...entry('echo', echoHandler) });
    const response = await fetch(`${dev.url}/orders`, { headers: { Authorization: await devToken(dev, 'shopperPool', { scopes: ['shop/orders.read'] }) } });
    expect(response.status).toBe(200);
    const { event } = (await json(response)) as { event: { requestContext: { authorizer: { claims: Record<string, string> } } } };
    expect(event.requestContext.authorizer.claims).toMatchObject({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123', token_use: 'access', scope: 'shop/orders.read' });
  });

  test.each([
    ['an ID token where the method wants a scope', { given: { path: '/orders', scopes: '' }, want: 401 }],
    ['an ID token where the method wants none', { given: { path: '/me', scopes: '' }, want: 200 }],
    ['no token', { given: { path: '/me', scopes: undefined }, want: 401 }],
  ])('%s', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': shopSpec, ...entry('echo', echoHandler) });
    let headers: Record<string, string> = {};
    if (given.scopes !== undefined) headers = { Authorization: await devToken(dev, 'shopperPool') };
    const response = await fetch(dev.url + given.path, { headers });
    expect(response.status).toBe(want);
  });
});

describe('gatewright dev --mint-token', () => {
  const shopSpec = `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  kind: rest
  stages: {live: {}}
security: [{pool: [shop/orders.read]}]
paths:
  /orders/{orderId}:
    get:
      operationId: getOrder
      parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
      x-gateway: {lambda: {handler: echo}}
      responses: {'200': {description: ok}}
  /orders:
    post: {operationId: placeOrder, security: [{pool: [shop/orders.write]}], x-gateway: {lambda: {handler: echo}}, responses: {'201': {description: ok}}}
    get: {operationId: listOrders, x-gateway: {lambda: {handler: echo}}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    pool:
      type: apiKey
      in: header
      name: Authorization
      x-gateway: {cognito: {userPoolArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc']}}
`;

  test('prints the token alone on stdout, and on stderr a curl command that works against the running gateway, its scopes, claims, expiry and key files', async () => {
    const out = writeFiles(entry('echo', echoHandler));
    const dev = await startDev({ 'api.yaml': shopSpec }, { outDir: out });
    const startedAt = Math.floor(Date.now() / 1000);
    const result = await runCli(['dev', `${dev.dir}/api.yaml`, '--mint-token', 'pool', '--scopes', 'shop/orders.read', '--subject', 'ann', '--expires-in', '600', '--out', out, '--port', String(dev.server.port)], out);
    expect(result.code, result.stderr).toBe(0);
    const token = result.stdout.trim();
    expect(result.stdout).toBe(`${token}\n`);
    expect(token.split('.')).toHaveLength(3);

    // The command: a GET the token's scope opens (not the POST that wants orders.write), on the stage and port given.
    const curl = /^ {2}curl(?: -X (\w+))? -H '([^:]+): ([^']+)' '([^']+)'$/m.exec(result.stderr);
    expect(curl, result.stderr).not.toBeNull();
    const [, method, header, value, url] = curl as unknown as [string, string | undefined, string, string, string];
    expect({ method, header, value, url }).toEqual({ method: undefined, header: 'Authorization', value: `Bearer ${token}`, url: `${dev.url}/orders` });
    const response = await fetch(url, { headers: { [header]: value } });
    expect(response.status).toBe(200);

    const claims = JSON.parse(/^ {2}claims: +(.+)$/m.exec(result.stderr)?.[1] ?? 'null') as Record<string, unknown>;
    expect(claims).toEqual(JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')));
    expect(claims).toMatchObject({ sub: 'ann', scope: 'shop/orders.read', token_use: 'access' });
    expect(result.stderr).toMatch(/^ {2}scopes: +shop\/orders\.read$/m);
    const expires = /^ {2}expires: (\S+) \(in (\d+) s\)$/m.exec(result.stderr);
    expect(Date.parse(expires?.[1] ?? '') / 1000).toBe(claims['exp']);
    expect(claims['exp']).toBeGreaterThanOrEqual(startedAt + 600);
    expect(Number(expires?.[2])).toBeGreaterThan(590);

    // The key files named are in --out, and the public JWKS checks the token.
    const keys = /^Keys: signed with (\S+); public JWKS (\S+) /m.exec(result.stderr);
    expect(keys?.slice(1)).toEqual(['.gatewright-dev/jwt-signing-key.json', '.gatewright-dev/jwks.json']);
    const { createLocalJWKSet, jwtVerify } = await import('jose');
    const jwks = JSON.parse(fs.readFileSync(`${out}/.gatewright-dev/jwks.json`, 'utf8')) as { keys: [] };
    await expect(jwtVerify(token, createLocalJWKSet(jwks))).resolves.toMatchObject({ payload: { sub: 'ann' } });
    expect(fs.existsSync(`${dev.dir}/.gatewright-dev`)).toBe(false);
  });

  test('without a scope any route takes, it says where the token goes and which scopes to mint', async () => {
    const dir = writeFiles({ 'api.yaml': shopSpec });
    const result = await runCli(['dev', `${dir}/api.yaml`, '--mint-token', 'pool'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('curl');
    expect(result.stderr).toContain('Send it in the header Authorization as "Bearer <token>".');
    expect(result.stderr).toContain('mint with --scopes naming one of: shop/orders.read, shop/orders.write.');
    expect(result.stderr).toMatch(/^ {2}scopes: +none$/m);
  });
});

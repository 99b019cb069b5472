import fs from 'node:fs';
import path from 'node:path';
// jose is loaded when a token scheme needs it, so APIs without one do not pay for it at startup.
import type { JWK, JWTPayload, JWTVerifyGetKey } from 'jose';
import type { CognitoScheme, DeployValue, JwtScheme, SchemeUse } from '../../ir/types.js';
import type { AuthorizerOutcome } from '../caller.js';
import { GatewayError } from '../gateway-responses.js';
import type { GatewayRequest } from '../request.js';
import type { DevSigningKey } from './dev-credentials.js';

/** How the local gateway checks one JWT or Cognito scheme's tokens, and signs dev tokens for it. */
export interface TokenKeys {
  readonly verifyKey: JWTVerifyGetKey;
  /** Present when dev can mint tokens this scheme accepts. */
  readonly signing?: { readonly key: CryptoKey; readonly kid: string; readonly alg: string };
  /** Said once at startup: where the keys come from. */
  readonly note?: string;
}

export type KeyProblem = { readonly problem: string };

/**
 * Where a scheme's signing keys come from. No `jwksUri`, or a URL when the network is
 * off (the default), or a file not written yet: the dev key. A file: it must lie inside
 * the spec's folder (a spec never makes dev read elsewhere); private keys in it can also
 * sign dev tokens.
 */
export async function tokenKeys(scheme: JwtScheme | CognitoScheme, specDir: string, devKey: DevSigningKey, allowNetwork: boolean): Promise<TokenKeys | KeyProblem> {
  const { createLocalJWKSet, createRemoteJWKSet, importJWK } = await import('jose');
  const devKeys: TokenKeys = {
    verifyKey: createLocalJWKSet({ keys: [devKey.publicJwk] }),
    signing: { key: devKey.privateKey, kid: devKey.kid, alg: 'RS256' },
  };
  const uri = scheme.type === 'jwt' ? scheme.jwksUri : undefined;
  if (uri === undefined) return devKeys;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) {
    if (!allowNetwork) return { ...devKeys, note: `${scheme.name}: ${uri} is not fetched (dev reads no network unless --allow-network); tokens are checked against the dev key instead.` };
    if (!uri.startsWith('https://')) return { problem: `The jwksUri "${uri}" of ${scheme.name} is not an https URL; use https or a file in the spec's folder.` };
    return { verifyKey: createRemoteJWKSet(new URL(uri)), note: `${scheme.name}: keys from ${uri}.` };
  }
  const root = fs.realpathSync(specDir);
  const target = path.resolve(root, uri);
  const inside = (file: string): boolean => file === root || file.startsWith(root + path.sep);
  if (!inside(target)) return { problem: `The jwksUri "${uri}" of ${scheme.name} leads outside the spec's folder; dev reads key files only inside ${root}.` };
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    return { ...devKeys, note: `${scheme.name}: ${uri} does not exist, so tokens are checked against the dev key; put a JWKS there to use your own keys.` };
  }
  // A symlink inside the folder may still point out of it.
  if (!inside(real)) return { problem: `The jwksUri "${uri}" of ${scheme.name} leads outside the spec's folder; dev reads key files only inside ${root}.` };
  let jwks: { keys?: JWK[] };
  try {
    jwks = JSON.parse(fs.readFileSync(real, 'utf8')) as { keys?: JWK[] };
  } catch (error) {
    return { problem: `The JWKS file ${uri} of ${scheme.name} is not JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(jwks.keys)) return { problem: `The JWKS file ${uri} of ${scheme.name} has no "keys" list.` };
  const publicKeys = jwks.keys.map(({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest }) => rest);
  const privateJwk = jwks.keys.find((k) => typeof k.d === 'string' && typeof k.kid === 'string');
  let signing: TokenKeys['signing'];
  if (privateJwk) {
    const alg = privateJwk.alg ?? 'RS256';
    signing = { key: (await importJWK(privateJwk, alg)) as CryptoKey, kid: privateJwk.kid as string, alg };
  }
  return { verifyKey: createLocalJWKSet({ keys: publicKeys }), ...(signing ? { signing } : {}), note: `${scheme.name}: keys from ${uri}${signing ? '' : ' (no private key in it, so dev cannot mint tokens for this scheme)'}.` };
}

/** A deploy-time value as the local gateway sees it: literals as written, parameters and imports as `dev:NAME`. */
export function devValue(value: DeployValue): string {
  if ('literal' in value) return value.literal;
  return `dev:${'parameter' in value ? value.parameter : value.import}`;
}

export function schemeIssuer(scheme: JwtScheme | CognitoScheme): string {
  if (scheme.type === 'jwt') return 'literal' in scheme.issuer ? scheme.issuer.literal : `https://gatewright.local/${scheme.name}`;
  const arn = scheme.userPoolArns[0];
  const match = arn && 'literal' in arn ? /^arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\d{12}:userpool\/([\w-]+)$/.exec(arn.literal) : null;
  return match ? `https://cognito-idp.${match[1]}.amazonaws.com/${match[2]}` : `https://gatewright.local/${scheme.name}`;
}

export function schemeAudiences(scheme: JwtScheme | CognitoScheme): string[] {
  return scheme.type === 'jwt' ? scheme.audience.map(devValue) : [`${scheme.name}-dev-client`];
}

const rsaAlgorithms = ['RS256', 'RS384', 'RS512'];

/**
 * An HTTP API JWT authorizer: a token from the identity source, signed by a known key,
 * from the issuer, for one of the audiences (`aud`, else `client_id`), not expired; and
 * when the route names scopes, holding at least one of them.
 */
export async function verifyJwt(scheme: JwtScheme, use: SchemeUse, keys: TokenKeys, request: GatewayRequest): Promise<AuthorizerOutcome> {
  const token = bearerToken(scheme.identitySource.in === 'query' ? request.queryValue(scheme.identitySource.name) : request.header(scheme.identitySource.name));
  if (token === undefined) throw new GatewayError('UNAUTHORIZED', undefined, {}, `no token in ${scheme.identitySource.in} ${scheme.identitySource.name}`);
  const claims = await verifiedClaims(token, keys, schemeIssuer(scheme), (reason) =>
    new GatewayError('UNAUTHORIZED', undefined, { 'www-authenticate': `Bearer scope="${use.scopes.join(' ')}" error="invalid_token" error_description="${reason}"` }, reason),
  );
  const audiences = schemeAudiences(scheme);
  const aud = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  const forUs = aud.length > 0 ? aud.some((a) => audiences.includes(a)) : typeof claims['client_id'] === 'string' && audiences.includes(claims['client_id']);
  if (!forUs) {
    throw new GatewayError('UNAUTHORIZED', undefined, { 'www-authenticate': 'Bearer error="invalid_token" error_description="the token does not have a valid audience"' }, 'wrong audience');
  }
  const scopes = tokenScopes(claims);
  if (use.scopes.length > 0 && !use.scopes.some((s) => scopes.includes(s))) {
    throw new GatewayError('ACCESS_DENIED', undefined, { 'www-authenticate': `Bearer scope="${use.scopes.join(' ')}" error="insufficient_scope" error_description="expected scopes: ${use.scopes.join(' ')}"` }, 'insufficient scope');
  }
  return { kind: 'jwt', claims, scopes: scopes.length > 0 ? scopes : null };
}

/**
 * A REST Cognito user pool authorizer: the token (with or without `Bearer `) from the pool's
 * issuer, unexpired; with scopes on the method it must be an access token holding one.
 */
export async function verifyCognito(scheme: CognitoScheme, use: SchemeUse, keys: TokenKeys, request: GatewayRequest): Promise<AuthorizerOutcome> {
  const token = bearerToken(request.header(scheme.identitySource.name));
  if (token === undefined) throw new GatewayError('UNAUTHORIZED', undefined, {}, `no token in ${scheme.identitySource.name}`);
  const claims = await verifiedClaims(token, keys, schemeIssuer(scheme), (reason) => new GatewayError('UNAUTHORIZED', undefined, {}, reason));
  if (use.scopes.length > 0) {
    const scopes = tokenScopes(claims);
    if (claims['token_use'] !== 'access' || !use.scopes.some((s) => scopes.includes(s))) throw new GatewayError('UNAUTHORIZED', undefined, {}, 'insufficient scope');
  }
  return { kind: 'cognito', claims };
}

async function verifiedClaims(token: string, keys: TokenKeys, issuer: string, refuse: (reason: string) => GatewayError): Promise<JWTPayload> {
  const { errors: joseErrors, jwtVerify } = await import('jose');
  try {
    const { payload } = await jwtVerify(token, keys.verifyKey, { issuer, algorithms: rsaAlgorithms, requiredClaims: ['exp'] });
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw refuse('the token has expired');
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'iss') throw refuse('the token has an invalid issuer');
    throw refuse(error instanceof Error ? `the token is not valid: ${error.message}` : 'the token is not valid');
  }
}

function bearerToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const token = value.replace(/^Bearer\s+/i, '').trim();
  return token === '' ? undefined : token;
}

function tokenScopes(claims: JWTPayload): string[] {
  const scope = claims['scope'] ?? claims['scp'];
  if (typeof scope === 'string') return scope.split(' ').filter(Boolean);
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string');
  return [];
}

export interface MintOptions {
  readonly subject?: string;
  readonly scopes?: readonly string[];
  readonly expiresInS?: number;
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** Signs a token the scheme accepts locally: right issuer and audience, the asked scopes, one hour by default. */
export async function mintToken(scheme: JwtScheme | CognitoScheme, keys: TokenKeys, options: MintOptions = {}): Promise<string> {
  const { SignJWT } = await import('jose');
  if (!keys.signing) throw new Error(`dev has no private key for ${scheme.name}; its jwksUri file holds public keys only.`);
  const scopes = options.scopes ?? [];
  const audience = schemeAudiences(scheme)[0] ?? 'gatewright-dev';
  const payload: JWTPayload =
    scheme.type === 'jwt'
      ? { ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}), client_id: audience, ...options.claims }
      : {
          token_use: scopes.length > 0 ? 'access' : 'id',
          ...(scopes.length > 0 ? { scope: scopes.join(' '), client_id: audience } : {}),
          'cognito:username': options.subject ?? 'dev-user',
          ...options.claims,
        };
  let jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: keys.signing.alg, kid: keys.signing.kid, typ: 'JWT' })
    .setIssuer(schemeIssuer(scheme))
    .setSubject(options.subject ?? 'dev-user')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInS ?? 3600));
  if ((scheme.type === 'jwt' || scopes.length === 0) && options.claims?.['aud'] === undefined) jwt = jwt.setAudience(audience);
  return jwt.sign(keys.signing.key);
}

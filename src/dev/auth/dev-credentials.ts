import fs from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import type { Api } from '../../ir/types.js';
import { derivedSecret, devAccountId } from '../ids.js';

export interface DevIamCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly userArn: string;
  readonly userId: string;
  readonly accountId: string;
}

/** The IAM user local SigV4 requests sign as: derived from the API's name, the same on every run. */
export function devIamCredentials(api: Api): DevIamCredentials {
  return {
    accessKeyId: `AKIA${derivedSecret('access-key-id', api.name, 16).toUpperCase()}`,
    secretAccessKey: derivedSecret('secret-access-key', api.name, 40),
    userArn: `arn:aws:iam::${devAccountId}:user/gatewright-dev`,
    userId: `AIDA${derivedSecret('user-id', api.name, 17).toUpperCase()}`,
    accountId: devAccountId,
  };
}

export interface DevSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** In the state folder: the private key dev signs tokens with, and its public half as a JWKS for other tools to check them. */
export const signingKeyFile = 'jwt-signing-key.json';
export const publicJwksFile = 'jwks.json';

/**
 * The RSA key that signs dev tokens, made on first use and kept in the state folder, so
 * tokens stay valid across restarts. API Gateway's JWT authorizers take RSA keys only.
 */
export async function devSigningKey(stateDir: string): Promise<DevSigningKey> {
  const { exportJWK, generateKeyPair, importJWK } = await import('jose');
  const file = path.join(stateDir, signingKeyFile);
  let jwk: JWK | undefined;
  try {
    jwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  } catch {
    jwk = undefined;
  }
  if (!jwk || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
    const pair = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    jwk = { ...(await exportJWK(pair.privateKey)), kid: `gatewright-dev-${derivedSecret('kid', String(Date.now()), 8)}`, alg: 'RS256', use: 'sig' };
    fs.mkdirSync(stateDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(jwk, null, 2) + '\n', { mode: 0o600 });
  }
  const privateKey = (await importJWK(jwk, 'RS256')) as CryptoKey;
  const { kty, n, e, kid, alg } = jwk;
  const publicJwk = { kty, n, e, kid, alg, use: 'sig' } as JWK;
  const jwks = JSON.stringify({ keys: [publicJwk] }, null, 2) + '\n';
  const jwksPath = path.join(stateDir, publicJwksFile);
  if (readText(jwksPath) !== jwks) fs.writeFileSync(jwksPath, jwks);
  return { kid: jwk.kid as string, privateKey, publicJwk };
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { buildApi } from '../frontend/build-api.js';
import { loadSpec } from '../load/load-spec.js';
import { devSigningKey } from './auth/dev-credentials.js';
import { mintToken, tokenKeys, type MintOptions } from './auth/jwt.js';
import { stateDirName } from './handlers.js';
import type { DevOptions } from './options.js';

export class MintError extends Error {}

/** Mints a token that the named JWT or Cognito scheme accepts on the local gateway. */
export async function mintDevToken(options: DevOptions, schemeName: string, mint: MintOptions): Promise<string> {
  const { api } = buildApi(loadSpec(options.specPath, options.load));
  if (!api) throw new MintError(`${options.specPath} could not be read; run "gatewright lint" on it.`);
  const scheme = api.securitySchemes.find((s) => s.name === schemeName);
  const candidates = api.securitySchemes.filter((s) => s.type === 'jwt' || s.type === 'cognito').map((s) => s.name);
  if (!scheme || (scheme.type !== 'jwt' && scheme.type !== 'cognito')) {
    throw new MintError(`"${schemeName}" is not a JWT or Cognito security scheme of this spec${candidates.length > 0 ? `; choose from ${candidates.join(', ')}` : '; it has none'}.`);
  }
  const outDir = path.resolve(options.outDir ?? path.dirname(path.resolve(options.specPath)));
  const stateDir = path.join(outDir, stateDirName);
  fs.mkdirSync(stateDir, { recursive: true });
  const keys = await tokenKeys(scheme, path.dirname(fs.realpathSync(options.specPath)), await devSigningKey(stateDir), false);
  if ('problem' in keys) throw new MintError(keys.problem);
  if (!keys.signing) throw new MintError(`dev cannot sign tokens for ${schemeName}: its JWKS file holds no private key.`);
  return mintToken(scheme, keys, mint);
}

import fs from 'node:fs';
import path from 'node:path';
import { buildApi } from '../frontend/build-api.js';
import type { Api, CognitoScheme, JwtScheme, Route } from '../ir/types.js';
import { loadSpec } from '../load/load-spec.js';
import { devSigningKey, publicJwksFile, signingKeyFile } from './auth/dev-credentials.js';
import { mintToken, tokenKeys, type MintOptions } from './auth/jwt.js';
import { stateDirName } from './handlers.js';
import type { DevOptions } from './options.js';

export class MintError extends Error {}

/** A dev token and what a person needs to use it. */
export interface MintedToken {
  readonly token: string;
  readonly scheme: JwtScheme | CognitoScheme;
  /** The token's claims, as signed. */
  readonly claims: Readonly<Record<string, unknown>>;
  /** Where the keys that sign and check it live, absolute. */
  readonly keys: { readonly signing: string; readonly jwks: string };
  /** A request that sends it: a route of the scheme on the stage dev serves by default (or `--stage`). */
  readonly example?: { readonly method: string; readonly url: string };
  /** Without an example: the scopes the scheme's routes ask for, one of which would open one. */
  readonly routeScopes: readonly string[];
}

/** Mints a token that the named JWT or Cognito scheme accepts on the local gateway. */
export async function mintDevToken(options: DevOptions, schemeName: string, mint: MintOptions): Promise<MintedToken> {
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
  const specDir = path.dirname(fs.realpathSync(options.specPath));
  const keys = await tokenKeys(scheme, specDir, await devSigningKey(stateDir), false);
  if ('problem' in keys) throw new MintError(keys.problem);
  if (!keys.signing) throw new MintError(`dev cannot sign tokens for ${schemeName}: its JWKS file holds no private key.`);
  const token = await mintToken(scheme, keys, mint);
  const ownJwks = jwksFile(scheme, specDir);
  const example = exampleRequest(api, scheme, mint.scopes ?? [], options);
  return {
    token,
    scheme,
    claims: JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>,
    keys: ownJwks ? { signing: ownJwks, jwks: ownJwks } : { signing: path.join(stateDir, signingKeyFile), jwks: path.join(stateDir, publicJwksFile) },
    ...(example ? { example } : {}),
    routeScopes: [...new Set(api.routes.flatMap((r) => r.security.requirements.flatMap((set) => set.filter((u) => u.scheme === scheme.name).flatMap((u) => u.scopes))))].sort(),
  };
}

/** The scheme's own JWKS file, when it has one dev signs with (a file inside the spec's folder). */
function jwksFile(scheme: JwtScheme | CognitoScheme, specDir: string): string | undefined {
  const uri = scheme.type === 'jwt' ? scheme.jwksUri : undefined;
  if (uri === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return undefined;
  const file = path.resolve(specDir, uri);
  return fs.existsSync(file) ? file : undefined;
}

/**
 * A route the token opens, on the URL dev serves it at: one the scheme alone admits with
 * the token's scopes, preferring a GET, then one without path parameters.
 */
function exampleRequest(api: Api, scheme: JwtScheme | CognitoScheme, scopes: readonly string[], options: DevOptions): { method: string; url: string } | undefined {
  const admits = (route: Route): boolean =>
    route.shadowedBy === undefined &&
    route.security.requirements.some((set) => set.length === 1 && set[0]?.scheme === scheme.name && (set[0].scopes.length === 0 || set[0].scopes.some((s) => scopes.includes(s))));
  const score = (route: Route): number => (route.method === 'GET' ? 0 : 2) + (route.gatewayPath.includes('{') ? 1 : 0);
  const route = api.routes.filter(admits).sort((a, b) => score(a) - score(b))[0];
  const stage = options.stage ?? api.gateway.stages[0]?.name;
  if (!route || stage === undefined) return undefined;
  const prefix = api.kind === 'http' && stage === '$default' ? '' : `/${stage}`;
  const port = options.port === undefined || options.port === 0 ? 3000 : options.port;
  const routePath = route.gatewayPath.replace(/\{([^}+]+)\+?\}/g, (_m, name: string) => `<${name}>`);
  return { method: route.method === 'ANY' ? 'GET' : route.method, url: `http://${options.host ?? '127.0.0.1'}:${port}${prefix}${routePath}` };
}

/** What `--mint-token` prints for a person: how to send the token, what it holds, until when, and where its keys are. */
export function mintedTokenBanner(minted: MintedToken, cwd: string, now: number = Date.now()): string {
  const { scheme, claims } = minted;
  const source = scheme.identitySource;
  const shown = (file: string): string => path.relative(cwd, file) || file;
  const scopes = typeof claims['scope'] === 'string' ? claims['scope'].split(' ').filter(Boolean) : [];
  const expiresAt = typeof claims['exp'] === 'number' ? claims['exp'] : undefined;
  const lines = [`Dev token for ${scheme.name} (${scheme.type === 'jwt' ? 'JWT authorizer' : 'Cognito user pool authorizer'}), on stdout.`];
  if (minted.example) {
    const method = minted.example.method === 'GET' ? '' : ` -X ${minted.example.method}`;
    const credential =
      source.in === 'query'
        ? { header: '', url: `${minted.example.url}?${encodeURIComponent(source.name)}=${minted.token}` }
        : { header: ` -H '${source.name}: Bearer ${minted.token}'`, url: minted.example.url };
    lines.push('Use it:', `  curl${method}${credential.header} '${credential.url}'`);
  } else {
    // No route admits it alone with these scopes: say where it goes.
    lines.push(`Send it in the ${source.in} ${source.name}${source.in === 'header' ? ' as "Bearer <token>"' : ''}.`);
    if (minted.routeScopes.length > 0) lines.push(`  No route takes it with these scopes alone; mint with --scopes naming one of: ${minted.routeScopes.join(', ')}.`);
  }
  lines.push(`  scopes:  ${scopes.length > 0 ? scopes.join(' ') : 'none'}`);
  lines.push(`  claims:  ${JSON.stringify(claims)}`);
  if (expiresAt !== undefined) lines.push(`  expires: ${new Date(expiresAt * 1000).toISOString()} (in ${Math.max(0, Math.round(expiresAt - now / 1000))} s)`);
  lines.push(
    minted.keys.signing === minted.keys.jwks
      ? `Keys: ${shown(minted.keys.jwks)} (the scheme's jwksUri; dev signs with its private key)`
      : `Keys: signed with ${shown(minted.keys.signing)}; public JWKS ${shown(minted.keys.jwks)} (kept across restarts; dev checks tokens against it)`,
  );
  return lines.join('\n');
}

import fs from 'node:fs';
import path from 'node:path';
import type { DevApp } from './app.js';
import { schemeAudiences, schemeIssuer } from './auth/jwt.js';
import { stateDirName } from './handlers.js';
import { devRegion } from './ids.js';

export const credentialsFileName = 'credentials.json';

/** The local credentials as data: API key values, the IAM dev user, the token schemes. */
export function localCredentials(app: DevApp, url: string) {
  return {
    url,
    apiKeys: Object.fromEntries(app.apiKeys.map((k) => [k.name, k.value])),
    iam: { accessKeyId: app.iam.accessKeyId, secretAccessKey: app.iam.secretAccessKey, region: devRegion, service: 'execute-api' },
    tokenSchemes: app.api.securitySchemes.flatMap((s) =>
      s.type === 'jwt' || s.type === 'cognito' ? [{ scheme: s.name, issuer: schemeIssuer(s), audience: schemeAudiences(s) }] : [],
    ),
  };
}

/** Writes them to `<out>/.gatewright-dev/credentials.json`, for scripts and tests that start dev. */
export function writeCredentialsFile(app: DevApp, outDir: string, url: string): string {
  const file = path.join(outDir, stateDirName, credentialsFileName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(localCredentials(app, url), null, 2) + '\n', { mode: 0o600 });
  return file;
}

/** What dev prints when it starts: where to call it and with which local credentials. */
export function startupBanner(app: DevApp, url: string, credentialsFile: string): string {
  const lines = [`gatewright dev: ${app.api.title} (${app.api.kind} API "${app.api.name}"), stage ${app.stage.name}`, `  ${app.api.kind === 'websocket' ? url.replace(/^http/, 'ws') : url}`];
  const loaded = [...app.handlers.functions.keys()];
  const missing = [...app.handlers.problems.keys()];
  if (app.api.handlers.length > 0) lines.push(`  handlers: ${loaded.length > 0 ? loaded.join(', ') : 'none loaded'}${missing.length > 0 ? `; not loaded: ${missing.join(', ')}` : ''}`);
  if (app.apiKeys.length > 0) {
    lines.push('API keys (send as x-api-key):');
    for (const key of app.apiKeys) lines.push(`  ${key.name.padEnd(24)} ${key.value}`);
  }
  if (app.api.securitySchemes.some((s) => s.type === 'iam')) {
    lines.push(`IAM dev credentials (SigV4, region ${devRegion}, service execute-api):`, `  AWS_ACCESS_KEY_ID=${app.iam.accessKeyId} AWS_SECRET_ACCESS_KEY=${app.iam.secretAccessKey}`);
  }
  const tokenSchemes = app.api.securitySchemes.filter((s) => s.type === 'jwt' || s.type === 'cognito');
  if (tokenSchemes.length > 0) lines.push(`Dev tokens: gatewright dev <spec> --mint-token ${tokenSchemes[0]?.name} [--scopes a,b]`);
  lines.push(`Local credentials: ${credentialsFile}`);
  return lines.join('\n');
}

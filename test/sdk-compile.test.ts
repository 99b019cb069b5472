import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sdkGoldens } from '../scripts/fixtures.mjs';
import { repoRoot } from './helpers/diagnostics.js';
import { buildSdkPackage, generateSdkPackage, importSdk } from './helpers/sdk.js';

// Every fixture's SDK compiles under its own strict tsconfig and loads as ESM.
describe.each(sdkGoldens())('the SDK of $name ($folder)', (golden) => {
  test('compiles under tsc --strict and imports', async () => {
    const dir = generateSdkPackage(path.join(repoRoot, golden.spec), golden.options as Parameters<typeof generateSdkPackage>[1]);
    buildSdkPackage(dir);
    const sdk = await importSdk(dir);
    expect(typeof sdk['ApiError']).toBe('function');
    const clients = Object.keys(sdk).filter((name) => name.endsWith('Client') && typeof sdk[name] === 'function');
    expect(clients).toHaveLength(1);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateSdkFiles } from '../src/sdk.js';
import { sdkGoldens } from '../scripts/fixtures.mjs';
import { repoRoot } from './helpers/diagnostics.js';

// generated/<fixture>/sdk-ts* holds the SDK of each fixture; `npm run generate` rewrites it.
describe.each(sdkGoldens())('generated/$name/$folder', (golden) => {
  test('matches a fresh generation', () => {
    const result = generateSdkFiles(path.join(repoRoot, golden.spec), golden.options as Parameters<typeof generateSdkFiles>[1]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const folder = path.join(repoRoot, 'generated', golden.name, golden.folder);
    for (const file of result.files) {
      const committed = path.join(folder, file.path);
      expect(fs.existsSync(committed), `${committed} is missing; run npm run generate`).toBe(true);
      expect(fs.readFileSync(committed, 'utf8'), `${committed} is stale; run npm run generate and review the diff`).toEqual(file.contents);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, '.gatewright/manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).sort()).toEqual(result.files.map((f) => f.path).sort());
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { codes } from '../src/diagnostics/codes.js';
import { renderDiagnosticsDoc } from '../scripts/diagnostics-doc.mjs';
import { updateLintDoc } from '../scripts/lint-doc.mjs';
import { changeKinds } from '../src/diff/changes.js';
import { presets } from '../src/lint/presets.js';
import { rules } from '../src/lint/rules/index.js';
import { repoRoot } from './helpers/diagnostics.js';

test('docs/diagnostics.md lists every code of the catalogue (npm run docs rewrites it)', () => {
  expect(fs.readFileSync(path.join(repoRoot, 'docs/diagnostics.md'), 'utf8')).toBe(renderDiagnosticsDoc(codes));
});

test('every code the source reports is in the catalogue', () => {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) for (const m of fs.readFileSync(full, 'utf8').matchAll(/(?:report|diagnostic)\(\s*'([a-z0-9-]+)'/g)) used.add(m[1] as string);
    }
  };
  walk(path.join(repoRoot, 'src'));
  expect([...used].filter((code) => !(code in codes))).toEqual([]);
});

test('docs/lint.md lists every rule with its examples, and every diff change class (npm run docs rewrites those parts)', () => {
  const written = fs.readFileSync(path.join(repoRoot, 'docs/lint.md'), 'utf8');
  expect(updateLintDoc(written, { rules, presets, changeKinds })).toBe(written);
  for (const rule of rules) expect(written).toContain(`<a id="${rule.id}"></a>`);
});

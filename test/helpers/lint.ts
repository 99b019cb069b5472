import path from 'node:path';
import { lint } from '../../src/lint.js';
import type { LintConfig } from '../../src/lint/config.js';
import type { PresetName } from '../../src/lint/presets.js';
import { locate, type Located } from './diagnostics.js';
import { writeFiles } from './temp.js';

/** A config that runs every rule of a preset, with nothing looked up from disk. */
export function presetConfig(preset: PresetName = 'all', rules: Record<string, LintConfig['rules'] extends ReadonlyMap<string, infer S> ? S : never> = {}): LintConfig {
  return { preset, rules: new Map(Object.entries(rules)), ignore: [] };
}

/** Lints spec text written to a fresh folder, and returns every diagnostic located. */
export function lintText(text: string, config: LintConfig = presetConfig(), name = 'openapi.yaml'): Located[] {
  const dir = writeFiles({ [name]: text });
  const result = lint(path.join(dir, name), { config });
  return result.diagnostics.map((d) => locate(d, result.sources));
}

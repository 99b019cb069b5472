import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../diagnostics/diagnostic.js';
import { codes } from '../diagnostics/codes.js';
import { didYouMean } from '../frontend/did-you-mean.js';
import { presetNames, presetSeverity, ruleSeverities, type PresetName, type RuleSeverity } from './presets.js';
import { rules } from './rules/index.js';

/** One `ignore` entry: a rule (or compiler code) at a JSON pointer of one file, and everything under it. */
export interface IgnoreEntry {
  /** Absolute path of the file the pointer is in. */
  readonly file: string;
  readonly rule: string;
  /** RFC 6901 pointer without the leading `#`. */
  readonly pointer: string;
}

export interface LintConfig {
  /** The file the config was read from; absent for the built-in default. */
  readonly file?: string;
  readonly preset: PresetName;
  /** Severities set in the config, over the preset's. */
  readonly rules: ReadonlyMap<string, RuleSeverity>;
  readonly ignore: readonly IgnoreEntry[];
}

export const configFileName = 'gatewright.config.yaml';

export const defaultConfig: LintConfig = { preset: 'recommended', rules: new Map(), ignore: [] };

/** A config file gatewright cannot use: a usage error (exit 2), never a problem of the spec. */
export class ConfigError extends UsageError {}

const ruleIds = new Set(rules.map((r) => r.id));

/** The severity a rule runs at under a config. */
export function ruleSeverity(config: LintConfig, ruleId: string): RuleSeverity {
  return config.rules.get(ruleId) ?? presetSeverity(config.preset, ruleId);
}

/**
 * Finds the config that applies to a spec: the nearest `gatewright.config.yaml`, or
 * `package.json` with a `gatewright` key, in the spec's folder or one above it; failing
 * that, the same search from `cwd`. The built-in default (`recommended`) otherwise.
 */
export function findLintConfig(specPath: string, cwd: string = process.cwd()): LintConfig {
  for (const start of [path.dirname(path.resolve(cwd, specPath)), path.resolve(cwd)]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const found = configIn(dir);
      if (found) return found;
      if (path.dirname(dir) === dir) break;
    }
  }
  return defaultConfig;
}

function configIn(dir: string): LintConfig | undefined {
  const yamlFile = path.join(dir, configFileName);
  if (fs.existsSync(yamlFile)) return loadLintConfig(yamlFile);
  const packageFile = path.join(dir, 'package.json');
  if (!fs.existsSync(packageFile)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(packageFile, 'utf8'));
  } catch {
    // A package.json that does not parse is someone else's problem; it has no gatewright key for us.
    return undefined;
  }
  if (!isRecord(data) || !('gatewright' in data)) return undefined;
  return parseLintConfig(data['gatewright'], packageFile, 'gatewright');
}

/** Reads a config file: `gatewright.config.yaml`, or a `package.json` holding a `gatewright` key. */
export function loadLintConfig(file: string): LintConfig {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  if (path.basename(absolute) === 'package.json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (!isRecord(data) || !('gatewright' in data)) throw new ConfigError(`${file} has no "gatewright" key; add {"gatewright": {"lint": {...}}}.`);
    return parseLintConfig(data['gatewright'], absolute, 'gatewright');
  }
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError(`${file} is not valid YAML: ${(error as Error).message}`);
  }
  return parseLintConfig(data ?? {}, absolute, '');
}

/**
 * Checks and reads a config value:
 * `{lint: {extends: recommended, rules: {<id>: off|info|warning|error}, ignore: {<file>: {<id>: [<pointer>]}}}}`.
 * Ignore paths are relative to the config file's folder.
 */
export function parseLintConfig(value: unknown, file: string, at: string): LintConfig {
  const where = (key: string) => `${path.basename(file)}: ${[at, key].filter(Boolean).join('.')}`;
  if (!isRecord(value)) throw new ConfigError(`${where('')} must be a mapping with a "lint" key.`);
  for (const key of Object.keys(value)) {
    if (key !== 'lint') throw new ConfigError(`${where(key)} is not a config key; gatewright reads "lint".${didYouMean(key, ['lint'])}`);
  }
  const lint = value['lint'] ?? {};
  if (!isRecord(lint)) throw new ConfigError(`${where('lint')} must be a mapping of extends, rules and ignore.`);
  for (const key of Object.keys(lint)) {
    if (!['extends', 'rules', 'ignore'].includes(key)) throw new ConfigError(`${where(`lint.${key}`)} is not a lint setting; use extends, rules or ignore.${didYouMean(key, ['extends', 'rules', 'ignore'])}`);
  }
  const preset = lint['extends'] ?? 'recommended';
  if (typeof preset !== 'string' || !(presetNames as readonly string[]).includes(preset)) {
    throw new ConfigError(`${where('lint.extends')} must be one of ${presetNames.join(', ')}, not ${JSON.stringify(preset)}.`);
  }
  const ruleSettings = new Map<string, RuleSeverity>();
  const writtenRules = lint['rules'] ?? {};
  if (!isRecord(writtenRules)) throw new ConfigError(`${where('lint.rules')} must map rule ids to off, info, warning or error.`);
  for (const [id, severity] of Object.entries(writtenRules)) {
    checkRuleId(id, where(`lint.rules.${id}`));
    if (typeof severity !== 'string' || !(ruleSeverities as readonly string[]).includes(severity)) {
      throw new ConfigError(`${where(`lint.rules.${id}`)} must be one of ${ruleSeverities.join(', ')}, not ${JSON.stringify(severity)}.`);
    }
    ruleSettings.set(id, severity as RuleSeverity);
  }
  const ignore: IgnoreEntry[] = [];
  const base = realFolder(path.dirname(file));
  const writtenIgnore = lint['ignore'] ?? {};
  if (!isRecord(writtenIgnore)) throw new ConfigError(`${where('lint.ignore')} must map spec files to rule ids to lists of JSON pointers.`);
  for (const [specFile, byRule] of Object.entries(writtenIgnore)) {
    if (!isRecord(byRule)) throw new ConfigError(`${where(`lint.ignore.${specFile}`)} must map rule ids to lists of JSON pointers.`);
    for (const [id, pointers] of Object.entries(byRule)) {
      checkRuleId(id, where(`lint.ignore.${specFile}.${id}`));
      if (!Array.isArray(pointers) || !pointers.every((p) => typeof p === 'string')) {
        throw new ConfigError(`${where(`lint.ignore.${specFile}.${id}`)} must be a list of JSON pointers such as '#/paths/~1health/get'.`);
      }
      for (const written of pointers as string[]) {
        const pointer = written.startsWith('#') ? written.slice(1) : written;
        if (pointer !== '' && !pointer.startsWith('/')) {
          throw new ConfigError(`${where(`lint.ignore.${specFile}.${id}`)}: "${written}" is not a JSON pointer; write it as '#/paths/~1orders/get'.`);
        }
        ignore.push({ file: path.resolve(base, specFile), rule: id, pointer: written.startsWith('#') ? decodeFragment(pointer) : pointer });
      }
    }
  }
  return { file, preset: preset as PresetName, rules: ruleSettings, ignore };
}

function checkRuleId(id: string, where: string): void {
  if (ruleIds.has(id) || id in codes) return;
  throw new ConfigError(`${where}: "${id}" is neither a lint rule nor a compiler code (see docs/lint.md and docs/diagnostics.md).${didYouMean(id, [...ruleIds, ...Object.keys(codes)])}`);
}

/** A pointer written as a URI fragment (`#/...`) may be percent-encoded. */
function decodeFragment(pointer: string): string {
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}

/** Spec paths are compared after symlinks are resolved, as the loader resolves them. */
function realFolder(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

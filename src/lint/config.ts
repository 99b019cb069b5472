import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { UsageError } from '../diagnostics/diagnostic.js';
import { codes } from '../diagnostics/codes.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { displayPath } from '../diagnostics/reporters/report.js';
import { jsonLocator } from '../load/locate-json.js';
import { locateInYaml } from '../load/locate-yaml.js';
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
      const found = configIn(dir, cwd);
      if (found) return found;
      if (path.dirname(dir) === dir) break;
    }
  }
  return defaultConfig;
}

function configIn(dir: string, cwd: string): LintConfig | undefined {
  const yamlFile = path.join(dir, configFileName);
  if (fs.existsSync(yamlFile)) return loadLintConfig(yamlFile, cwd);
  const packageFile = path.join(dir, 'package.json');
  if (!fs.existsSync(packageFile)) return undefined;
  let text: string;
  let data: unknown;
  try {
    text = fs.readFileSync(packageFile, 'utf8');
    data = JSON.parse(text);
  } catch {
    // A package.json that does not parse is someone else's problem; it has no gatewright key for us.
    return undefined;
  }
  if (!isRecord(data) || !('gatewright' in data)) return undefined;
  return parseLintConfig(data['gatewright'], packageFile, 'gatewright', text, cwd);
}

/**
 * Reads a config file: `gatewright.config.yaml`, or a `package.json` holding a `gatewright`
 * key. `file` and the paths in error messages are relative to `cwd`.
 */
export function loadLintConfig(file: string, cwd: string = process.cwd()): LintConfig {
  const absolute = path.resolve(cwd, file);
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
      const message = (error as Error).message;
      const offset = /position (\d+)/.exec(message)?.[1];
      throw configError(absolute, text, cwd, [{ tokens: [], message: `This is not valid JSON: ${message}`, ...(offset === undefined ? {} : { offset: Number(offset) }) }]);
    }
    if (!isRecord(data) || !('gatewright' in data)) throw new ConfigError(`${file} has no "gatewright" key; add {"gatewright": {"lint": {...}}}.`);
    return parseLintConfig(data['gatewright'], absolute, 'gatewright', text, cwd);
  }
  // Every syntax error at once, each with its place, rather than the first.
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    throw configError(
      absolute,
      text,
      cwd,
      document.errors.map((error) => ({ tokens: [], offset: error.pos[0], message: `This is not valid YAML: ${error.message.split('\n')[0]}` })),
    );
  }
  return parseLintConfig(document.toJS() ?? {}, absolute, '', text, cwd);
}

/** A problem of a config file, at a path of keys inside it (or at a character offset). */
interface ConfigProblem {
  readonly tokens: readonly string[];
  /** Point at the key rather than its value: for keys that should not be there. */
  readonly key?: boolean;
  readonly offset?: number;
  readonly message: string;
}

/**
 * Checks and reads a config value:
 * `{lint: {extends: recommended, rules: {<id>: off|info|warning|error}, ignore: {<file>: {<id>: [<pointer>]}}}}`.
 * Ignore paths are relative to the config file's folder. Every problem is reported in one
 * `ConfigError`, each with file:line:col when the file's `text` is given.
 */
export function parseLintConfig(value: unknown, file: string, at: string, text?: string, cwd: string = process.cwd()): LintConfig {
  const problems: ConfigProblem[] = [];
  const base = at === '' ? [] : [at];
  const where = (...tokens: string[]) => [...base, ...tokens].join('.');
  const problem = (tokens: string[], message: string, key = false): void => {
    problems.push({ tokens: [...base, ...tokens], message, ...(key ? { key } : {}) });
  };
  const fail = (): ConfigError => configError(file, text, cwd, problems);
  if (!isRecord(value)) {
    problem([], `${where() || 'The config'} must be a mapping with a "lint" key.`);
    throw fail();
  }
  for (const key of Object.keys(value)) {
    if (key !== 'lint') problem([key], `${where(key)} is not a config key; gatewright reads "lint".${didYouMean(key, ['lint'])}`, true);
  }
  const lint = value['lint'] ?? {};
  if (!isRecord(lint)) {
    problem(['lint'], `${where('lint')} must be a mapping of extends, rules and ignore.`);
    throw fail();
  }
  for (const key of Object.keys(lint)) {
    if (!['extends', 'rules', 'ignore'].includes(key)) problem(['lint', key], `${where('lint', key)} is not a lint setting; use extends, rules or ignore.${didYouMean(key, ['extends', 'rules', 'ignore'])}`, true);
  }
  const preset = lint['extends'] ?? 'recommended';
  if (typeof preset !== 'string' || !(presetNames as readonly string[]).includes(preset)) {
    problem(['lint', 'extends'], `${where('lint', 'extends')} must be one of ${presetNames.join(', ')}, not ${JSON.stringify(preset)}.`);
  }
  const ruleSettings = new Map<string, RuleSeverity>();
  const writtenRules = lint['rules'] ?? {};
  if (!isRecord(writtenRules)) problem(['lint', 'rules'], `${where('lint', 'rules')} must map rule ids to off, info, warning or error.`);
  else {
    for (const [id, severity] of Object.entries(writtenRules)) {
      const unknown = unknownRule(id);
      if (unknown) problem(['lint', 'rules', id], `${where('lint', 'rules', id)}: ${unknown}`, true);
      else if (typeof severity !== 'string' || !(ruleSeverities as readonly string[]).includes(severity)) {
        problem(['lint', 'rules', id], `${where('lint', 'rules', id)} must be one of ${ruleSeverities.join(', ')}, not ${JSON.stringify(severity)}.`);
      } else ruleSettings.set(id, severity as RuleSeverity);
    }
  }
  const ignore: IgnoreEntry[] = [];
  const folder = realFolder(path.dirname(file));
  const writtenIgnore = lint['ignore'] ?? {};
  if (!isRecord(writtenIgnore)) problem(['lint', 'ignore'], `${where('lint', 'ignore')} must map spec files to rule ids to lists of JSON pointers.`);
  else {
    for (const [specFile, byRule] of Object.entries(writtenIgnore)) {
      if (!isRecord(byRule)) {
        problem(['lint', 'ignore', specFile], `${where('lint', 'ignore', specFile)} must map rule ids to lists of JSON pointers.`);
        continue;
      }
      for (const [id, pointers] of Object.entries(byRule)) {
        const at = ['lint', 'ignore', specFile, id];
        const unknown = unknownRule(id);
        if (unknown) {
          problem(at, `${where(...at)}: ${unknown}`, true);
          continue;
        }
        if (!Array.isArray(pointers) || !pointers.every((p) => typeof p === 'string')) {
          problem(at, `${where(...at)} must be a list of JSON pointers such as '#/paths/~1health/get'.`);
          continue;
        }
        (pointers as string[]).forEach((written, index) => {
          const pointer = written.startsWith('#') ? written.slice(1) : written;
          if (pointer !== '' && !pointer.startsWith('/')) {
            problem([...at, String(index)], `${where(...at)}: "${written}" is not a JSON pointer; write it as '#/paths/~1orders/get'.`);
            return;
          }
          ignore.push({ file: path.resolve(folder, specFile), rule: id, pointer: written.startsWith('#') ? decodeFragment(pointer) : pointer });
        });
      }
    }
  }
  if (problems.length > 0) throw fail();
  return { file, preset: preset as PresetName, rules: ruleSettings, ignore };
}

function unknownRule(id: string): string | undefined {
  if (ruleIds.has(id) || id in codes) return undefined;
  return `"${id}" is neither a lint rule nor a compiler code (see docs/lint.md and docs/diagnostics.md).${didYouMean(id, [...ruleIds, ...Object.keys(codes)])}`;
}

/** One error for every problem of a config file, each line starting with file:line:col. */
function configError(file: string, text: string | undefined, cwd: string, problems: readonly ConfigProblem[]): ConfigError {
  const shown = displayPath(file, cwd);
  const locator = text === undefined ? undefined : path.basename(file) === 'package.json' ? jsonLocator(text) : locateInYaml(text);
  const lineStarts = text === undefined ? [] : [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index as number) + 1)];
  const position = (offset: number): string => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= offset) line++;
    return `${line + 1}:${offset - (lineStarts[line] as number) + 1}`;
  };
  const located = problems.map((p) => {
    let offset = p.offset;
    if (offset === undefined && locator) {
      const range = locator(p.tokens);
      offset = p.key && range.key ? range.key.start : range.value.start;
    }
    return { offset, message: p.message };
  });
  // In reading order (the sort is stable for problems at the same place).
  located.sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1));
  const lines = located.map(({ offset, message }) => `${shown}${offset === undefined ? '' : `:${position(offset)}`}: ${message}`);
  return new ConfigError(lines.length === 1 ? (lines[0] as string) : `${lines.length} problems in the lint config:\n${lines.map((l) => `  ${l}`).join('\n')}`);
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

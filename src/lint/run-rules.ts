import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codes, diagnostic } from '../diagnostics/codes.js';
import type { Api } from '../ir/types.js';
import type { SourceSet } from '../load/source.js';
import { ruleSeverity, type LintConfig } from './config.js';
import type { LintRule, RuleContext } from './rule.js';
import { rules as allRules } from './rules/index.js';
import { schemaSites, type SchemaSite } from './schema-sites.js';
import type { SpecView } from './spec-view.js';

/**
 * Runs every rule the config turns on over one API. A rule that fails is a bug in
 * gatewright: it is reported as an internal error and the other rules still run.
 */
export function runRules(api: Api, spec: SpecView, config: LintConfig, rules: readonly LintRule[] = allRules): Diagnostic[] {
  const out: Diagnostic[] = [];
  let sites: readonly SchemaSite[] | undefined;
  const schemas = (): readonly SchemaSite[] => (sites ??= schemaSites(api, spec));
  for (const rule of rules) {
    const severity = ruleSeverity(config, rule.id);
    if (severity === 'off') continue;
    const context: RuleContext = {
      api,
      spec,
      schemas,
      report: (problem) => {
        out.push({
          code: rule.id,
          severity,
          message: problem.message,
          origin: problem.origin,
          ...(problem.related && problem.related.length > 0 ? { related: problem.related } : {}),
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      out.push(
        diagnostic(
          'internal-error',
          `The lint rule ${rule.id} failed (${error instanceof Error ? error.message : String(error)}); this is a bug in gatewright, please report it. Turn the rule off in the config to lint without it.`,
        ),
      );
    }
  }
  return out;
}

/**
 * Applies a config's severities and ignores to everything lint reports. Compiler
 * diagnostics keep their errors whatever the config says, since `compile` refuses the spec
 * on them anyway; their warnings and info follow the config like rule problems.
 */
export function applyConfig(diagnostics: readonly Diagnostic[], config: LintConfig, sources: SourceSet): Diagnostic[] {
  if (config.rules.size === 0 && config.ignore.length === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const compiler = d.code in codes;
    if (compiler && d.severity === 'error') {
      out.push(d);
      continue;
    }
    if (ignored(d, config, sources)) continue;
    const setting = compiler ? config.rules.get(d.code) : undefined;
    if (setting === 'off') continue;
    out.push(setting === undefined ? d : { ...d, severity: setting });
  }
  return out;
}

function ignored(d: Diagnostic, config: LintConfig, sources: SourceSet): boolean {
  if (!d.origin || config.ignore.length === 0) return false;
  const file = path.join(sources.rootDir, d.origin.file);
  const pointer = d.origin.pointer;
  return config.ignore.some(
    (entry) => entry.rule === d.code && entry.file === file && (pointer === entry.pointer || pointer.startsWith(entry.pointer + '/') || entry.pointer === ''),
  );
}

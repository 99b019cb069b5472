import type { Origin, RelatedLocation } from '../diagnostics/diagnostic.js';
import type { Api } from '../ir/types.js';
import type { SchemaSite } from './schema-sites.js';
import type { SpecView } from './spec-view.js';

/** The rule families of `docs/lint.md`. */
export const ruleFamilies = ['spec', 'x-gateway', 'apigateway', 'security', 'hygiene'] as const;
export type RuleFamily = (typeof ruleFamilies)[number];

/** One problem a rule found. Its severity comes from the preset and the config, never from the rule. */
export interface RuleProblem {
  /** Says what is wrong and what to do about it. */
  readonly message: string;
  readonly origin: Origin;
  readonly related?: readonly RelatedLocation[];
}

export interface RuleContext {
  /** The IR: the primary input of every rule. */
  readonly api: Api;
  /** The loaded spec, read-only, for facts about its text. */
  readonly spec: SpecView;
  /** Every schema node of the API, computed once for all rules. */
  schemas(): readonly SchemaSite[];
  report(problem: RuleProblem): void;
}

export interface RuleDocs {
  /** Why the rule exists: what goes wrong at deploy time or for clients. */
  readonly why: string;
  /** A complete spec that breaks the rule. */
  readonly bad: string;
  /** The same spec, fixed. */
  readonly good: string;
}

/** A lint rule: one file in `src/lint/rules/`, named by its id. */
export interface LintRule {
  readonly id: string;
  readonly family: RuleFamily;
  /** One line: what the rule asks for. */
  readonly summary: string;
  readonly docs: RuleDocs;
  check(context: RuleContext): void;
}

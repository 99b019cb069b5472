import { rules } from './rules/index.js';

const summaries = new Map(rules.map((rule) => [rule.id, rule.summary]));

/** The one-line summary of a lint rule, for reporters. */
export function describeRule(id: string): string | undefined {
  return summaries.get(id);
}

/** Where a lint rule is documented. */
export function ruleHelpUri(id: string): string | undefined {
  return summaries.has(id) ? `https://github.com/gatewright/gatewright/blob/main/docs/lint.md#${id}` : undefined;
}

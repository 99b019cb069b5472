import type { Severity } from '../diagnostics/diagnostic.js';
import { rules } from './rules/index.js';

export type RuleSeverity = Severity | 'off';
export const ruleSeverities: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

export const presetNames = ['recommended', 'strict', 'all'] as const;
export type PresetName = (typeof presetNames)[number];

/**
 * `recommended`: errors for what fails at deploy time or opens the API up, warnings for
 * what quietly works differently than the spec says, info for what is worth knowing.
 * Rules a preset does not name are off in it.
 */
const recommended: Readonly<Record<string, RuleSeverity>> = {
  'operation-id': 'warning',
  'operation-id-identifier': 'warning',
  'path-overlap': 'warning',
  'operation-success-response': 'warning',
  'response-status-code': 'warning',
  'example-valid': 'warning',
  'schema-enum-type': 'error',
  'schema-required-defined': 'warning',
  'x-gateway-stage-variable': 'error',
  'x-gateway-integration-parameter': 'error',
  'x-gateway-api-key-usage-plan': 'error',
  'x-gateway-usage-plan-unused': 'warning',
  'x-gateway-handler-timeout': 'warning',
  'apigw-model-keywords': 'warning',
  'apigw-openapi-31': 'info',
  'apigw-path-names': 'warning',
  'apigw-quotas': 'warning',
  'apigw-integration-timeout': 'error',
  'apigw-payload-size': 'warning',
  'apigw-binary-media-types': 'warning',
  'apigw-kind-features': 'error',
  'apigw-endpoint-reachable': 'error',
  'apigw-cache-cluster': 'warning',
  'security-defined': 'error',
  'security-credentials-in-query': 'error',
  'security-cors-credentials': 'error',
  'security-authorizer-cache': 'error',
  'security-response-cache': 'error',
  'security-public-throttle': 'warning',
  'security-secrets': 'error',
  'security-integration-https': 'warning',
  'operation-summary': 'info',
  'operation-tags': 'off',
  'unused-components': 'info',
  'server-url': 'info',
};

/** `strict`: every rule on; what `recommended` warns about fails, and hygiene warns. */
const strict: Readonly<Record<string, RuleSeverity>> = Object.fromEntries(
  rules.map((rule) => [rule.id, rule.family === 'hygiene' || rule.id === 'apigw-openapi-31' ? 'warning' : 'error']),
);

/** `all`: every rule is an error. */
const all: Readonly<Record<string, RuleSeverity>> = Object.fromEntries(rules.map((rule) => [rule.id, 'error']));

export const presets: Readonly<Record<PresetName, Readonly<Record<string, RuleSeverity>>>> = { recommended, strict, all };

export function presetSeverity(preset: PresetName, ruleId: string): RuleSeverity {
  return presets[preset][ruleId] ?? 'off';
}

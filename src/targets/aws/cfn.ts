/**
 * CloudFormation values as data. Templates are built as plain objects and serialised,
 * never by string templating, so spec text can only ever land inside a string value.
 */
import type { DeployValue } from '../../ir/types.js';

export type CfnValue =
  | string
  | number
  | boolean
  | null
  | readonly CfnValue[]
  | { readonly [key: string]: CfnValue };

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, CfnValue>>;
  readonly DependsOn?: string | readonly string[];
  readonly Condition?: string;
  readonly Metadata?: Readonly<Record<string, CfnValue>>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export interface CfnParameter {
  readonly Type: string;
  readonly Description?: string;
  readonly Default?: string;
  readonly AllowedPattern?: string;
  readonly AllowedValues?: readonly string[];
}

export interface CfnTemplate {
  readonly AWSTemplateFormatVersion: '2010-09-09';
  readonly Transform?: string;
  readonly Description?: string;
  readonly Parameters?: Readonly<Record<string, CfnParameter>>;
  readonly Conditions?: Readonly<Record<string, CfnValue>>;
  readonly Globals?: Readonly<Record<string, CfnValue>>;
  readonly Resources: Readonly<Record<string, CfnResource>>;
  readonly Outputs?: Readonly<Record<string, { readonly Description?: string; readonly Value: CfnValue; readonly Export?: { readonly Name: CfnValue } }>>;
}

export const ref = (logicalId: string): CfnValue => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): CfnValue => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const importValue = (name: string): CfnValue => ({ 'Fn::ImportValue': name });
/** `Fn::Sub` with explicit variables. Literal text from a spec must go through `escapeSub` first. */
export const sub = (template: string, variables?: Readonly<Record<string, CfnValue>>): CfnValue =>
  variables && Object.keys(variables).length > 0 ? { 'Fn::Sub': [template, variables] } : { 'Fn::Sub': template };

/** Makes literal text safe inside an `Fn::Sub` template: `${` becomes `${!`, which Fn::Sub renders as `${`. */
export function escapeSub(text: string): string {
  return text.replace(/\$\{/g, '${!');
}

/**
 * A deploy-time value of the IR as CloudFormation: a literal string, a `Ref` to a template
 * parameter (which the caller must declare), or an `Fn::ImportValue`.
 */
export function deployValue(value: DeployValue): CfnValue {
  if ('literal' in value) return value.literal;
  if ('parameter' in value) return ref(value.parameter);
  return importValue(value.import);
}

/** Template parameters that the deploy values of an API name, sorted by name. */
export function parametersOf(values: readonly (DeployValue | undefined)[]): string[] {
  const names = new Set<string>();
  for (const v of values) if (v && 'parameter' in v) names.add(v.parameter);
  return [...names].sort();
}

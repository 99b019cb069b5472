import type { Diagnostic, Origin } from '../../diagnostics/diagnostic.js';
import { diagnostic, type Code } from '../../diagnostics/codes.js';
import type { Api, DeployValue } from '../../ir/types.js';
import type { CfnValue } from '../aws/cfn.js';
import type { AwsReferences } from '../aws/references.js';
import type { DocumentDraft } from './draft.js';
import type { ModelNames } from './model-names.js';
import type { RoutedMethod } from './routed-methods.js';

/** What every unit of the document builder reads and writes. */
export class DocumentContext {
  /** CloudFormation intrinsics the document holds on purpose (from `refs`), as opposed to spec text that looks like one. */
  readonly intrinsics = new WeakSet<object>();

  constructor(
    readonly api: Api,
    readonly refs: AwsReferences,
    readonly draft: DocumentDraft,
    readonly methods: readonly RoutedMethod[],
    readonly models: ModelNames,
    private readonly sink: (diagnostic: Diagnostic) => void,
  ) {}

  report(code: Code, message: string, origin?: Origin): void {
    this.sink(diagnostic(code, message, origin));
  }

  /** A value from `refs`, remembered as a deliberate intrinsic. */
  ref(value: CfnValue): CfnValue {
    if (value !== null && typeof value === 'object') this.intrinsics.add(value);
    return value;
  }

  deployValue(value: DeployValue): CfnValue {
    return this.ref(this.refs.deployValue(value));
  }

  /**
   * Text with deploy-time values in it. `Fn::Join` rather than `Fn::Sub`, so that literal
   * text (which may come from the spec) is never read as a `${}` substitution.
   */
  join(parts: readonly CfnValue[]): CfnValue {
    if (parts.every((part) => typeof part === 'string')) return parts.join('');
    const merged: CfnValue[] = [];
    for (const part of parts.flatMap((p) => this.#joinedParts(p))) {
      const last = merged[merged.length - 1];
      if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
      else if (part !== '') merged.push(part);
    }
    return this.ref({ 'Fn::Join': ['', merged] });
  }

  /** The parts of a join this context made, so that joins of joins come out flat. */
  #joinedParts(part: CfnValue): readonly CfnValue[] {
    if (part === null || typeof part !== 'object' || !this.intrinsics.has(part) || Array.isArray(part)) return [part];
    const join = (part as { readonly 'Fn::Join'?: readonly [string, readonly CfnValue[]] })['Fn::Join'];
    return join && join[0] === '' ? join[1] : [part];
  }
}

/**
 * A constant as an API Gateway parameter mapping value (`'text'`). The quotes cannot be
 * escaped, so text holding one cannot be written; the caller reports it.
 */
export function staticValue(text: string): string | undefined {
  return text.includes("'") ? undefined : `'${text}'`;
}

/**
 * JSON text that a Velocity template emits as it is: `$` and `#` only ever occur inside
 * JSON strings, where their `\u` escapes mean the same and Velocity sees no directive.
 */
export function velocityLiteralJson(value: unknown): string {
  return JSON.stringify(value).replace(/\$/g, '\\u0024').replace(/#/g, '\\u0023');
}

/** A JSON string literal (quotes included) safe inside a Velocity template. */
export function velocityJsonString(text: string): string {
  return velocityLiteralJson(text);
}

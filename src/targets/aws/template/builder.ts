/**
 * The template under construction: resources, parameters, conditions and outputs added by
 * the units in their order. Resources keep the order they were added in, so the same IR
 * always gives the same bytes.
 */
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { Api } from '../../../ir/types.js';
import type { CfnParameter, CfnResource, CfnTemplate, CfnValue } from '../cfn.js';
import { LogicalIds } from '../logical-ids.js';

export type Flavour = 'sam' | 'cloudformation';

export interface CfnOutput {
  readonly Description?: string;
  readonly Value: CfnValue;
  readonly Export?: { readonly Name: CfnValue };
}

export class TemplateBuilder {
  readonly ids = new LogicalIds();
  readonly #resources = new Map<string, CfnResource>();
  readonly #parameters = new Map<string, CfnParameter>();
  readonly #conditions = new Map<string, CfnValue>();
  readonly #outputs = new Map<string, CfnOutput>();

  constructor(
    readonly api: Api,
    readonly flavour: Flavour,
    readonly report: (diagnostic: Diagnostic) => void,
  ) {}

  add(id: string, resource: CfnResource): string {
    if (this.#resources.has(id)) throw new Error(`logical id used twice: ${id}`);
    this.#resources.set(id, resource);
    return id;
  }

  /** Replaces a resource added earlier (a later unit refining an earlier one's work). */
  update(id: string, change: (resource: CfnResource) => CfnResource): void {
    const current = this.#resources.get(id);
    if (!current) throw new Error(`no resource ${id}`);
    this.#resources.set(id, change(current));
  }

  has(id: string): boolean {
    return this.#resources.has(id);
  }

  get resourceCount(): number {
    return this.#resources.size;
  }

  /** Declares a template parameter once; the first declaration wins. */
  parameter(name: string, parameter: CfnParameter): string {
    if (!this.#parameters.has(name)) {
      this.ids.fixed(name);
      this.#parameters.set(name, parameter);
    }
    return name;
  }

  condition(name: string, value: CfnValue): string {
    this.#conditions.set(name, value);
    return name;
  }

  output(name: string, output: CfnOutput): void {
    this.#outputs.set(name, output);
  }

  build(description: string | undefined): CfnTemplate {
    const sorted = <T>(map: Map<string, T>): Record<string, T> => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      AWSTemplateFormatVersion: '2010-09-09',
      ...(this.flavour === 'sam' ? { Transform: 'AWS::Serverless-2016-10-31' } : {}),
      ...(description ? { Description: description } : {}),
      ...(this.#parameters.size > 0 ? { Parameters: sorted(this.#parameters) } : {}),
      ...(this.#conditions.size > 0 ? { Conditions: sorted(this.#conditions) } : {}),
      Resources: Object.fromEntries(this.#resources),
      ...(this.#outputs.size > 0 ? { Outputs: Object.fromEntries(this.#outputs) } : {}),
    };
  }
}

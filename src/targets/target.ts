import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Api } from '../ir/types.js';
import type { OutputFile } from '../writer/file-set.js';

/** What a `--emit` name selects. */
export type Artifact = 'ir' | 'template' | 'openapi' | 'handlers';

export interface TargetOptions {
  /** The infrastructure flavour of the `template` artifact. */
  readonly infrastructure: 'sam' | 'cloudformation';
}

export interface TargetContext {
  readonly options: TargetOptions;
  report(diagnostic: Diagnostic): void;
}

/**
 * A back end: it plans from the IR (deciding names, resources, files) and then renders
 * the plan into files. It never reads the spec.
 */
export interface Target<Plan = unknown> {
  readonly name: string;
  readonly artifact: Artifact;
  plan(api: Api, ctx: TargetContext): Plan;
  render(plan: Plan, ctx: TargetContext): OutputFile[];
}

export function defineTarget<Plan>(target: Target<Plan>): Target<Plan> {
  return target;
}

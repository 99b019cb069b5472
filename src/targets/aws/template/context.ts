import type { Api, Stage } from '../../../ir/types.js';
import { ref, type CfnValue } from '../cfn.js';
import type { Flavour, TemplateBuilder } from './builder.js';
import type { TemplateNames } from './names.js';

/** What every unit reads: the IR, the template so far, and the names decided up front. */
export interface UnitContext {
  readonly api: Api;
  readonly template: TemplateBuilder;
  readonly flavour: Flavour;
  readonly names: TemplateNames;
  /** The API Gateway document of a REST or HTTP API, with intrinsics; absent for WebSocket APIs. */
  readonly document?: Readonly<Record<string, CfnValue>>;
}

/** The stage SAM creates from the API resource's own `StageName`; the others are separate resources. */
export function primaryStage(api: Api): Stage {
  const first = api.gateway.stages[0];
  if (!first) throw new Error('the IR has no stage');
  return first;
}

/** A reference to a stage that resolves to its name and makes the referrer wait for it. */
export function stageRef(ctx: UnitContext, stage: string): CfnValue {
  if (ctx.flavour === 'sam' && stage === primaryStage(ctx.api).name) return ref(`${ctx.names.api}.Stage`);
  return ref(ctx.names.stage(stage));
}

/** Stages SAM does not create from the API resource: all of them for plain CloudFormation. */
export function separateStages(ctx: UnitContext): readonly Stage[] {
  return ctx.flavour === 'sam' ? ctx.api.gateway.stages.slice(1) : ctx.api.gateway.stages;
}

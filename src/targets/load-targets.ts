import type { Artifact, Target, TargetOptions } from './target.js';

/** The back ends that produce an artifact, as `targetsFor` of ./index.ts gives them. */
export type TargetsFor = (artifact: Artifact, options: TargetOptions) => readonly Target[];

/**
 * `targetsFor`, importing only the back ends the artifacts need: `compile --emit ir`
 * never runs the template builders, and loading them (ajv's compiler, yaml) cost more
 * than reading a spec of a few hundred operations.
 */
export async function loadTargetsFor(artifacts: readonly Artifact[]): Promise<TargetsFor> {
  if (artifacts.length > 0 && artifacts.every((artifact) => artifact === 'ir')) {
    const { irTarget } = await import('./ir/ir-target.js');
    return (artifact) => (artifact === 'ir' ? [irTarget as Target] : []);
  }
  return (await import('./index.js')).targetsFor;
}

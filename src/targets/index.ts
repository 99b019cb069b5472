import type { Artifact, Target, TargetOptions } from './target.js';
import { irTarget } from './ir/ir-target.js';
import { templateTarget } from './aws/template/template-target.js';

export type { Artifact, Target, TargetContext, TargetOptions } from './target.js';

/** The back ends, by artifact; later targets register here in the order they run. */
export function targetsFor(artifact: Artifact, _options: TargetOptions): readonly Target[] {
  switch (artifact) {
    case 'ir':
      return [irTarget as Target];
    case 'template':
      return [templateTarget() as Target];
    default:
      return [];
  }
}

/** Artifacts that have a back end today, in the order their files are produced. */
export const availableArtifacts: readonly Artifact[] = ['ir', 'template'];

/** What `compile` emits when `--emit` is not given. */
export const defaultArtifacts: readonly Artifact[] = availableArtifacts.filter((a) => a !== 'ir').length > 0 ? availableArtifacts.filter((a) => a !== 'ir') : ['ir'];

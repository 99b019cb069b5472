import type { Artifact } from './target.js';

// Apart from the back ends (./index.ts), so that the CLI can list and check artifacts
// without loading them.

/** Artifacts that have a back end today, in the order their files are produced. */
export const availableArtifacts: readonly Artifact[] = ['ir', 'template', 'openapi', 'handlers'];

/** What `compile` emits when `--emit` is not given. */
export const defaultArtifacts: readonly Artifact[] = availableArtifacts.filter((a) => a !== 'ir').length > 0 ? availableArtifacts.filter((a) => a !== 'ir') : ['ir'];

import type { Artifact, Target, TargetOptions } from './target.js';
import { handlersTarget } from './handlers/handlers-target.js';
import { irTarget } from './ir/ir-target.js';
import { apiGatewayOpenApiTarget, buildApiGatewayDocument } from './apigw-openapi/index.js';
import { templateTarget } from './aws/template/template-target.js';

export type { Artifact, Target, TargetContext, TargetOptions } from './target.js';

/** The back ends, by artifact; later targets register here in the order they run. */
export function targetsFor(artifact: Artifact, _options: TargetOptions): readonly Target[] {
  switch (artifact) {
    case 'ir':
      return [irTarget as Target];
    case 'template':
      // The templates inline the API Gateway document, with intrinsics for the references.
      return [templateTarget((api, refs, report) => buildApiGatewayDocument(api, refs, report) ?? {}) as Target];
    case 'openapi':
      return [apiGatewayOpenApiTarget as Target];
    case 'handlers':
      return [handlersTarget as Target];
    default:
      return [];
  }
}

export { availableArtifacts, defaultArtifacts } from './artifacts.js';

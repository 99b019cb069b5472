import { diagnostic } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Api } from '../../ir/types.js';
import type { AwsReferences } from '../aws/references.js';
import { DocumentContext } from './context.js';
import { DocumentDraft, type JsonObject } from './draft.js';
import { ModelNames } from './model-names.js';
import { routedMethods } from './routed-methods.js';
import { addApiKeys } from './units/api-keys.js';
import { addApiSettings } from './units/api-settings.js';
import { addAuthorizers } from './units/authorizers.js';
import { addCaching } from './units/caching.js';
import { addCors } from './units/cors.js';
import { addGatewayResponses } from './units/gateway-responses.js';
import { addInfo } from './units/info.js';
import { addIntegrations } from './units/integrations.js';
import { checkDefinitionSize, checkLimits } from './units/limits.js';
import { addMethods } from './units/methods.js';
import { addModels } from './units/models.js';
import { addRequestValidators } from './units/request-validators.js';
import { checkIntrinsicLookalikes } from './units/intrinsic-lookalikes.js';

/**
 * The units that build the document, in the order they run: each reads the IR and what
 * earlier units wrote (integrations need the methods, caching the integrations, CORS the
 * paths), and none reads the spec.
 */
const units: readonly ((ctx: DocumentContext) => void)[] = [
  addInfo,
  addModels,
  addMethods,
  addIntegrations,
  addAuthorizers,
  addApiKeys,
  addRequestValidators,
  addCaching,
  addCors,
  addGatewayResponses,
  addApiSettings,
  checkLimits,
];

/**
 * The API Gateway flavoured OpenAPI 3.0.1 document of a REST or HTTP API, as plain data:
 * what `AWS::Serverless::Api`/`HttpApi` take as `DefinitionBody`, `AWS::ApiGateway::RestApi`
 * as `Body`, and `aws apigateway import-rest-api` as a file. `refs` says how it names AWS
 * resources it does not create (intrinsics inside a template). WebSocket APIs have no such
 * document (undefined): the templates create their routes as resources.
 */
export function buildApiGatewayDocument(api: Api, refs: AwsReferences, report: (diagnostic: Diagnostic) => void): JsonObject | undefined {
  if (api.kind === 'websocket') return undefined;
  const models = new ModelNames(
    api.kind === 'rest' ? api.schemas.map((s) => s.name) : [],
    (irName, model) => {
      const named = api.schemas.find((s) => s.name === irName);
      report(
        diagnostic('apigw-model-renamed', `API Gateway model names are letters and digits only, so the schema "${irName}" is the model "${model}" in the API Gateway document.`, named?.origin),
      );
    },
  );
  const ctx = new DocumentContext(api, refs, new DocumentDraft(), routedMethods(api), models, report);
  for (const unit of units) unit(ctx);
  const document = ctx.draft.toJson();
  checkIntrinsicLookalikes(ctx, document);
  checkDefinitionSize(ctx, Buffer.byteLength(JSON.stringify(document)));
  return document;
}

/**
 * The API Gateway flavoured OpenAPI document of REST and HTTP APIs: what the template back
 * ends inline (`buildApiGatewayDocument` with intrinsic references) and the `openapi`
 * artifact writes on its own (`openapi.apigw.json`, with placeholders). The other exports
 * are the names the document gives things, for back ends that refer to them.
 */
export { buildApiGatewayDocument } from './build-document.js';
export type { JsonObject } from './draft.js';
export { lowerSchema, type Draft4Schema, type LowerSchemaOptions } from './lower-schema.js';
export { apiGatewayDocumentFile, apiGatewayOpenApiTarget } from './openapi-target.js';
export { gatewayParameterName, methodKey, routedMethods, type RoutedMethod } from './routed-methods.js';
export { StandaloneReferences } from './standalone-references.js';
export { endpointType } from './units/api-settings.js';
export { httpIdentity, restIdentity, usedAuthorizers, type AuthorizerScheme } from './units/authorizers.js';
export { cacheKeyExpression } from './units/caching.js';
export { quotas } from './units/limits.js';
export { requestValidatorFor, requestValidators, type RequestValidatorName } from './units/request-validators.js';

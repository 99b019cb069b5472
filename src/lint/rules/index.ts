import type { LintRule } from '../rule.js';
import { rule as operationId } from './operation-id.js';
import { rule as operationIdIdentifier } from './operation-id-identifier.js';
import { rule as pathOverlap } from './path-overlap.js';
import { rule as operationSuccessResponse } from './operation-success-response.js';
import { rule as responseStatusCode } from './response-status-code.js';
import { rule as exampleValid } from './example-valid.js';
import { rule as schemaEnumType } from './schema-enum-type.js';
import { rule as schemaRequiredDefined } from './schema-required-defined.js';
import { rule as xGatewayStageVariable } from './x-gateway-stage-variable.js';
import { rule as xGatewayIntegrationParameter } from './x-gateway-integration-parameter.js';
import { rule as xGatewayApiKeyUsagePlan } from './x-gateway-api-key-usage-plan.js';
import { rule as xGatewayUsagePlanUnused } from './x-gateway-usage-plan-unused.js';
import { rule as xGatewayHandlerTimeout } from './x-gateway-handler-timeout.js';
import { rule as apigwModelKeywords } from './apigw-model-keywords.js';
import { rule as apigwOpenapi31 } from './apigw-openapi-31.js';
import { rule as apigwPathNames } from './apigw-path-names.js';
import { rule as apigwQuotas } from './apigw-quotas.js';
import { rule as apigwIntegrationTimeout } from './apigw-integration-timeout.js';
import { rule as apigwPayloadSize } from './apigw-payload-size.js';
import { rule as apigwBinaryMediaTypes } from './apigw-binary-media-types.js';
import { rule as apigwKindFeatures } from './apigw-kind-features.js';
import { rule as apigwEndpointReachable } from './apigw-endpoint-reachable.js';
import { rule as apigwCacheCluster } from './apigw-cache-cluster.js';
import { rule as securityDefined } from './security-defined.js';
import { rule as securityCredentialsInQuery } from './security-credentials-in-query.js';
import { rule as securityCorsCredentials } from './security-cors-credentials.js';
import { rule as securityAuthorizerCache } from './security-authorizer-cache.js';
import { rule as securityResponseCache } from './security-response-cache.js';
import { rule as securityPublicThrottle } from './security-public-throttle.js';
import { rule as securitySecrets } from './security-secrets.js';
import { rule as securityIntegrationHttps } from './security-integration-https.js';
import { rule as operationSummary } from './operation-summary.js';
import { rule as operationTags } from './operation-tags.js';
import { rule as unusedComponents } from './unused-components.js';
import { rule as serverUrl } from './server-url.js';

/** Every lint rule, by family, in the order docs/lint.md lists them. */
export const rules: readonly LintRule[] = [
  operationId,
  operationIdIdentifier,
  pathOverlap,
  operationSuccessResponse,
  responseStatusCode,
  exampleValid,
  schemaEnumType,
  schemaRequiredDefined,
  xGatewayStageVariable,
  xGatewayIntegrationParameter,
  xGatewayApiKeyUsagePlan,
  xGatewayUsagePlanUnused,
  xGatewayHandlerTimeout,
  apigwModelKeywords,
  apigwOpenapi31,
  apigwPathNames,
  apigwQuotas,
  apigwIntegrationTimeout,
  apigwPayloadSize,
  apigwBinaryMediaTypes,
  apigwKindFeatures,
  apigwEndpointReachable,
  apigwCacheCluster,
  securityDefined,
  securityCredentialsInQuery,
  securityCorsCredentials,
  securityAuthorizerCache,
  securityResponseCache,
  securityPublicThrottle,
  securitySecrets,
  securityIntegrationHttps,
  operationSummary,
  operationTags,
  unusedComponents,
  serverUrl,
];

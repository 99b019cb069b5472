import type { CfnValue } from '../../aws/cfn.js';
import type { DocumentContext } from '../context.js';

/**
 * API-wide settings the document carries: binary media types, compression and the resource
 * policy (REST), and the endpoint configuration (under `servers`, as API Gateway reads it
 * from OpenAPI 3). The endpoint type itself is not part of the document: the templates set
 * it on the API, and importers pass it as `endpointConfigurationTypes`.
 */
export function addApiSettings(ctx: DocumentContext): void {
  const { gateway } = ctx.api;
  const rest = ctx.api.kind === 'rest';
  if (rest && gateway.binaryMediaTypes.length > 0) ctx.draft.root.set('x-amazon-apigateway-binary-media-types', [...gateway.binaryMediaTypes]);
  if (rest && gateway.minimumCompressionSize !== undefined) ctx.draft.root.set('x-amazon-apigateway-minimum-compression-size', gateway.minimumCompressionSize);
  if (rest && gateway.policy !== undefined) ctx.draft.root.set('x-amazon-apigateway-policy', gateway.policy as CfnValue);
  const endpoint: Record<string, CfnValue> = {};
  if (rest && gateway.endpoint === 'private' && gateway.vpcEndpointIds.length > 0) endpoint['vpcEndpointIds'] = gateway.vpcEndpointIds.map((id) => ctx.deployValue(id));
  if (gateway.disableExecuteApiEndpoint) endpoint['disableExecuteApiEndpoint'] = true;
  if (Object.keys(endpoint).length > 0) ctx.draft.root.set('servers', [{ url: '/', 'x-amazon-apigateway-endpoint-configuration': endpoint }]);
}

/** API Gateway's name for an endpoint type (`EndpointConfiguration.Types`, `endpointConfigurationTypes`). */
export function endpointType(endpoint: 'edge' | 'regional' | 'private'): 'EDGE' | 'REGIONAL' | 'PRIVATE' {
  return endpoint.toUpperCase() as 'EDGE' | 'REGIONAL' | 'PRIVATE';
}

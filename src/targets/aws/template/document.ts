/**
 * The seam to the API Gateway document of REST and HTTP APIs, which the apigw-openapi
 * back end builds; the template inlines it with the references it is given.
 */
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { Api } from '../../../ir/types.js';
import type { CfnValue } from '../cfn.js';
import type { AwsReferences } from '../references.js';

export type BuildApiGatewayDocument = (api: Api, refs: AwsReferences, report: (diagnostic: Diagnostic) => void) => Readonly<Record<string, CfnValue>>;

/** Stands in until the apigw-openapi back end is merged: the document's frame without paths. */
export const placeholderDocument: BuildApiGatewayDocument = (api) => ({
  openapi: '3.0.1',
  info: { title: api.name, version: api.version },
  paths: {},
});

/**
 * How the API Gateway OpenAPI document names AWS resources it does not create itself.
 * The template back ends (sam, cloudformation) pass intrinsics that resolve at deploy
 * time (`Fn::Sub` over the function's `Arn`); the standalone `openapi.apigw.json` gets
 * values that `aws apigateway import-rest-api` users fill in.
 */
import type { DeployValue } from '../../ir/types.js';
import type { CfnValue } from './cfn.js';

export interface AwsReferences {
  /** True when values may be CloudFormation intrinsics (inside a template). */
  readonly intrinsics: boolean;
  /** The `uri` of a Lambda proxy integration (or Lambda authorizer) for a handler of the API. */
  lambdaInvokeUri(handler: string): CfnValue;
  /** The role API Gateway assumes for an AWS service integration of a route (by route id). */
  integrationRoleArn(routeId: string): CfnValue;
  /**
   * A region-qualified AWS service action or path URI, e.g. `arn:aws:apigateway:{region}:sqs:path/...`.
   * `rest` is literal text that may hold spec text (an S3 object key): an implementation that
   * builds `Fn::Sub` must pass it through `escapeSub`.
   */
  awsServiceUri(service: string, kind: 'action' | 'path', rest: string): CfnValue;
  /** A deploy-time value of the spec (pool ARNs, queue URLs, table names...). */
  deployValue(value: DeployValue): CfnValue;
}

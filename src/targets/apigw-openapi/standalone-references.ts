/**
 * How the standalone `openapi.apigw.json` names what only a deployment knows: placeholders
 * `{{kind:name}}` inside string values, listed with their meaning under the document's
 * `x-gatewright.placeholders`. Replace each (any text substitution will do) before
 * `aws apigateway import-rest-api`. They mirror the template's `Fn::Sub` variables, so a
 * document with them filled in is the one the templates deploy.
 */
import type { DeployValue } from '../../ir/types.js';
import type { CfnValue } from '../aws/cfn.js';
import type { AwsReferences } from '../aws/references.js';

export class StandaloneReferences implements AwsReferences {
  readonly intrinsics = false;
  readonly #placeholders = new Map<string, string>();

  lambdaInvokeUri(handler: string): CfnValue {
    const region = this.#use('region', 'The AWS Region the API and its Lambda functions are in, e.g. eu-west-1.');
    const fn = this.#use(`function:${handler}`, `The ARN of the Lambda function of the handler "${handler}"; API Gateway needs permission to invoke it (lambda add-permission, principal apigateway.amazonaws.com).`);
    return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${fn}/invocations`;
  }

  integrationRoleArn(routeId: string): CfnValue {
    return this.#use(`role:${routeId}`, `The ARN of an IAM role API Gateway assumes to call the AWS service of the operation "${routeId}", allowed only that call.`);
  }

  awsServiceUri(service: string, kind: 'action' | 'path', rest: string): CfnValue {
    const region = this.#use('region', 'The AWS Region the API and its Lambda functions are in, e.g. eu-west-1.');
    return `arn:aws:apigateway:${region}:${service}:${kind}/${rest}`;
  }

  deployValue(value: DeployValue): CfnValue {
    if ('literal' in value) return value.literal;
    if ('parameter' in value) return this.#use(`parameter:${value.parameter}`, `The value of the template parameter ${value.parameter}.`);
    return this.#use(`import:${value.import}`, `The value of the CloudFormation export ${value.import}.`);
  }

  /** Every placeholder the document uses, by its text, sorted. */
  placeholders(): Record<string, string> {
    return Object.fromEntries([...this.#placeholders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  #use(name: string, meaning: string): string {
    const text = `{{${name}}}`;
    this.#placeholders.set(text, meaning);
    return text;
  }
}

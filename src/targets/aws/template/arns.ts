/** ARNs of the API and its methods, as `Fn::Sub` values with spec text escaped. */
import type { HttpMethod } from '../../../ir/types.js';
import { escapeSub, sub, type CfnValue } from '../cfn.js';

const executeApi = 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}';

/**
 * The execute-api ARN of one method in every stage: path parameters (`{id}`, `{proxy+}`)
 * match any segment text, and ANY matches every method.
 */
export function methodArn(apiId: string, method: HttpMethod, gatewayPath: string): CfnValue {
  const path = gatewayPath
    .split('/')
    .map((segment) => (/^\{.+\}$/.test(segment) ? '*' : segment))
    .join('/');
  const verb = method === 'ANY' ? '*' : method;
  return sub(`${executeApi}:\${${apiId}}/*/${verb}${escapeSub(path)}`);
}

/** Every route of a WebSocket API with this route key, in every stage. */
export function routeKeyArn(apiId: string, routeKey: string): CfnValue {
  return sub(`${executeApi}:\${${apiId}}/*/${escapeSub(routeKey)}`);
}

/** Everything the API serves, in one stage or (`*`) all of them. */
export function wholeApiArn(apiId: string, stage = '*'): CfnValue {
  return sub(`${executeApi}:\${${apiId}}/${escapeSub(stage)}/*`);
}

export function authorizersArn(apiId: string): CfnValue {
  return sub(`${executeApi}:\${${apiId}}/authorizers/*`);
}

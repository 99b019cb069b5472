/**
 * The `AwsReferences` a template gives the API Gateway document: intrinsics that resolve
 * when the stack deploys, because the document is inlined into the template
 * (`DefinitionBody` / `Body`) rather than pointed at (`DefinitionUri`), where intrinsics
 * stay unresolved text.
 */
import type { Api, DeployValue } from '../../../ir/types.js';
import { deployValue, escapeSub, getAtt, sub, type CfnValue } from '../cfn.js';
import type { AwsReferences } from '../references.js';
import type { TemplateNames } from './names.js';

export function templateReferences(api: Api, names: TemplateNames): AwsReferences {
  return {
    intrinsics: true,
    lambdaInvokeUri: (handler) => lambdaInvokeUri(names.function(handler)),
    integrationRoleArn: (routeId) => {
      const integration = api.routes.find((r) => r.id === routeId)?.integration;
      if (integration?.type === 'aws' && integration.roleArn) return deployValue(integration.roleArn);
      return getAtt(names.integrationRole(routeId), 'Arn');
    },
    awsServiceUri: (service, kind, rest) => sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${escapeSub(service)}:${kind}/${escapeSub(rest)}`),
    deployValue: (value: DeployValue) => deployValue(value),
  };
}

/** The integration (or authorizer) URI that invokes a function of the template. */
export function lambdaInvokeUri(functionId: string): CfnValue {
  return sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${functionId}.Arn}/invocations`);
}

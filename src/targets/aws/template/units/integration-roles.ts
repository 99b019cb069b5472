/**
 * Roles API Gateway assumes to call AWS services directly, one per route, allowed the one
 * action on the one resource the route names.
 */
import type { AwsServiceIntegration, DeployValue } from '../../../../ir/types.js';
import { deployValue, escapeSub, type CfnValue } from '../../cfn.js';
import type { UnitContext } from '../context.js';
import { assumeRolePolicy } from './functions.js';

export function addIntegrationRoles(ctx: UnitContext): void {
  for (const route of ctx.api.routes) {
    const integration = route.integration;
    if (integration.type !== 'aws' || integration.roleArn !== undefined || route.shadowedBy !== undefined) continue;
    ctx.template.add(ctx.names.integrationRole(route.id), {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: assumeRolePolicy('apigateway.amazonaws.com'),
        Policies: [
          {
            PolicyName: 'integration',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: iamActions(integration), Resource: resourceArns(integration) }],
            },
          },
        ],
      },
    });
  }
}

const iamPrefix: Record<AwsServiceIntegration['service'], string> = {
  dynamodb: 'dynamodb',
  s3: 's3',
  sqs: 'sqs',
  sns: 'sns',
  stepfunctions: 'states',
  eventbridge: 'events',
  kinesis: 'kinesis',
};

function iamActions(integration: AwsServiceIntegration): string[] {
  return [`${iamPrefix[integration.service]}:${integration.action}`];
}

/** The ARNs the action may touch; the spec names a table, bucket, queue URL, topic ARN... */
function resourceArns(integration: AwsServiceIntegration): CfnValue[] {
  const resource = integration.resource;
  switch (integration.service) {
    case 'dynamodb':
      return [arnFromName(resource, 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/'), arnFromName(resource, 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/', '/index/*')];
    case 's3':
      return [arnFromName(resource, 'arn:${AWS::Partition}:s3:::', '/*')];
    case 'sqs':
      return [queueArn(resource)];
    case 'kinesis':
      return [arnFromName(resource, 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/')];
    case 'eventbridge':
      return [arnFromName(resource, 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/')];
    case 'sns':
    case 'stepfunctions':
      return [deployValue(resource)];
  }
}

/** An ARN built from a resource name, unless the spec already gives an ARN. */
function arnFromName(value: DeployValue, prefix: string, suffix = ''): CfnValue {
  if ('literal' in value) {
    if (value.literal.startsWith('arn:')) return value.literal + suffix;
    return { 'Fn::Sub': prefix + escapeSub(value.literal) + escapeSub(suffix) };
  }
  return { 'Fn::Sub': [`${prefix}\${Name}${escapeSub(suffix)}`, { Name: deployValue(value) }] };
}

/** A queue URL (`https://sqs.<region>.amazonaws.com/<account>/<name>`) names the queue last. */
function queueArn(value: DeployValue): CfnValue {
  if ('literal' in value && value.literal.startsWith('arn:')) return value.literal;
  const name = 'literal' in value ? (value.literal.split('/').pop() ?? value.literal) : undefined;
  if (name !== undefined) return { 'Fn::Sub': `arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:${escapeSub(name)}` };
  return {
    'Fn::Sub': ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Name}', { Name: { 'Fn::Select': [4, { 'Fn::Split': ['/', deployValue(value)] }] } }],
  };
}

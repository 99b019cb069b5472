/**
 * Access log groups, one per stage that logs, and the account-level role REST and
 * WebSocket APIs need before any of their stages may log to CloudWatch.
 */
import type { ApiKind, Stage } from '../../../../ir/types.js';
import { getAtt, ref, type CfnValue } from '../../cfn.js';
import type { UnitContext } from '../context.js';
import { assumeRolePolicy } from './functions.js';

/** The template parameter that lets a team keep a CloudWatch role it already set for API Gateway. */
export const cloudWatchRoleParameter = 'ApiGatewayCloudWatchRole';
const createRoleCondition = 'CreateApiGatewayCloudWatchRole';
/** Always created, so that the API can wait for the (conditional) account setting. */
export const cloudWatchRoleReady = 'ApiGatewayCloudWatchRoleReady';

export function addLogs(ctx: UnitContext): void {
  for (const stage of ctx.api.gateway.stages) {
    if (!stage.accessLog) continue;
    ctx.template.add(ctx.names.logGroup(stage.name), {
      Type: 'AWS::Logs::LogGroup',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { RetentionInDays: stage.accessLog.retentionDays },
    });
  }
  if (needsAccountRole(ctx)) addAccountRole(ctx);
}

/** REST and WebSocket stages log through a role set once per account and region (HTTP APIs use a service-linked role). */
export function needsAccountRole(ctx: UnitContext): boolean {
  return ctx.api.kind !== 'http' && ctx.api.gateway.stages.some((s) => s.accessLog !== undefined || s.executionLogLevel !== 'OFF');
}

function addAccountRole(ctx: UnitContext): void {
  const { template } = ctx;
  template.parameter(cloudWatchRoleParameter, {
    Type: 'String',
    Default: 'create',
    AllowedValues: ['create', 'existing'],
    Description:
      'API Gateway writes logs through one CloudWatch role per account and region. "create" sets it from this stack (kept when the stack is deleted); "existing" when the account already has one.',
  });
  template.condition(createRoleCondition, { 'Fn::Equals': [ref(cloudWatchRoleParameter), 'create'] });
  const roleId = template.ids.fixed('ApiGatewayCloudWatchLogsRole');
  const accountId = template.ids.fixed('ApiGatewayAccount');
  template.add(roleId, {
    Type: 'AWS::IAM::Role',
    Condition: createRoleCondition,
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      AssumeRolePolicyDocument: assumeRolePolicy('apigateway.amazonaws.com'),
      ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs' }],
    },
  });
  template.add(accountId, {
    Type: 'AWS::ApiGateway::Account',
    Condition: createRoleCondition,
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: { CloudWatchRoleArn: getAtt(roleId, 'Arn') },
  });
  // DependsOn cannot name a conditional resource; a reference inside Fn::If can.
  template.add(template.ids.fixed(cloudWatchRoleReady), {
    Type: 'AWS::CloudFormation::WaitConditionHandle',
    Metadata: { AccountSetting: { 'Fn::If': [createRoleCondition, ref(accountId), ''] } },
  });
}

/** The access log settings of a stage, in the property shape of its API kind. */
export function accessLogSetting(ctx: UnitContext, stage: Stage): Record<string, CfnValue> | undefined {
  if (!stage.accessLog) return undefined;
  return { DestinationArn: getAtt(ctx.names.logGroup(stage.name), 'Arn'), Format: accessLogFormat(ctx.api.kind, stage.accessLog.format) };
}

/**
 * gatewright's `json` and `clf` formats per API kind; any other text is a format as written.
 * `status` is the one unquoted number in `json` (always set, unlike latencies, which log `-`),
 * so metric filters can compare it.
 */
export function accessLogFormat(kind: ApiKind, format: string): string {
  if (format === 'json') return JSON.stringify(jsonFields[kind]).replace('"$context.status"', '$context.status');
  if (format === 'clf') return clfFormats[kind];
  return format;
}

const jsonFields: Record<ApiKind, Record<string, string>> = {
  rest: {
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    caller: '$context.identity.caller',
    user: '$context.identity.user',
    requestTime: '$context.requestTime',
    httpMethod: '$context.httpMethod',
    resourcePath: '$context.resourcePath',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    integrationLatency: '$context.integrationLatency',
    responseLatency: '$context.responseLatency',
    apiKeyId: '$context.identity.apiKeyId',
    errorMessage: '$context.error.message',
  },
  http: {
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    integrationLatency: '$context.integrationLatency',
    responseLatency: '$context.responseLatency',
    errorMessage: '$context.error.message',
    integrationError: '$context.integrationErrorMessage',
  },
  websocket: {
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    eventType: '$context.eventType',
    routeKey: '$context.routeKey',
    connectionId: '$context.connectionId',
    status: '$context.status',
    integrationLatency: '$context.integrationLatency',
    errorMessage: '$context.error.message',
  },
};

const clfFormats: Record<ApiKind, string> = {
  rest: '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId',
  http: '$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength $context.requestId',
  websocket: '$context.identity.sourceIp - - [$context.requestTime] "$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId',
};

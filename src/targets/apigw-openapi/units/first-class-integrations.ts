/**
 * AWS service integrations of HTTP APIs: API Gateway's first-class integrations
 * (`integrationSubtype`), which call one action with request parameters mapped from the
 * request; there are no mapping templates, and the service's answer is passed back as it
 * is. gatewright maps the actions REST APIs send the body to: SQS SendMessage, EventBridge
 * PutEvents, Kinesis PutRecord and Step Functions StartExecution. HTTP APIs have no
 * first-class integration for DynamoDB, S3 or SNS.
 */
import type { AwsServiceIntegration, DeployValue, Route } from '../../../ir/types.js';
import type { CfnValue } from '../../aws/cfn.js';
import type { DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';

type Parameters = (ctx: DocumentContext, route: Route, resource: CfnValue) => Record<string, CfnValue>;

/** Subtype and request parameters per service and action, as the HTTP API developer guide lists them. */
const subtypes: Partial<Record<AwsServiceIntegration['service'], { readonly action: string; readonly subtype: string; readonly parameters: Parameters }>> = {
  sqs: { action: 'SendMessage', subtype: 'SQS-SendMessage', parameters: (_ctx, _route, queue) => ({ QueueUrl: queue, MessageBody: '$request.body' }) },
  eventbridge: {
    action: 'PutEvents',
    subtype: 'EventBridge-PutEvents',
    parameters: (_ctx, route, bus) => ({ EventBusName: bus, Source: 'gatewright', DetailType: route.id.replace(/\$/g, '_'), Detail: '$request.body' }),
  },
  kinesis: { action: 'PutRecord', subtype: 'Kinesis-PutRecord', parameters: (_ctx, _route, stream) => ({ StreamName: stream, Data: '$request.body', PartitionKey: '$context.requestId' }) },
  stepfunctions: { action: 'StartExecution', subtype: 'StepFunctions-StartExecution', parameters: (_ctx, _route, machine) => ({ StateMachineArn: machine, Input: '$request.body' }) },
};

export function firstClassIntegration(ctx: DocumentContext, route: Route, integration: AwsServiceIntegration): JsonObject | undefined {
  const known = subtypes[integration.service];
  const supported = Object.entries(subtypes)
    .map(([service, s]) => `${service} ${s?.action}`)
    .join(', ');
  if (!known || known.action !== integration.action) {
    ctx.report('apigw-integration-unsupported', `HTTP APIs call AWS services through first-class integrations, which gatewright maps for ${supported}; ${integration.service} ${integration.action} is not one of them. Use kind: rest, or serve the route with a Lambda handler.`, integration.origin);
    return undefined;
  }
  const mapped = [...(Object.keys(integration.requestTemplates).length > 0 ? ['requestTemplates'] : []), ...(Object.keys(integration.responseTemplates).length > 0 ? ['responseTemplates'] : []), ...(integration.path !== undefined ? ['path'] : [])];
  if (mapped.length > 0) {
    ctx.report('apigw-integration-unsupported', `HTTP API first-class integrations take no ${mapped.join(', ')}: they pass the request body to ${integration.service} ${integration.action} and its answer back. Remove ${mapped.join(', ')}, or use kind: rest.`, integration.origin);
    return undefined;
  }
  return {
    type: 'aws_proxy',
    integrationSubtype: known.subtype,
    credentials: integration.roleArn ? ctx.deployValue(integration.roleArn) : ctx.ref(ctx.refs.integrationRoleArn(route.id)),
    requestParameters: known.parameters(ctx, route, resourceValue(ctx, integration.resource)),
    payloadFormatVersion: '1.0',
    timeoutInMillis: integration.timeoutMs,
  };
}

function resourceValue(ctx: DocumentContext, value: DeployValue): CfnValue {
  return 'literal' in value ? value.literal : ctx.deployValue(value);
}

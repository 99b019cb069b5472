/**
 * AWS service integrations (REST APIs): API Gateway calls DynamoDB, S3, SQS, SNS, Step
 * Functions, EventBridge or Kinesis itself, with request and response mapping templates.
 * Templates written in the spec are used as they are; otherwise gatewright writes ones for
 * the common actions:
 *
 * - DynamoDB stores each item's JSON body as text in the attribute `document`, keyed by the
 *   route's path parameters (as string attributes named like them; by `id`, the request id,
 *   when the route has none): PutItem writes it,
 *   GetItem returns it (404 when there is none), Query and Scan return the list of them,
 *   DeleteItem removes the item. Query uses the first path parameter as the partition key.
 * - S3 reads and writes the object whose key is `path` (with path parameters) in the bucket.
 * - SQS SendMessage, SNS Publish, Step Functions StartExecution, EventBridge PutEvents and
 *   Kinesis PutRecord send the request body.
 */
import type { AwsServiceIntegration, DeployValue, Route } from '../../../ir/types.js';
import type { CfnValue } from '../../aws/cfn.js';
import { velocityJsonString, type DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';
import { gatewayParameterName, type RoutedMethod } from '../routed-methods.js';
import { sortedRecord, successStatus, uriParameters } from './integrations.js';
import { ensureResponse } from './methods.js';

interface ServiceCall {
  readonly httpMethod: string;
  readonly uri: CfnValue;
  readonly requestParameters?: Readonly<Record<string, CfnValue>>;
  readonly requestTemplates?: Readonly<Record<string, CfnValue>>;
  readonly responseTemplates?: Readonly<Record<string, string>>;
  /** Response headers mapped from the service's answer. */
  readonly responseParameters?: Readonly<Record<string, string>>;
  /** Request headers of the method the call reads. */
  readonly methodHeaders?: readonly string[];
  /** Statuses a response template sets (`$context.responseOverride.status`), which the method must declare. */
  readonly overrideStatuses?: readonly string[];
}

type Planner = (ctx: DocumentContext, route: Route, integration: AwsServiceIntegration) => ServiceCall | string;

export function awsServiceIntegration(ctx: DocumentContext, method: RoutedMethod, integration: AwsServiceIntegration, op: JsonObject): JsonObject | undefined {
  const { route } = method;
  const planned = planners[integration.service](ctx, route, integration);
  if (typeof planned === 'string') {
    ctx.report('apigw-integration-unsupported', planned, integration.origin);
    return undefined;
  }
  const given = Object.keys(integration.requestTemplates).length > 0;
  const requestTemplates = given ? integration.requestTemplates : planned.requestTemplates;
  const responseTemplates = Object.keys(integration.responseTemplates).length > 0 ? integration.responseTemplates : planned.responseTemplates;

  for (const header of planned.methodHeaders ?? []) addHeaderParameter(op, header);
  const success = successStatus(route);
  const clientError = route.responses.find((r) => /^4\d\d$/.test(r.status))?.status ?? '400';
  const serverError = route.responses.find((r) => /^5\d\d$/.test(r.status))?.status ?? '502';
  const responseHeaders = Object.keys(planned.responseParameters ?? {}).map((key) => key.slice('method.response.header.'.length));
  ensureResponse(op, success, 'The service’s answer.', responseHeaders);
  ensureResponse(op, clientError, 'The service refused the request.');
  ensureResponse(op, serverError, 'The service failed.');
  for (const status of planned.overrideStatuses ?? []) ensureResponse(op, status, 'Answered by the mapping template.');
  return {
    type: 'aws',
    httpMethod: planned.httpMethod,
    uri: planned.uri,
    credentials: integration.roleArn ? ctx.deployValue(integration.roleArn) : ctx.ref(ctx.refs.integrationRoleArn(route.id)),
    ...(planned.requestParameters ? { requestParameters: sortedRecord(planned.requestParameters) } : {}),
    ...(requestTemplates ? { requestTemplates: sortedRecord(requestTemplates) } : {}),
    // With templates, a body of another content type would reach the service unmapped; refuse it (415).
    passthroughBehavior: requestTemplates ? 'never' : 'when_no_templates',
    responses: {
      default: {
        statusCode: success,
        ...(planned.responseParameters ? { responseParameters: sortedRecord(planned.responseParameters) } : {}),
        ...(responseTemplates ? { responseTemplates: sortedRecord(responseTemplates) } : {}),
      },
      '4\\d{2}': { statusCode: clientError },
      '5\\d{2}': { statusCode: serverError },
    },
    timeoutInMillis: integration.timeoutMs,
  };
}

const planners: Readonly<Record<AwsServiceIntegration['service'], Planner>> = {
  dynamodb: planDynamoDb,
  s3: planS3,
  sqs: (ctx, route, integration) =>
    formAction(ctx, integration, 'sqs', 'SendMessage', 'QueueUrl', 'MessageBody', {
      'application/json': `{"messageId": "$input.path('$.SendMessageResponse.SendMessageResult.MessageId')"}`,
    }),
  sns: (ctx, route, integration) =>
    formAction(ctx, integration, 'sns', 'Publish', 'TopicArn', 'Message', {
      'application/json': `{"messageId": "$input.path('$.PublishResponse.PublishResult.MessageId')"}`,
    }),
  stepfunctions: (ctx, route, integration) =>
    jsonAction(ctx, integration, 'states', ['StartExecution', 'StartSyncExecution'], 'application/x-amz-json-1.0', undefined, [
      '{"stateMachineArn": "',
      templateText(ctx, integration.resource),
      `", "input": "$util.escapeJavaScript($input.json('$')).replaceAll("\\\\'", "'")"}`,
    ]),
  eventbridge: (ctx, route, integration) =>
    jsonAction(ctx, integration, 'events', ['PutEvents'], 'application/x-amz-json-1.1', 'AWSEvents.PutEvents', [
      '{"Entries": [{"EventBusName": "',
      templateText(ctx, integration.resource),
      `", "Source": "gatewright", "DetailType": ${velocityJsonString(route.id)}, "Detail": "$util.escapeJavaScript($input.json('$')).replaceAll("\\\\'", "'")"}]}`,
    ]),
  kinesis: (ctx, route, integration) =>
    jsonAction(ctx, integration, 'kinesis', ['PutRecord'], 'application/x-amz-json-1.1', undefined, [
      '{"StreamName": "',
      templateText(ctx, integration.resource),
      '", "Data": "$util.base64Encode($input.body)", "PartitionKey": "$context.requestId"}',
    ]),
};

function planDynamoDb(ctx: DocumentContext, route: Route, integration: AwsServiceIntegration): ServiceCall | string {
  const call = { httpMethod: 'POST', uri: ctx.ref(ctx.refs.awsServiceUri('dynamodb', 'action', integration.action)) };
  if (Object.keys(integration.requestTemplates).length > 0) return call;
  const keys = keyAttributes(route);
  const table = ['{"TableName": "', templateText(ctx, integration.resource), '"'];
  const json = (parts: readonly CfnValue[]): Record<string, CfnValue> => ({ 'application/json': ctx.join(parts) });
  const needsKeys = `The DynamoDB ${integration.action} default template keys the item by the route's path parameters, and ${route.path} has ${keys === undefined ? 'parameters that do not fill a path segment alone' : 'none'}; write "requestTemplates".`;
  switch (integration.action) {
    case 'GetItem':
      if (!keys?.length) return needsKeys;
      return {
        ...call,
        requestTemplates: json([...table, `, "Key": {${entries(keys).join(', ')}}}`]),
        responseTemplates: {
          'application/json': [
            "#set($document = $input.path('$.Item.document.S'))",
            '#if("$!document" == "")',
            '#set($context.responseOverride.status = 404)',
            '{"message": "Not found"}',
            '#{else}',
            '$document',
            '#end',
          ].join('\n'),
        },
        overrideStatuses: ['404'],
      };
    case 'DeleteItem':
      if (!keys?.length) return needsKeys;
      return { ...call, requestTemplates: json([...table, `, "Key": {${entries(keys).join(', ')}}}`]), responseTemplates: { 'application/json': '' } };
    case 'PutItem': {
      if (keys === undefined) return needsKeys;
      // A route without path parameters adds items of its own, each keyed by its request's id.
      const itemKeys = keys.length > 0 ? entries(keys) : ['"id": {"S": "$context.requestId"}'];
      return {
        ...call,
        requestTemplates: json([...table, `, "Item": {${[...itemKeys, `"document": {"S": "$util.escapeJavaScript($input.body).replaceAll("\\\\'", "'")"}`].join(', ')}}}`]),
        responseTemplates: { 'application/json': '' },
      };
    }
    case 'Query': {
      const first = keys?.[0];
      if (first === undefined) return needsKeys;
      return {
        ...call,
        requestTemplates: json([...table, `, "KeyConditionExpression": "#key = :key", "ExpressionAttributeNames": {"#key": ${first.name}}, "ExpressionAttributeValues": {":key": ${first.value}}}`]),
        responseTemplates: { 'application/json': listOfDocuments },
      };
    }
    case 'Scan':
      return { ...call, requestTemplates: json([...table, '}']), responseTemplates: { 'application/json': listOfDocuments } };
    default:
      return `gatewright writes DynamoDB templates for GetItem, PutItem, DeleteItem, Query and Scan; write "requestTemplates" (and "responseTemplates") for ${integration.action}.`;
  }
}

const listOfDocuments = "[#foreach($item in $input.path('$.Items'))$item.document.S#if($foreach.hasNext),#end#end]";

/**
 * The route's path parameters as DynamoDB string attributes (`"name": {"S": "..."}`), or
 * undefined when one cannot be read by itself from the request.
 */
function keyAttributes(route: Route): KeyAttribute[] | undefined {
  const out: KeyAttribute[] = [];
  for (const parameter of route.parameters.filter((p) => p.in === 'path')) {
    const gatewayName = gatewayParameterName(route, parameter.name);
    // The name lands in a single-quoted Velocity string.
    if (gatewayName === undefined || !/^[A-Za-z0-9_.-]+$/.test(gatewayName)) return undefined;
    out.push({ name: velocityJsonString(parameter.name), value: `{"S": "$util.escapeJavaScript($input.params().path.get('${gatewayName}'))"}` });
  }
  return out;
}

interface KeyAttribute {
  /** The attribute name as a JSON string. */
  readonly name: string;
  /** The attribute value as DynamoDB JSON. */
  readonly value: string;
}

function entries(keys: readonly KeyAttribute[]): string[] {
  return keys.map((k) => `${k.name}: ${k.value}`);
}

function planS3(ctx: DocumentContext, route: Route, integration: AwsServiceIntegration): ServiceCall | string {
  const httpMethod = ({ GetObject: 'GET', HeadObject: 'HEAD', PutObject: 'PUT', DeleteObject: 'DELETE' } as Record<string, string>)[integration.action];
  if (httpMethod === undefined) return `S3 integrations support GetObject, HeadObject, PutObject and DeleteObject, not ${integration.action}.`;
  if (integration.path === undefined) return 'An S3 integration needs "path", the object key, e.g. "images/{id}".';
  const bucket = quoted(ctx, integration.resource);
  if (bucket === undefined) return 'The bucket name holds a single quote, which an API Gateway static value cannot; fix the name.';
  const requestParameters: Record<string, CfnValue> = { 'integration.request.path.bucket': bucket };
  for (const name of uriParameters(integration.path)) {
    if (name === 'bucket') return 'The object key cannot use a parameter named {bucket}, which names the bucket in the request to S3; rename it.';
    const gatewayName = gatewayParameterName(route, name);
    if (gatewayName === undefined) return `The object key uses {${name}}, which is not a whole path segment of ${route.path}; use a parameter that fills a segment by itself.`;
    requestParameters[`integration.request.path.${name}`] = `method.request.path.${gatewayName}`;
  }
  const writes = integration.action === 'PutObject';
  if (writes) requestParameters['integration.request.header.Content-Type'] = 'method.request.header.Content-Type';
  const reads = integration.action === 'GetObject' || integration.action === 'HeadObject';
  return {
    httpMethod,
    uri: ctx.ref(ctx.refs.awsServiceUri('s3', 'path', `{bucket}/${integration.path}`)),
    requestParameters,
    ...(reads
      ? { responseParameters: { 'method.response.header.Content-Type': 'integration.response.header.Content-Type', 'method.response.header.Content-Length': 'integration.response.header.Content-Length' } }
      : {}),
    ...(writes ? { methodHeaders: ['Content-Type'] } : {}),
  };
}

/** SQS and SNS take a form-encoded query-API call. */
function formAction(
  ctx: DocumentContext,
  integration: AwsServiceIntegration,
  service: string,
  action: string,
  resourceField: string,
  bodyField: string,
  responseTemplates: Record<string, string>,
): ServiceCall | string {
  const call = {
    httpMethod: 'POST',
    uri: ctx.ref(ctx.refs.awsServiceUri(service, 'action', integration.action)),
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
  };
  if (Object.keys(integration.requestTemplates).length > 0) return call;
  if (integration.action !== action) return `gatewright writes ${service.toUpperCase()} templates for ${action}; write "requestTemplates" for ${integration.action}.`;
  return {
    ...call,
    requestTemplates: { 'application/json': ctx.join([`Action=${action}&${resourceField}=`, urlEncoded(ctx, integration.resource), `&${bodyField}=$util.urlEncode($input.body)`]) },
    responseTemplates,
  };
}

/** Step Functions, EventBridge and Kinesis take a JSON call. */
function jsonAction(
  ctx: DocumentContext,
  integration: AwsServiceIntegration,
  service: string,
  actions: readonly string[],
  contentType: string,
  target: string | undefined,
  template: readonly CfnValue[],
): ServiceCall | string {
  const call = {
    httpMethod: 'POST',
    uri: ctx.ref(ctx.refs.awsServiceUri(service, 'action', integration.action)),
    requestParameters: {
      'integration.request.header.Content-Type': `'${contentType}'`,
      ...(target ? { 'integration.request.header.X-Amz-Target': `'${target}'` } : {}),
    },
  };
  if (Object.keys(integration.requestTemplates).length > 0) return call;
  if (!actions.includes(integration.action)) return `gatewright writes ${service} templates for ${actions.join(' and ')}; write "requestTemplates" for ${integration.action}.`;
  return { ...call, requestTemplates: { 'application/json': ctx.join(template) } };
}

/** A deploy value inside a JSON string of a mapping template. */
function templateText(ctx: DocumentContext, value: DeployValue): CfnValue {
  if ('literal' in value) return velocityJsonString(value.literal).slice(1, -1);
  return ctx.deployValue(value);
}

/** A deploy value inside a form-encoded mapping template. */
function urlEncoded(ctx: DocumentContext, value: DeployValue): CfnValue {
  // encodeURIComponent leaves no `$` or `#` for Velocity to read.
  if ('literal' in value) return encodeURIComponent(value.literal);
  return ctx.join(["$util.urlEncode('", ctx.deployValue(value), "')"]);
}

/** A deploy value as a static parameter mapping value. */
function quoted(ctx: DocumentContext, value: DeployValue): CfnValue | undefined {
  if ('literal' in value) return value.literal.includes("'") ? undefined : `'${value.literal}'`;
  return ctx.join(["'", ctx.deployValue(value), "'"]);
}

function addHeaderParameter(op: JsonObject, name: string): void {
  const parameters = (op['parameters'] ?? []) as JsonObject[];
  if (parameters.some((p) => p['in'] === 'header' && String(p['name']).toLowerCase() === name.toLowerCase())) return;
  op['parameters'] = [...parameters, { name, in: 'header', required: false, schema: { type: 'string' } }];
}

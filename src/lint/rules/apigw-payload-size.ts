import type { Origin } from '../../diagnostics/diagnostic.js';
import { schemaTypes, type SchemaOrBoolean } from '../../ir/schema.js';
import type { Integration, MediaTypeContent } from '../../ir/types.js';
import { mappingTemplateBytes, payloadBytes, requestHeaderBytes } from '../../ir/apigateway-limits.js';
import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

const kb = (bytes: number): string => `${bytes / 1024} KB`;
const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const rule: LintRule = {
  id: 'apigw-payload-size',
  family: 'apigateway',
  summary: 'Bodies, headers and mapping templates fit API Gateway\'s size limits.',
  docs: {
    why: `API Gateway refuses bodies over ${mb(payloadBytes.http)} (REST and HTTP APIs) and WebSocket messages over ${kb(payloadBytes.websocketMessage)}, and a Lambda function receives and returns at most ${mb(payloadBytes.lambda)}. The request line and headers together may take ${requestHeaderBytes.toLocaleString('en-US')} bytes, and a mapping template ${kb(mappingTemplateBytes)}. A schema that allows more promises clients something the gateway answers with 413.`,
    bad: `openapi: 3.0.3
info: {title: Files, version: '1'}
paths:
  /files:
    post:
      operationId: uploadFile
      x-gateway: {lambda: {handler: files}}
      requestBody:
        content:
          application/octet-stream:
            schema: {type: string, format: binary, maxLength: 52428800}
      responses: {'201': {description: Stored.}}
`,
    good: `openapi: 3.0.3
info: {title: Files, version: '1'}
paths:
  /files:
    post:
      operationId: uploadFile
      x-gateway: {lambda: {handler: files}}
      requestBody:
        content:
          application/octet-stream:
            schema: {type: string, format: binary, maxLength: 5242880}
      responses: {'201': {description: Stored.}}
`,
  },
  check({ api, report }) {
    const bodyLimit = (integration: Integration): { bytes: number; why: string } =>
      api.kind === 'websocket' ? { bytes: payloadBytes.websocketMessage, why: `a WebSocket message may carry ${kb(payloadBytes.websocketMessage)}` }
      : integration.type === 'lambda' ? { bytes: payloadBytes.lambda, why: `a Lambda function receives and returns at most ${mb(payloadBytes.lambda)}` }
      : { bytes: payloadBytes.http, why: `API Gateway accepts at most ${mb(payloadBytes.http)}` };
    const checkBodies = (contents: readonly MediaTypeContent[], integration: Integration, what: string): void => {
      const limit = bodyLimit(integration);
      for (const content of contents) {
        const size = declaredLength(content.schema);
        if (size === undefined || size <= limit.bytes) continue;
        report({
          message: `${what} may be ${mb(size)} (maxLength ${size}), but ${limit.why}; lower maxLength, or have clients upload to S3 with a presigned URL.`,
          origin: below(content.origin, 'schema', 'maxLength'),
        });
      }
    };
    for (const route of api.routes) {
      if (route.requestBody) checkBodies(route.requestBody.content, route.integration, 'The request body');
      for (const response of route.responses) checkBodies(response.content, route.integration, `The ${response.status} response body`);
      let headerTotal = 0;
      let headerOrigin: Origin | undefined;
      for (const parameter of route.parameters) {
        if (parameter.in !== 'header' && parameter.in !== 'cookie') continue;
        const size = declaredLength(parameter.schema);
        if (size === undefined) continue;
        if (size > requestHeaderBytes) {
          report({
            message: `The ${parameter.in} "${parameter.name}" may be ${size} characters long, but API Gateway allows ${requestHeaderBytes} bytes for the request line and all headers together; lower maxLength or send the value in the body.`,
            origin: below(parameter.origin, 'schema', 'maxLength'),
          });
        } else if (parameter.required) {
          headerTotal += size;
          headerOrigin ??= parameter.origin;
        }
      }
      if (headerTotal > requestHeaderBytes && headerOrigin) {
        report({
          message: `The required headers of ${route.method} ${route.path} may take ${headerTotal} characters together, over the ${requestHeaderBytes} bytes API Gateway allows for the request line and headers; lower their maxLength or move values into the body.`,
          origin: headerOrigin,
        });
      }
    }
    for (const message of api.messageRoutes) {
      const size = declaredLength(message.body);
      if (size !== undefined && size > payloadBytes.websocketMessage) {
        report({ message: `A message may be ${size} characters long (maxLength), but a WebSocket message may carry ${payloadBytes.websocketMessage / 1024} KB; lower maxLength.`, origin: below(message.origin, 'body', 'maxLength') });
      }
    }
    const templates: { text: string; origin: Origin }[] = [];
    for (const route of [...api.routes, ...api.messageRoutes]) {
      const integration = route.integration;
      if (integration.type !== 'aws') continue;
      for (const [type, text] of Object.entries(integration.requestTemplates)) templates.push({ text, origin: below(integration.origin, 'requestTemplates', type) });
      for (const [type, text] of Object.entries(integration.responseTemplates)) templates.push({ text, origin: below(integration.origin, 'responseTemplates', type) });
    }
    api.gateway.gatewayResponses.forEach((response) => {
      if (response.template !== undefined) templates.push({ text: response.template, origin: below(api.gateway.origin, 'gatewayResponses', response.type, 'template') });
    });
    for (const template of templates) {
      const bytes = Buffer.byteLength(template.text, 'utf8');
      if (bytes > mappingTemplateBytes) {
        report({ message: `This mapping template is ${Math.ceil(bytes / 1024)} KB; API Gateway allows ${mappingTemplateBytes / 1024} KB. Move the logic into a Lambda function.`, origin: template.origin });
      }
    }
  },
};

/** The largest size a string schema declares (its maxLength), when it is a string schema. */
function declaredLength(schema: SchemaOrBoolean | undefined): number | undefined {
  if (schema === undefined || typeof schema === 'boolean' || schema.maxLength === undefined) return undefined;
  const types = schemaTypes(schema);
  return types === undefined || types.includes('string') ? schema.maxLength : undefined;
}

import type { ApiKind } from '../ir/types.js';
import { renderContextTemplate } from './gateway-responses.js';

/**
 * gatewright's named access log formats as `$context` templates: the same text the
 * template back ends give the stage, rendered here for each request.
 */
export const accessLogFormats: Readonly<Record<'json' | 'clf', Readonly<Record<ApiKind, string>>>> = {
  json: {
    rest: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","caller":"$context.identity.caller","user":"$context.identity.user","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","responseLatency":"$context.responseLatency","integrationLatency":"$context.integrationLatency","apiKeyId":"$context.identity.apiKeyId","errorMessage":"$context.error.message"}',
    http: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","routeKey":"$context.routeKey","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","responseLatency":"$context.responseLatency","integrationLatency":"$context.integrationLatency","errorMessage":"$context.error.message"}',
    websocket: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","eventType":"$context.eventType","routeKey":"$context.routeKey","connectionId":"$context.connectionId","status":"$context.status","integrationLatency":"$context.integrationLatency","errorMessage":"$context.error.message"}',
  },
  clf: {
    rest: '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId',
    http: '$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength $context.requestId',
    websocket: '$context.identity.sourceIp - - [$context.requestTime] "$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId',
  },
};

/** The template for a stage's configured format; dev prints CLF when the stage logs nothing. */
export function accessLogTemplate(format: string | undefined, kind: ApiKind): string {
  if (format === undefined || format === 'clf') return accessLogFormats.clf[kind];
  if (format === 'json') return accessLogFormats.json[kind];
  return format;
}

/** One access log line; a variable with no value prints as `-`, as in CloudWatch. */
export function accessLogLine(template: string, variables: Readonly<Record<string, string | number | undefined>>): string {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) if (value !== undefined && value !== '') present[name] = String(value);
  return renderContextTemplate(template.replace(/\$context\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/g, (m, name: string) => (name in present ? m : '-')), present);
}

import { schemaOrigin } from '../../../ir/schema.js';
import type { MediaTypeContent, Parameter, Response, Route } from '../../../ir/types.js';
import { pascal } from '../../aws/logical-ids.js';
import type { CfnValue } from '../../aws/cfn.js';
import type { DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';
import { gatewayPathParameters, type RoutedMethod } from '../routed-methods.js';
import { bodyModel, inlineSchema } from './models.js';

/**
 * One method per routed route, under its gateway path: its parameters (as the gateway
 * names them), request body and responses. REST APIs get models for JSON bodies, which
 * request validation and SDK generation use; HTTP APIs have neither, so their methods
 * carry only what routing needs.
 */
export function addMethods(ctx: DocumentContext): void {
  for (const method of ctx.methods) {
    const { route } = method;
    const op = ctx.draft.method(method.path, method.key);
    op['operationId'] = route.id;
    if (route.summary !== undefined) op['summary'] = route.summary;
    if (route.description !== undefined) op['description'] = route.description;
    if (route.tags.length > 0) op['tags'] = [...route.tags];
    if (route.deprecated) op['deprecated'] = true;
    const parameters = ctx.api.kind === 'rest' ? restParameters(ctx, method) : pathParameters(route);
    if (parameters.length > 0) op['parameters'] = parameters;
    if (ctx.api.kind === 'rest' && route.requestBody) op['requestBody'] = requestBody(ctx, method);
    op['responses'] = responses(ctx, route);
  }
}

/** True for media types whose bodies are JSON, the only ones API Gateway models describe. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json$/i.test(mediaType.split(';')[0]?.trim() ?? '');
}

/** Adds a response for a status the integration answers with, declaring the headers it sets. */
export function ensureResponse(op: JsonObject, status: string, description: string, headers: readonly string[] = []): void {
  const responses = (op['responses'] ?? {}) as Record<string, JsonObject>;
  let existing = responses[status] ?? { description };
  if (headers.length > 0) {
    const declared = { ...((existing['headers'] ?? {}) as JsonObject) };
    for (const name of headers) declared[name] ??= { schema: { type: 'string' } };
    const { description: text, headers: _, ...rest } = existing;
    existing = { description: text ?? description, headers: declared, ...rest };
  }
  const { default: fallback, ...concrete } = responses;
  const keep = fallback && !placeholders.has(fallback) ? { default: fallback } : {};
  op['responses'] = sortResponses({ ...concrete, ...keep, [status]: existing });
}

/**
 * OpenAPI needs at least one response; a method whose spec declares only ranges or `default`
 * gets this `default`, which gives way to the first concrete status an integration adds.
 */
const placeholders = new WeakSet<object>();

function pathParameters(route: Route): CfnValue[] {
  return [...gatewayPathParameters(route).keys()].map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
}

function restParameters(ctx: DocumentContext, method: RoutedMethod): CfnValue[] {
  const { route, shadowed } = method;
  const group = [route, ...shadowed];
  const out: CfnValue[] = [];
  for (const [gatewayName, sources] of gatewayPathParameters(route)) {
    const only = sources.length === 1 && sources[0]?.pattern === undefined ? route.parameters.find((p) => p.in === 'path' && p.name === sources[0]?.name) : undefined;
    out.push({
      name: gatewayName,
      in: 'path',
      required: true,
      // A parameter carrying several of the spec's is plain text to the gateway.
      schema: only && group.length === 1 ? inlineSchema(ctx, only.schema, `the path parameter "${only.name}"`, schemaOrigin(only.origin, 'schema')) : { type: 'string' },
    });
  }
  // The gateway checks one method for the whole group, so a parameter is required only if every route requires it.
  const seen = new Map<string, Parameter>();
  for (const member of group) {
    for (const parameter of member.parameters) {
      if (parameter.in !== 'query' && parameter.in !== 'header') continue;
      const key = parameterKey(parameter);
      if (!seen.has(key)) seen.set(key, parameter);
    }
  }
  for (const [key, parameter] of seen) {
    const required = group.every((member) => member.parameters.some((p) => parameterKey(p) === key && p.required));
    out.push({
      name: parameter.name,
      in: parameter.in,
      required,
      ...(parameter.description !== undefined ? { description: parameter.description } : {}),
      schema: group.length === 1 ? inlineSchema(ctx, parameter.schema, `the ${parameter.in} parameter "${parameter.name}"`, schemaOrigin(parameter.origin, 'schema')) : { type: 'string' },
    });
  }
  return out;
}

function parameterKey(parameter: Parameter): string {
  return `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
}

function requestBody(ctx: DocumentContext, method: RoutedMethod): CfnValue {
  const { route, shadowed } = method;
  const body = route.requestBody;
  if (!body) return {};
  const alone = shadowed.length === 0;
  const content = Object.fromEntries(
    body.content.map((media) => [
      media.mediaType,
      alone && media.schema !== undefined && isJsonMediaType(media.mediaType)
        ? { schema: bodyModel(ctx, media.schema, `${pascal(route.id)}Request`, schemaOrigin(media.origin, 'schema'), true) }
        : {},
    ]),
  );
  return {
    ...(body.description !== undefined ? { description: body.description } : {}),
    content,
    required: body.required && shadowed.every((other) => other.requestBody?.required === true),
  };
}

function responses(ctx: DocumentContext, route: Route): JsonObject {
  // API Gateway's method responses have concrete status codes; ranges and `default` are left to the handler's documentation.
  const concrete = route.responses.filter((r) => /^[1-5]\d\d$/.test(r.status));
  if (concrete.length === 0) {
    const fallback = route.responses.find((r) => r.status === 'default');
    const placeholder = { description: fallback?.description ?? 'The integration’s response.' };
    placeholders.add(placeholder);
    return { default: placeholder };
  }
  return sortResponses(Object.fromEntries(concrete.map((response) => [response.status, methodResponse(ctx, route, response)])));
}

function methodResponse(ctx: DocumentContext, route: Route, response: Response): JsonObject {
  const out: JsonObject = { description: response.description };
  if (ctx.api.kind !== 'rest') return out;
  if (response.headers.length > 0) {
    out['headers'] = Object.fromEntries(
      response.headers.map((header) => [
        header.name,
        {
          ...(header.description !== undefined ? { description: header.description } : {}),
          schema: inlineSchema(ctx, header.schema, `the response header "${header.name}"`, schemaOrigin(header.origin, 'schema')),
        },
      ]),
    );
  }
  if (response.content.length > 0) out['content'] = responseContent(ctx, route, response.status, response.content);
  return out;
}

function responseContent(ctx: DocumentContext, route: Route, status: string, content: readonly MediaTypeContent[]): JsonObject {
  return Object.fromEntries(
    content.map((media) => [
      media.mediaType,
      media.schema !== undefined && isJsonMediaType(media.mediaType)
        ? { schema: bodyModel(ctx, media.schema, `${pascal(route.id)}${status}Response`, schemaOrigin(media.origin, 'schema'), false) }
        : {},
    ]),
  );
}

function sortResponses(responses: Readonly<Record<string, CfnValue>>): JsonObject {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

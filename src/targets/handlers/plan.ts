/**
 * The handlers back end's plan: for every Lambda handler of the API, what it serves and,
 * for each operation, how its parameters, body and responses are read, typed and
 * written. Everything the renderers print comes from here.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/codes.js';
import { pathParameterSources, type PathParameterSource } from '../../ir/paths.js';
import type { Schema, SchemaOrBoolean } from '../../ir/schema.js';
import { schemaOrigin, schemaTypes } from '../../ir/schema.js';
import type { Api, Handler, Header, LambdaAuthorizerScheme, MediaTypeContent, MessageRoute, Parameter, Response, Route, Security } from '../../ir/types.js';
import { camelIdentifier } from '../typescript/encode.js';
import { SchemaTypes, type SchemaTypeOptions } from '../typescript/schema-to-type.js';
import { TypeNames } from '../typescript/type-names.js';
import { isBinaryMediaType, mediaKind, type MediaKind } from './media-types.js';
import { ValidatorSet } from './validators.js';

/** Binary data in handlers: a Buffer comes in, any bytes may go out. */
export const handlerSchemaOptions: SchemaTypeOptions = { binary: { request: 'Buffer', response: 'Uint8Array' } };

export type SchemeType = 'apiKey' | 'iam' | 'lambda' | 'cognito' | 'jwt';
export type SecurityPlan = readonly (readonly { readonly scheme: string; readonly type: SchemeType }[])[];

export interface ContentPlan {
  readonly mediaType: string;
  readonly kind: MediaKind;
  readonly schema?: SchemaOrBoolean;
  readonly validator?: string;
  /** Form bodies: the fields that hold lists. */
  readonly arrays?: readonly string[];
}

export interface ParameterPlan {
  readonly parameter: Parameter;
  readonly shape: 'scalar' | 'array' | 'object';
  /** Exploded form objects: the query keys that make up the object (absent: every unclaimed key). */
  readonly properties?: readonly string[];
  readonly json: boolean;
  /** The schema's default, applied when the request leaves the parameter out (so the type is not optional). */
  readonly default?: unknown;
  readonly validator?: string;
}

export interface ResponsePlan {
  readonly response: Response;
  /** Declared headers, without `Content-Type` (which OpenAPI ignores). */
  readonly headers: readonly Header[];
  readonly contents: readonly ContentPlan[];
}

export interface OperationPlan {
  readonly route: Route;
  readonly requestType: string;
  readonly responseType: string;
  readonly pathSources: readonly PathParameterSource[];
  readonly parameters: readonly ParameterPlan[];
  readonly body?: { readonly required: boolean; readonly contents: readonly ContentPlan[] };
  readonly responses: readonly ResponsePlan[];
  readonly security: SecurityPlan;
}

export interface MessageRoutePlan {
  readonly route: MessageRoute;
  readonly requestType: string;
  readonly validator?: string;
  readonly security: SecurityPlan;
}

interface HandlerPlanBase {
  readonly handler: Handler;
  /** The binding the stub declares its implementation as. */
  readonly binding: string;
  readonly validators: ValidatorSet;
}

export interface RouteHandlerPlan extends HandlerPlanBase {
  readonly role: 'route';
  /** Most specific first among operations the gateway routes alike; otherwise in spec order. */
  readonly operations: readonly OperationPlan[];
}

export interface MessageHandlerPlan extends HandlerPlanBase {
  readonly role: 'message';
  readonly routes: readonly MessageRoutePlan[];
}

export interface AuthorizerPlan extends HandlerPlanBase {
  readonly role: 'authorizer';
  readonly schemes: readonly LambdaAuthorizerScheme[];
  readonly requestType: string;
  /** Token authorizers read one header; request authorizers the identity sources below. */
  readonly kinds: readonly ('token' | 'request')[];
  readonly headers: readonly string[];
  readonly query: readonly string[];
  readonly simpleResponses: boolean;
  readonly cached: boolean;
  /** The event type (from `@types/aws-lambda`) of the authorizer's context. */
  readonly eventType: string;
}

export type HandlerPlan = RouteHandlerPlan | MessageHandlerPlan | AuthorizerPlan;

export interface HandlersPlan {
  readonly api: Api;
  readonly types: SchemaTypes;
  readonly handlers: readonly HandlerPlan[];
}

/** Headers OpenAPI says a parameter definition may not describe (they are read elsewhere). */
const ignoredHeaderParameters = new Set(['accept', 'content-type', 'authorization']);

export function planHandlers(api: Api, report: (d: Diagnostic) => void): HandlersPlan {
  const types = new SchemaTypes(api.schemas, handlerSchemaOptions);
  const schemes = new Map(api.securitySchemes.map((s) => [s.name, s]));
  const routes = new Map(api.routes.map((r) => [r.id, r]));
  const messageRoutes = new Map(api.messageRoutes.map((r) => [r.id, r]));
  const security = (s: Security): SecurityPlan =>
    s.public ? [] : s.requirements.map((alternative) => alternative.flatMap((use) => {
      const scheme = schemes.get(use.scheme);
      return scheme ? [{ scheme: use.scheme, type: scheme.type as SchemeType }] : [];
    }));
  const handlers: HandlerPlan[] = [];
  for (const handler of api.handlers) {
    const base = { handler, binding: camelIdentifier(handler.name, 'handler'), validators: new ValidatorSet() };
    const names = new TypeNames(['Handlers', 'Context', 'Authorizer']);
    if (handler.role === 'route') {
      const served = handler.uses.flatMap((id) => {
        const route = routes.get(id);
        return route ? [route] : [];
      });
      const operations = served.map((route) => planOperation(route, types, base.validators, names, security(route.security)));
      handlers.push({ ...base, role: 'route', operations: mostSpecificFirst(operations) });
    } else if (handler.role === 'message') {
      const planned = handler.uses.flatMap((id): MessageRoutePlan[] => {
        const route = messageRoutes.get(id);
        if (!route) return [];
        const validator = route.body !== undefined && route.body !== true ? base.validators.add(route.body, 'strict') : undefined;
        return [{ route, requestType: names.allocate(route.id, 'Request'), ...(validator !== undefined ? { validator } : {}), security: security(route.security) }];
      });
      handlers.push({ ...base, role: 'message', routes: planned });
    } else {
      const used = handler.uses.flatMap((name) => {
        const scheme = schemes.get(name);
        return scheme?.type === 'lambda' ? [scheme] : [];
      });
      handlers.push({ ...base, role: 'authorizer', requestType: names.allocate(handler.name, 'Request'), ...planAuthorizer(api, used) });
    }
  }
  reportUnsupportedBinary(api, handlers, report);
  return { api, types, handlers };
}

function planAuthorizer(api: Api, schemes: readonly LambdaAuthorizerScheme[]): Pick<AuthorizerPlan, 'schemes' | 'kinds' | 'headers' | 'query' | 'simpleResponses' | 'cached' | 'eventType'> {
  const kinds = [...new Set(schemes.map((s) => s.kind))].sort();
  const sources = schemes.filter((s) => s.kind === 'request').flatMap((s) => s.identitySources);
  const unique = (values: string[]): string[] => [...new Set(values)];
  const first = schemes[0];
  const simpleResponses = api.kind === 'http' && first !== undefined && first.payloadVersion === '2.0' && first.simpleResponses;
  const eventType = kinds.length === 1 && kinds[0] === 'token' ? 'APIGatewayTokenAuthorizerEvent' : api.kind === 'http' && first?.payloadVersion === '2.0' ? 'APIGatewayRequestAuthorizerEventV2' : 'APIGatewayRequestAuthorizerEvent';
  return {
    schemes,
    kinds: kinds.length > 0 ? kinds : ['request'],
    headers: unique(sources.filter((s) => s.in === 'header').map((s) => s.name)),
    query: unique(sources.filter((s) => s.in === 'query').map((s) => s.name)),
    simpleResponses,
    cached: schemes.some((s) => s.ttlS > 0),
    eventType: kinds.length > 1 ? 'APIGatewayTokenAuthorizerEvent | APIGatewayRequestAuthorizerEvent' : eventType,
  };
}

function planOperation(route: Route, types: SchemaTypes, validators: ValidatorSet, names: TypeNames, security: SecurityPlan): OperationPlan {
  const parameters = route.parameters
    .filter((p) => !(p.in === 'header' && ignoredHeaderParameters.has(p.name.toLowerCase())))
    .map((parameter) => planParameter(parameter, types, validators));
  const body = route.requestBody ? { required: route.requestBody.required, contents: route.requestBody.content.map((c) => planContent(c, types, validators)) } : undefined;
  const responses = route.responses.map((response) => ({
    response,
    headers: response.headers.filter((h) => h.name.toLowerCase() !== 'content-type'),
    contents: response.content.map((c) => planContent(c, types, undefined)),
  }));
  return {
    route,
    requestType: names.allocate(route.id, 'Request'),
    responseType: names.allocate(route.id, 'Response'),
    pathSources: pathParameterSources(route),
    parameters,
    ...(body ? { body } : {}),
    responses,
    security,
  };
}

function planParameter(parameter: Parameter, types: SchemaTypes, validators: ValidatorSet): ParameterPlan {
  const resolved = types.resolve(parameter.schema);
  const json = parameter.mediaType !== undefined && mediaKind(parameter.mediaType, resolved) === 'json';
  const shape = json ? 'scalar' : shapeOf(resolved);
  const properties = shape === 'object' && typeof resolved === 'object' && resolved.properties ? Object.keys(resolved.properties) : undefined;
  const wrapped: Schema = { type: 'object', properties: { value: parameter.schema } };
  const validator = parameter.schema === true ? undefined : validators.add(wrapped, json ? 'strict' : 'coercing');
  const fallback = typeof resolved === 'object' ? resolved.default : undefined;
  return {
    parameter,
    shape,
    ...(properties ? { properties } : {}),
    json,
    ...(fallback !== undefined && !parameter.required ? { default: fallback } : {}),
    ...(validator !== undefined ? { validator } : {}),
  };
}

function shapeOf(schema: SchemaOrBoolean): ParameterPlan['shape'] {
  if (typeof schema !== 'object') return 'scalar';
  const types = schemaTypes(schema);
  if (types?.includes('array') || (types === undefined && (schema.items !== undefined || schema.prefixItems !== undefined))) return 'array';
  if (types?.includes('object') || (types === undefined && (schema.properties !== undefined || schema.additionalProperties !== undefined))) return 'object';
  return 'scalar';
}

/** A media type of a body; request bodies (`validators` given) also get their validator. */
function planContent(content: MediaTypeContent, types: SchemaTypes, validators: ValidatorSet | undefined): ContentPlan {
  const resolved = content.schema === undefined ? undefined : types.resolve(content.schema);
  const kind = mediaKind(content.mediaType, resolved);
  const plan: ContentPlan = { mediaType: content.mediaType, kind, ...(content.schema !== undefined ? { schema: content.schema } : {}) };
  if (!validators || content.schema === undefined || content.schema === true) return plan;
  if (kind === 'json' || kind === 'text') return { ...plan, validator: validators.add(content.schema, 'strict') };
  if (kind === 'form') {
    const properties = typeof resolved === 'object' ? (resolved.properties ?? {}) : {};
    const arrays = Object.entries(properties)
      .filter(([, property]) => shapeOf(types.resolve(property)) === 'array')
      .map(([name]) => name);
    return { ...plan, arrays, validator: validators.add({ type: 'object', properties: { value: content.schema } }, 'coercing') };
  }
  return plan;
}

/**
 * Orders operations so that, among those the gateway routes as one (`shadowedBy`), the
 * most specific path (the most literal text) comes first; the rest keep spec order.
 */
function mostSpecificFirst(operations: readonly OperationPlan[]): OperationPlan[] {
  const literal = (path: string): number => path.replace(/\{[^}]*\}/g, '').length;
  const key = (o: OperationPlan): string => `${o.route.method} ${o.route.gatewayPath}`;
  const groups = new Map<string, OperationPlan[]>();
  for (const operation of operations) groups.set(key(operation), [...(groups.get(key(operation)) ?? []), operation]);
  const out: OperationPlan[] = [];
  const placed = new Set<string>();
  for (const operation of operations) {
    const k = key(operation);
    if (placed.has(k)) continue;
    placed.add(k);
    const group = groups.get(k) ?? [];
    out.push(...group.map((o, i) => ({ o, i })).sort((a, b) => literal(b.o.route.path) - literal(a.o.route.path) || a.i - b.i).map(({ o }) => o));
  }
  return out;
}

/**
 * REST APIs pass bodies as bytes only for `binaryMediaTypes`; any other binary body is
 * mangled into text on the way in, and base64 from the function reaches the client as is.
 */
function reportUnsupportedBinary(api: Api, handlers: readonly HandlerPlan[], report: (d: Diagnostic) => void): void {
  if (api.kind !== 'rest') return;
  for (const handler of handlers) {
    if (handler.role !== 'route') continue;
    for (const operation of handler.operations) {
      const check = (content: ContentPlan, origin: Parameters<typeof schemaOrigin>[0], what: string): void => {
        if (content.kind !== 'binary' || isBinaryMediaType(api.gateway.binaryMediaTypes, content.mediaType)) return;
        report(
          diagnostic(
            'handler-binary-media-type',
            `${operation.route.id} ${what} ${content.mediaType} bytes, but the REST API passes them as bytes only for x-gateway.binaryMediaTypes; add "${content.mediaType}" there, or the bytes arrive mangled.`,
            origin,
          ),
        );
      };
      for (const content of operation.body?.contents ?? []) check(content, schemaOrigin(operation.route.requestBody?.origin ?? operation.route.origin, 'content', content.mediaType), 'takes');
      for (const response of operation.responses) for (const content of response.contents) check(content, schemaOrigin(response.response.origin, 'content', content.mediaType), 'returns');
    }
  }
}

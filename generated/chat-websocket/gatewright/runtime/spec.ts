// Copied by gatewright from its runtime; rewritten on every build, do not edit.
/**
 * The shape of the tables gatewright writes into each entry point: what the spec says
 * about each operation, reduced to what the glue needs at run time.
 */

/** A validator compiled at build time (ajv standalone code): no schema is compiled at cold start. */
export interface Validator {
  (data: unknown): boolean;
  errors?: readonly ValidatorError[] | null;
}

export interface ValidatorError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** How a body or parameter of a media type is read: JSON, form fields, text, or bytes. */
export type MediaKind = 'json' | 'form' | 'text' | 'binary';

export type ParameterStyle = 'matrix' | 'label' | 'form' | 'simple' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

export interface ParameterSpec {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly style: ParameterStyle;
  readonly explode: boolean;
  /** What the serialised text holds: one value, a list, or an object's properties. */
  readonly shape: 'scalar' | 'array' | 'object';
  /** Object parameters spread over the query (`form`, exploded): the property names to collect. */
  readonly properties?: readonly string[];
  /** Serialised as JSON (`content: application/json`) rather than with a style. */
  readonly json?: boolean;
  /** Used when the request leaves the parameter out. */
  readonly default?: unknown;
  /** Checks the value, wrapped as `{ value }` so that it can be coerced from text in place. */
  readonly validate?: Validator;
}

/** Where a path parameter of the spec comes from in what the gateway passes (see `ir/paths.ts`). */
export interface PathSource {
  readonly name: string;
  readonly gatewayName: string;
  readonly pattern?: string;
  readonly group?: number;
}

export interface BodyContentSpec {
  /** As written in the spec; may be a range (`image/*`). */
  readonly mediaType: string;
  readonly kind: MediaKind;
  readonly validate?: Validator;
  /** Form bodies: fields that hold lists, so a single value still becomes a list. */
  readonly arrays?: readonly string[];
}

export interface ResponseContentSpec {
  readonly mediaType: string;
  readonly kind: MediaKind;
}

export interface ResponseSpec {
  /** `200`, `4XX` or `default`. */
  readonly status: string;
  readonly contents: readonly ResponseContentSpec[];
}

export type SchemeType = 'apiKey' | 'iam' | 'lambda' | 'cognito' | 'jwt';

/** Alternatives (any one passes) of sets of schemes (all must pass). */
export type SecuritySpec = readonly (readonly { readonly scheme: string; readonly type: SchemeType }[])[];

export interface OperationSpec {
  /** The route id: the key of the implementation in the handler object. */
  readonly id: string;
  readonly method: string;
  /** The path as API Gateway routes it, the route key it sends. */
  readonly gatewayPath: string;
  /** The path as the spec writes it. */
  readonly path: string;
  readonly pathSources: readonly PathSource[];
  readonly parameters: readonly ParameterSpec[];
  readonly body?: { readonly required: boolean; readonly contents: readonly BodyContentSpec[] };
  readonly responses: readonly ResponseSpec[];
  readonly security: SecuritySpec;
}

export interface CorsSpec {
  readonly origins: readonly string[];
  readonly credentials: boolean;
  readonly exposeHeaders: readonly string[];
  /** Set when the handler serves an `OPTIONS` operation: the gateway adds no preflight mock on its path, so the handler answers preflights. */
  readonly preflight?: { readonly methods: readonly string[]; readonly headers: readonly string[]; readonly maxAgeS: number };
}

export interface HttpApiSpec {
  /** `rest`: payload format 1.0 events; `http`: 2.0. Both are read, whichever arrives. */
  readonly kind: 'rest' | 'http';
  /** Most specific first where several share a gateway route (see `Route.shadowedBy`). */
  readonly operations: readonly OperationSpec[];
  /** REST APIs: the CORS headers a Lambda proxy response must carry itself. */
  readonly cors?: CorsSpec;
}

export interface MessageRouteSpec {
  readonly id: string;
  readonly routeKey: string;
  readonly validate?: Validator;
  /** Two-way route: the returned body is sent back to the client. */
  readonly respond: boolean;
  readonly security: SecuritySpec;
}

export interface AuthorizerSpec {
  readonly kind: 'token' | 'request';
  /** HTTP APIs with simple responses answer `{ isAuthorized, context }` instead of a policy. */
  readonly simpleResponses: boolean;
  /** Whether API Gateway caches the decision: the policy then covers the whole stage, not one method. */
  readonly cached: boolean;
  /** Identity sources read as typed fields: header and query names. */
  readonly headers: readonly string[];
  readonly query: readonly string[];
}

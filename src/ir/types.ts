/**
 * The intermediate representation: what the API is and how the gateway serves it,
 * decoded from OpenAPI plus `x-gateway`, with every default applied. Plain, readonly,
 * JSON-serialisable data; every node keeps the origin it came from. Back ends read only
 * this, never the spec.
 */
import type { Origin } from '../diagnostics/diagnostic.js';
import type { NamedSchema, SchemaOrBoolean } from './schema.js';

export type { Origin } from '../diagnostics/diagnostic.js';
export type * from './schema.js';

export type ApiKind = 'rest' | 'http' | 'websocket';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'ANY';

/**
 * A value that is known only at deploy time: a literal, a template parameter the
 * back end declares, or a CloudFormation export.
 */
export type DeployValue =
  | { readonly literal: string }
  | { readonly parameter: string }
  | { readonly import: string };

export interface Api {
  readonly kind: ApiKind;
  /** The API's name in AWS (`x-gateway.name`, else `info.title`). */
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  /** The spec's `openapi` field, e.g. `3.0.3`. */
  readonly openapiVersion: string;
  readonly servers: readonly Server[];
  readonly tags: readonly Tag[];
  /** HTTP routes of REST and HTTP APIs, in spec order; empty for WebSocket APIs. */
  readonly routes: readonly Route[];
  /** WebSocket routes; empty for REST and HTTP APIs. */
  readonly messageRoutes: readonly MessageRoute[];
  readonly schemas: readonly NamedSchema[];
  readonly securitySchemes: readonly SecurityScheme[];
  /**
   * Schemes the gateway cannot enforce as written (HTTP basic, API keys outside
   * `x-api-key`, ...). Compiling for the gateway fails on them; a client SDK can still
   * send their credentials, so they are kept here, apart from `securitySchemes`.
   */
  readonly clientOnlySchemes: readonly ClientOnlyScheme[];
  /** One Lambda function per handler name; shared by the operations that name it. */
  readonly handlers: readonly Handler[];
  readonly gateway: GatewaySettings;
  readonly origin: Origin;
}

export interface Server {
  readonly url: string;
  readonly description?: string;
  readonly variables: readonly ServerVariable[];
  readonly origin: Origin;
}

export interface ServerVariable {
  readonly name: string;
  readonly default: string;
  readonly enum?: readonly string[];
  readonly description?: string;
}

export interface Tag {
  readonly name: string;
  readonly description?: string;
}

// ---------------------------------------------------------------------------------------
// Routes

export interface Route {
  /** Unique, identifier-safe (letters, digits, `_`, `$`): the operationId where it is one. */
  readonly id: string;
  /** As written in the spec, if any. */
  readonly operationId?: string;
  readonly method: HttpMethod;
  /** As written in the spec, e.g. `/orders/{id}` or `/files/{proxy+}`. */
  readonly path: string;
  /**
   * The path API Gateway routes on: the same as `path`, except that a segment mixing text
   * and parameters becomes one parameter, and parameters renamed to the name another path
   * uses at the same position (a gateway resource has one variable child). See `ir/paths.ts`.
   */
  readonly gatewayPath: string;
  /**
   * Set when an earlier route with the same method matches the same requests at the
   * gateway (the spec's paths differ only in parameter names or split segments). The
   * gateway routes only that route; both share one handler, whose glue tells them
   * apart by matching `path`. Back ends that configure the gateway skip this route.
   */
  readonly shadowedBy?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  /** Path-item and operation parameters merged, path first, then query, header, cookie. */
  readonly parameters: readonly Parameter[];
  readonly requestBody?: RequestBody;
  /** In spec order. */
  readonly responses: readonly Response[];
  readonly security: Security;
  /**
   * Whether the gateway requires an API key, so usage plans meter the route (API Gateway's
   * `apiKeyRequired`): its security names an `apiKey` scheme, or the API reads keys from its
   * authorizer (`gateway.apiKeySource` AUTHORIZER) and its security names a Lambda authorizer,
   * whose `usageIdentifierKey` is the key. Always false on HTTP APIs, which have no keys.
   * Whether a client sends the key itself is another matter: only with source HEADER.
   */
  readonly apiKeyRequired: boolean;
  readonly integration: Integration;
  readonly throttle?: Throttle;
  readonly cache?: MethodCache;
  readonly validation: Validation;
  readonly alarms?: RouteAlarms;
  readonly pagination?: Pagination;
  readonly origin: Origin;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export type ParameterStyle = 'matrix' | 'label' | 'form' | 'simple' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

export interface Parameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly deprecated: boolean;
  readonly description?: string;
  /** With defaults applied: `simple` for path and header, `form` for query and cookie. */
  readonly style: ParameterStyle;
  readonly explode: boolean;
  readonly allowReserved: boolean;
  /** The parameter's schema, or the schema of its single `content` entry. */
  readonly schema: SchemaOrBoolean;
  /** Set when the parameter is serialised as a media type (`content`) rather than a style. */
  readonly mediaType?: string;
  /** The parameter's `example` or `examples`; absent when it has none. */
  readonly examples?: readonly Example[];
  readonly origin: Origin;
}

export interface RequestBody {
  readonly required: boolean;
  readonly description?: string;
  readonly content: readonly MediaTypeContent[];
  readonly origin: Origin;
}

export interface MediaTypeContent {
  /** As written, e.g. `application/json` or `image/*`. */
  readonly mediaType: string;
  readonly schema?: SchemaOrBoolean;
  readonly encoding?: Readonly<Record<string, PropertyEncoding>>;
  /** The media type's `example` or `examples`; absent when it has none. */
  readonly examples?: readonly Example[];
  readonly origin: Origin;
}

/**
 * An example value written in the spec, for mock responses and for checking it against
 * its schema. An Example Object with only an `externalValue` has no value here.
 */
export interface Example {
  /** The key under `examples`; absent for a single `example`. */
  readonly name?: string;
  readonly value: unknown;
  /** Where the value itself is (after following a `$ref` to `components.examples`). */
  readonly origin: Origin;
}

export interface PropertyEncoding {
  readonly contentType?: string;
  readonly style?: ParameterStyle;
  readonly explode?: boolean;
  readonly headers?: readonly Header[];
}

export interface Response {
  /** `200`, `4XX` or `default`. */
  readonly status: string;
  readonly description: string;
  readonly headers: readonly Header[];
  readonly content: readonly MediaTypeContent[];
  readonly origin: Origin;
}

export interface Header {
  readonly name: string;
  readonly required: boolean;
  readonly description?: string;
  readonly schema: SchemaOrBoolean;
  /** The header's `example` or `examples`; absent when it has none. */
  readonly examples?: readonly Example[];
  readonly origin: Origin;
}

export interface Pagination {
  /** The query parameter that carries the cursor or page. */
  readonly param: string;
  /** `cursor`: the next value is read from the response; `page`/`offset`: it is computed. */
  readonly style: 'cursor' | 'page' | 'offset';
  /** JSON pointer into the response body to the next cursor (cursor style). */
  readonly nextPointer?: string;
  /** JSON pointer into the response body to the items of one page. */
  readonly itemsPointer: string;
  /** Response header holding the next cursor, instead of a body pointer. */
  readonly nextHeader?: string;
  readonly origin: Origin;
}

// ---------------------------------------------------------------------------------------
// WebSocket

export interface MessageRoute {
  readonly id: string;
  /** `$connect`, `$disconnect`, `$default` or a custom route key. */
  readonly routeKey: string;
  readonly summary?: string;
  readonly description?: string;
  /** Schema of the incoming message body. */
  readonly body?: SchemaOrBoolean;
  /** Only `$connect` may carry auth. */
  readonly security: Security;
  /** `$connect` only: whether connecting requires an API key, by the rule of `Route.apiKeyRequired`. */
  readonly apiKeyRequired: boolean;
  readonly integration: Integration;
  /** Whether the integration's answer is sent back to the client (two-way route). */
  readonly respond: boolean;
  /** Whether the gateway checks the message against `body` before the integration runs (`parameters` is always false). */
  readonly validation: Validation;
  readonly throttle?: Throttle;
  /**
   * Alarms on this route's metrics: `serverErrorRate` counts integration errors and failed
   * integration calls, `clientErrorRate` messages the gateway refused, both per connection or
   * message; `p99LatencyMs` watches integration latency.
   */
  readonly alarms?: RouteAlarms;
  readonly origin: Origin;
}

// ---------------------------------------------------------------------------------------
// Security

/** Who may call a route: alternatives (OR) of sets of schemes that must all pass (AND). */
export interface Security {
  /** Explicitly public: `x-gateway.public`, or `security: []` on the operation. */
  readonly public: boolean;
  readonly requirements: readonly (readonly SchemeUse[])[];
  readonly origin: Origin;
}

export interface SchemeUse {
  readonly scheme: string;
  readonly scopes: readonly string[];
}

export interface IdentitySource {
  /** On WebSocket APIs, header and query sources are read from the `$connect` request. */
  readonly in: 'header' | 'query' | 'context' | 'stageVariable';
  readonly name: string;
}

interface SecuritySchemeBase {
  /** The key under `components.securitySchemes`. */
  readonly name: string;
  readonly description?: string;
  /** How a client presents the credential, as the spec's scheme says. */
  readonly client: ClientCredential;
  readonly origin: Origin;
}

/** How a client sends a credential, from the OpenAPI security scheme as written. */
export type ClientCredential =
  | { readonly kind: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }
  /** `Authorization: <scheme> <credential>`, e.g. bearer or basic. */
  | { readonly kind: 'http'; readonly scheme: string }
  /** A bearer token from an OAuth 2 or OpenID Connect flow. */
  | { readonly kind: 'oauth2' | 'openIdConnect' }
  | { readonly kind: 'mutualTLS' }
  /** Signature Version 4 with AWS credentials. */
  | { readonly kind: 'sigv4' };

/** A scheme a client can use but API Gateway cannot enforce as written. */
export interface ClientOnlyScheme extends SecuritySchemeBase {
  readonly type: 'clientOnly';
}

/** API Gateway API keys: sent in `x-api-key`, bound to usage plans. REST only. */
export interface ApiKeyScheme extends SecuritySchemeBase {
  readonly type: 'apiKey';
  readonly headerName: string;
}

/** Signature Version 4 with IAM credentials (`AWS_IAM`). */
export interface IamScheme extends SecuritySchemeBase {
  readonly type: 'iam';
}

/** A Lambda authorizer: a handler of this API decides. */
export interface LambdaAuthorizerScheme extends SecuritySchemeBase {
  readonly type: 'lambda';
  /** REST: `token` reads one header; `request` reads the identity sources. HTTP and WebSocket use `request`. */
  readonly kind: 'token' | 'request';
  readonly handler: string;
  readonly identitySources: readonly IdentitySource[];
  /** Result cache time-to-live in seconds; 0 turns caching off. */
  readonly ttlS: number;
  /** REST token authorizers: a regex the token must match before the Lambda is called. */
  readonly validationRegex?: string;
  /** HTTP APIs: the event payload format the authorizer Lambda receives. */
  readonly payloadVersion: '1.0' | '2.0';
  /** HTTP APIs: the authorizer answers `{isAuthorized, context}` instead of an IAM policy. */
  readonly simpleResponses: boolean;
}

/** Amazon Cognito user pools (REST). */
export interface CognitoScheme extends SecuritySchemeBase {
  readonly type: 'cognito';
  readonly userPoolArns: readonly DeployValue[];
  readonly identitySource: IdentitySource;
}

/** JWT authorizer (HTTP APIs): any OIDC issuer, Cognito included. */
export interface JwtScheme extends SecuritySchemeBase {
  readonly type: 'jwt';
  readonly issuer: DeployValue;
  readonly audience: readonly DeployValue[];
  readonly identitySource: IdentitySource;
  /** For the local gateway: where signing keys come from. */
  readonly jwksUri?: string;
}

export type SecurityScheme = ApiKeyScheme | IamScheme | LambdaAuthorizerScheme | CognitoScheme | JwtScheme;

// ---------------------------------------------------------------------------------------
// Integrations

export interface LambdaIntegration {
  readonly type: 'lambda';
  /** A name in `Api.handlers`. */
  readonly handler: string;
  readonly timeoutMs: number;
  readonly origin: Origin;
}

export interface HttpIntegration {
  readonly type: 'http';
  /** May hold `{name}` path parameters and `${stageVariables.name}`. */
  readonly uri: string;
  readonly method: HttpMethod;
  /** `http_proxy` passes the request through; otherwise mappings apply. */
  readonly proxy: boolean;
  readonly timeoutMs: number;
  /** Integration request parameter to method request expression, e.g. `integration.request.path.id` to `method.request.path.id`. */
  readonly requestParameters: Readonly<Record<string, string>>;
  readonly origin: Origin;
}

export interface MockIntegration {
  readonly type: 'mock';
  readonly statusCode: number;
  /** Header values are literal text: back ends quote them as static values, never read them as mapping expressions. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON value sent as the response body. */
  readonly body?: unknown;
  readonly origin: Origin;
}

export type AwsServiceName = 'dynamodb' | 's3' | 'sqs' | 'sns' | 'stepfunctions' | 'eventbridge' | 'kinesis';

export interface AwsServiceIntegration {
  readonly type: 'aws';
  readonly service: AwsServiceName;
  /** The service action (`PutItem`, `SendMessage`) or, for S3, the object operation (`GetObject`). */
  readonly action: string;
  /** The resource the action targets: table name, queue URL or name, bucket, state machine ARN... */
  readonly resource: DeployValue;
  /** For S3: the object key, usually from a path parameter (`{key}`). */
  readonly path?: string;
  /** Velocity request templates by content type; gatewright writes sensible ones when absent. */
  readonly requestTemplates: Readonly<Record<string, string>>;
  readonly responseTemplates: Readonly<Record<string, string>>;
  /** The role API Gateway assumes; created with least privilege when absent. */
  readonly roleArn?: DeployValue;
  readonly timeoutMs: number;
  readonly origin: Origin;
}

export type Integration = LambdaIntegration | HttpIntegration | MockIntegration | AwsServiceIntegration;

// ---------------------------------------------------------------------------------------
// Traffic

export interface Throttle {
  /** Steady-state requests per second. */
  readonly rate: number;
  readonly burst: number;
}

export interface MethodCache {
  readonly ttlS: number;
  /** Request parameters that make up the cache key: `path.id`, `query.q`, `header.Accept`. */
  readonly keys: readonly CacheKey[];
  readonly encrypted: boolean;
}

export interface CacheKey {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
}

export interface Validation {
  readonly body: boolean;
  readonly parameters: boolean;
}

export interface RouteAlarms {
  readonly p99LatencyMs?: number;
  readonly serverErrorRate?: number;
  readonly clientErrorRate?: number;
}

// ---------------------------------------------------------------------------------------
// Handlers

export type Runtime = string;

export interface Handler {
  /** As named in the spec; also the stub's file name (`handlers/<name>.ts`). */
  readonly name: string;
  /** What calls it: routes of the API, a Lambda authorizer, or WebSocket routes. */
  readonly role: 'route' | 'authorizer' | 'message';
  /** Route ids (or message route ids) served, in spec order; scheme names for authorizers. */
  readonly uses: readonly string[];
  readonly runtime: Runtime;
  readonly memoryMb: number;
  readonly timeoutS: number;
  readonly architecture: 'arm64' | 'x86_64';
  readonly environment: Readonly<Record<string, string>>;
  /** Extra IAM policy statements or managed policy ARNs for the function's role. */
  readonly policies: readonly unknown[];
  readonly reservedConcurrency?: number;
  readonly tracing: boolean;
  readonly origin: Origin;
}

// ---------------------------------------------------------------------------------------
// Gateway-wide settings

export interface GatewaySettings {
  readonly endpoint: 'edge' | 'regional' | 'private';
  readonly vpcEndpointIds: readonly DeployValue[];
  readonly stages: readonly Stage[];
  readonly cors?: Cors;
  readonly usagePlans: readonly UsagePlan[];
  /** Where API Gateway reads API keys: the `x-api-key` header, or a Lambda authorizer's answer. */
  readonly apiKeySource: 'HEADER' | 'AUTHORIZER';
  readonly domain?: CustomDomain;
  readonly binaryMediaTypes: readonly string[];
  readonly minimumCompressionSize?: number;
  /** A resource policy document, as written. */
  readonly policy?: unknown;
  readonly disableExecuteApiEndpoint: boolean;
  readonly gatewayResponses: readonly GatewayResponse[];
  readonly alarms?: ApiAlarms;
  readonly dashboard: boolean;
  /** WebSocket: where the route key is read from each message. */
  readonly routeSelectionExpression?: string;
  readonly origin: Origin;
}

export interface Stage {
  readonly name: string;
  readonly description?: string;
  readonly variables: Readonly<Record<string, string>>;
  /** Default throttle for every method of the stage. */
  readonly throttle?: Throttle;
  readonly cache?: StageCache;
  readonly accessLog?: AccessLog;
  /** Execution logging to CloudWatch (REST and WebSocket). */
  readonly executionLogLevel: 'OFF' | 'ERROR' | 'INFO';
  readonly dataTrace: boolean;
  readonly tracing: boolean;
  readonly detailedMetrics: boolean;
  readonly origin: Origin;
}

export interface StageCache {
  /** One of API Gateway's cache cluster sizes, e.g. `0.5`. */
  readonly sizeGb: number;
  readonly ttlS: number;
  readonly encrypted: boolean;
}

export interface AccessLog {
  /** `json` and `clf` are gatewright's formats; anything else is used as written. */
  readonly format: string;
  readonly retentionDays: number;
}

export interface Cors {
  readonly origins: readonly string[];
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly credentials: boolean;
  readonly maxAgeS: number;
  readonly origin: Origin;
}

export interface UsagePlan {
  readonly name: string;
  readonly description?: string;
  readonly throttle?: Throttle;
  readonly quota?: Quota;
  /** Stages the plan applies to; all stages when the spec names none. */
  readonly stages: readonly string[];
  /** API keys created for this plan, by name. */
  readonly apiKeys: readonly string[];
  readonly origin: Origin;
}

export interface Quota {
  readonly limit: number;
  readonly period: 'DAY' | 'WEEK' | 'MONTH';
  readonly offset: number;
}

export interface CustomDomain {
  readonly name: string;
  readonly certificateArn: DeployValue;
  /** Empty for the root of the domain. */
  readonly basePath: string;
  readonly endpoint: 'edge' | 'regional';
  readonly securityPolicy: 'TLS_1_0' | 'TLS_1_2';
  /** When set, a Route 53 alias record is created in this zone. */
  readonly hostedZoneId?: DeployValue;
  readonly origin: Origin;
}

export interface GatewayResponse {
  /** `DEFAULT_4XX`, `DEFAULT_5XX`, `UNAUTHORIZED`, `THROTTLED`... */
  readonly type: string;
  readonly statusCode?: number;
  /** Header values are literal text: back ends quote them as static values, never read them as mapping expressions. */
  readonly headers: Readonly<Record<string, string>>;
  readonly template?: string;
}

export interface ApiAlarms {
  /**
   * Alarm when 5XX responses exceed this fraction of requests (WebSocket APIs: integration
   * errors and failed integration calls, of connections and messages).
   */
  readonly serverErrorRate?: number;
  readonly clientErrorRate?: number;
  readonly p99LatencyMs?: number;
  /** Alarm when more than this many requests are throttled in a period. */
  readonly throttledRequests?: number;
  readonly periodS: number;
  readonly evaluationPeriods: number;
  /** SNS topics (or other alarm actions) to notify. */
  readonly actions: readonly DeployValue[];
  readonly origin: Origin;
}

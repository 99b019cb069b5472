import type { ApiKind, GatewayResponse } from '../ir/types.js';
import type { GatewayRequest } from './request.js';

/** The gateway's own answers, by API Gateway's gateway response type. */
export type GatewayResponseType =
  | 'ACCESS_DENIED'
  | 'API_CONFIGURATION_ERROR'
  | 'AUTHORIZER_CONFIGURATION_ERROR'
  | 'AUTHORIZER_FAILURE'
  | 'BAD_REQUEST_BODY'
  | 'BAD_REQUEST_PARAMETERS'
  | 'EXPIRED_TOKEN'
  | 'INTEGRATION_FAILURE'
  | 'INTEGRATION_TIMEOUT'
  | 'INVALID_API_KEY'
  | 'INVALID_SIGNATURE'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'QUOTA_EXCEEDED'
  | 'REQUEST_TOO_LARGE'
  | 'RESOURCE_NOT_FOUND'
  | 'THROTTLED'
  | 'UNAUTHORIZED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'DEFAULT_4XX'
  | 'DEFAULT_5XX';

/** REST API defaults: status, `$context.error.message`, and the `x-amzn-ErrorType` header. */
const restDefaults: Record<GatewayResponseType, { status: number; message: string | null; errorType: string }> = {
  ACCESS_DENIED: { status: 403, message: 'User is not authorized to access this resource', errorType: 'AccessDeniedException' },
  API_CONFIGURATION_ERROR: { status: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  AUTHORIZER_CONFIGURATION_ERROR: { status: 500, message: null, errorType: 'AuthorizerConfigurationException' },
  AUTHORIZER_FAILURE: { status: 500, message: null, errorType: 'AuthorizerFailureException' },
  BAD_REQUEST_BODY: { status: 400, message: 'Invalid request body', errorType: 'BadRequestException' },
  BAD_REQUEST_PARAMETERS: { status: 400, message: 'Missing required request parameters', errorType: 'BadRequestException' },
  EXPIRED_TOKEN: { status: 403, message: 'The security token included in the request is expired', errorType: 'ExpiredTokenException' },
  INTEGRATION_FAILURE: { status: 504, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  INTEGRATION_TIMEOUT: { status: 504, message: 'Endpoint request timed out', errorType: 'InternalServerErrorException' },
  INVALID_API_KEY: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  INVALID_SIGNATURE: {
    status: 403,
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    errorType: 'InvalidSignatureException',
  },
  MISSING_AUTHENTICATION_TOKEN: { status: 403, message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException' },
  QUOTA_EXCEEDED: { status: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Too Long', errorType: 'RequestTooLongException' },
  RESOURCE_NOT_FOUND: { status: 404, message: 'Not Found', errorType: 'NotFoundException' },
  THROTTLED: { status: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported Media Type', errorType: 'UnsupportedMediaTypeException' },
  DEFAULT_4XX: { status: 400, message: 'Bad Request', errorType: 'BadRequestException' },
  DEFAULT_5XX: { status: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
};

/** HTTP APIs answer with fixed bodies that cannot be customised. */
const httpApiDefaults: Partial<Record<GatewayResponseType, { status: number; message: string }>> = {
  ACCESS_DENIED: { status: 403, message: 'Forbidden' },
  AUTHORIZER_FAILURE: { status: 500, message: 'Internal Server Error' },
  AUTHORIZER_CONFIGURATION_ERROR: { status: 500, message: 'Internal Server Error' },
  EXPIRED_TOKEN: { status: 403, message: 'Forbidden' },
  INVALID_SIGNATURE: { status: 403, message: 'Forbidden' },
  MISSING_AUTHENTICATION_TOKEN: { status: 404, message: 'Not Found' },
  RESOURCE_NOT_FOUND: { status: 404, message: 'Not Found' },
  THROTTLED: { status: 429, message: 'Too Many Requests' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized' },
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Entity Too Large' },
  // HTTP APIs answer an integration that does not answer in time with 503, not 504.
  INTEGRATION_TIMEOUT: { status: 503, message: 'Service Unavailable' },
  INTEGRATION_FAILURE: { status: 500, message: 'Internal Server Error' },
  DEFAULT_5XX: { status: 500, message: 'Internal Server Error' },
  DEFAULT_4XX: { status: 400, message: 'Bad Request' },
};

/** A refusal or failure the gateway answers itself, before or instead of the integration. */
export class GatewayError extends Error {
  constructor(
    readonly type: GatewayResponseType,
    /** Overrides the default `$context.error.message` (REST), e.g. the names of missing parameters. */
    readonly detail?: string | null,
    /** Extra response headers, e.g. `WWW-Authenticate` from a JWT authorizer. */
    readonly headers: Readonly<Record<string, string>> = {},
    /** Why, for the access log and --verbose; never sent to the client. */
    readonly reason?: string,
    /** A REST status other than the type's default, e.g. 502 for a failed Lambda proxy call. */
    readonly status?: number,
  ) {
    super(detail ?? type);
  }
}

export interface RenderedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export interface ErrorContext {
  readonly kind: ApiKind;
  readonly requestId: string;
  readonly request?: GatewayRequest;
  readonly customized: readonly GatewayResponse[];
  /** Extra `$context` variables a template may name. */
  readonly variables?: Readonly<Record<string, string>>;
}

/** Renders the gateway's answer for an error: the kind's default, or the spec's gatewayResponses on REST. */
export function renderGatewayError(error: GatewayError, ctx: ErrorContext): RenderedResponse {
  if (ctx.kind === 'http') {
    const fixed = httpApiDefaults[error.type] ?? (restDefaults[error.type].status >= 500 ? httpApiDefaults.DEFAULT_5XX : httpApiDefaults.DEFAULT_4XX) ?? { status: 500, message: 'Internal Server Error' };
    return {
      status: fixed.status,
      headers: { 'content-type': 'application/json', 'apigw-requestid': ctx.requestId, ...error.headers },
      body: Buffer.from(JSON.stringify({ message: fixed.message })),
    };
  }
  const defaults = restDefaults[error.type];
  const message = error.detail === undefined ? defaults.message : error.detail;
  const family = defaults.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
  const own = ctx.customized.find((r) => r.type === error.type);
  const fallback = ctx.customized.find((r) => r.type === family);
  const status = own?.statusCode ?? fallback?.statusCode ?? error.status ?? defaults.status;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-RequestId': ctx.requestId,
    'x-amzn-ErrorType': defaults.errorType,
    ...error.headers,
  };
  for (const source of [fallback, own]) {
    for (const [name, value] of Object.entries(source?.headers ?? {})) {
      const resolved = responseParameter(value, ctx.request);
      if (resolved !== undefined) headers[name] = resolved;
    }
  }
  const template = own?.template ?? fallback?.template;
  const variables: Record<string, string> = {
    requestId: ctx.requestId,
    extendedRequestId: ctx.requestId,
    'error.message': message ?? '',
    'error.messageString': JSON.stringify(message),
    'error.responseType': error.type,
    ...ctx.variables,
  };
  const body = template === undefined ? defaultRestBody(error, message) : renderContextTemplate(template, variables);
  return { status, headers, body: Buffer.from(body) };
}

/**
 * A REST API's own answer when the spec customises nothing. The gateway writes the
 * answers for an integration that timed out or that answered malformed (502) with a space
 * after the colon, `{"message": "Endpoint request timed out"}`, unlike its other
 * answers, `{"message":"Missing Authentication Token"}`; clients that compare text see it.
 */
function defaultRestBody(error: GatewayError, message: string | null): string {
  const spaced = error.type === 'INTEGRATION_TIMEOUT' || error.status === 502;
  return `{"message":${spaced ? ' ' : ''}${JSON.stringify(message)}}`;
}

/**
 * Gateway response header values are mapping expressions: `'literal'` or
 * `method.request.header.NAME` (and `.querystring.`, `.path.`).
 */
function responseParameter(expression: string, request: GatewayRequest | undefined): string | undefined {
  const literal = /^'(.*)'$/s.exec(expression);
  if (literal) return literal[1];
  const header = /^method\.request\.header\.(.+)$/.exec(expression);
  if (header) return request?.header(header[1] as string);
  const query = /^method\.request\.querystring\.(.+)$/.exec(expression);
  if (query) return request?.queryValue(query[1] as string);
  return expression;
}

/** Substitutes `$context.NAME` and `${context.NAME}` in a template; unknown names become empty, as in VTL. */
export function renderContextTemplate(template: string, variables: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{context\.([A-Za-z0-9_.]+)\}|\$context\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    return variables[name] ?? '';
  });
}

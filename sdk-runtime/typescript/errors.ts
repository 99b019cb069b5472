/**
 * What a call can fail with. HTTP answers outside 2xx are `ApiError`s typed per operation
 * and narrowed by `status`; failures to get an answer at all are the other classes.
 */

/** Statuses a response can have that are not success (3xx, 4xx, 5xx). */
export type ErrorStatus = RedirectStatus | ClientErrorStatus | ServerErrorStatus;
export type SuccessStatus = Range<200>;
export type RedirectStatus = Range<300>;
export type ClientErrorStatus = Range<400>;
export type ServerErrorStatus = Range<500>;

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
// `Range<400>` is every literal 400..499, so `status === 404` narrows a union of errors.
type Range<Base extends 200 | 300 | 400 | 500> = ToNumber<`${FirstDigit<Base>}${Digit}${Digit}`>;
type FirstDigit<Base extends number> = `${Base}` extends `${infer D extends number}${string}` ? D : never;
type ToNumber<Text extends string> = Text extends `${infer N extends number}` ? N : never;

/** The body API Gateway itself answers with (`{"message": ...}`; IAM failures say `Message`). */
export interface GatewayErrorBody {
  readonly message?: string;
  readonly Message?: string;
}

export class ApiError<Status extends number = number, Body = unknown> extends Error {
  override readonly name: string = 'ApiError';
  /** The operation that failed, as the SDK names it. */
  readonly operation: string;
  readonly status: Status;
  /** The decoded body: JSON when the answer is JSON, else text (or a Blob for binary answers). */
  readonly body: Body;
  readonly headers: Headers;
  /** API Gateway's request id (`x-amzn-RequestId`, or `apigw-requestid` on HTTP APIs), for support cases and logs. */
  readonly requestId: string | undefined;
  /** API Gateway's error type (`x-amzn-ErrorType`), e.g. `UnauthorizedException`. */
  readonly errorType: string | undefined;
  /** The message API Gateway or the integration gave in the body, if any. */
  readonly gatewayMessage: string | undefined;

  constructor(operation: string, status: Status, body: Body, headers: Headers) {
    const gatewayMessage = messageOf(body);
    super(`${operation} failed with HTTP ${status}${gatewayMessage === undefined ? '' : `: ${gatewayMessage}`}`);
    this.operation = operation;
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.requestId = headers.get('x-amzn-requestid') ?? headers.get('apigw-requestid') ?? headers.get('x-amz-apigw-id') ?? undefined;
    this.errorType = headers.get('x-amzn-errortype')?.split(':')[0] ?? undefined;
    this.gatewayMessage = gatewayMessage;
  }
}

/** The request never got an answer: DNS, connection refused or reset, TLS. */
export class NetworkError extends Error {
  override readonly name: string = 'NetworkError';
  readonly operation: string;
  constructor(operation: string, cause: unknown) {
    super(`${operation}: the request failed before an answer arrived (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.operation = operation;
  }
}

/** An attempt took longer than `timeoutMs`, or the whole call (retries and waits included) longer than `deadlineMs`. */
export class TimeoutError extends Error {
  override readonly name: string = 'TimeoutError';
  readonly operation: string;
  readonly scope: 'attempt' | 'deadline';
  readonly timeoutMs: number;
  constructor(operation: string, scope: 'attempt' | 'deadline', timeoutMs: number) {
    super(`${operation}: ${scope === 'attempt' ? 'the attempt' : 'the call'} took longer than ${timeoutMs} ms`);
    this.operation = operation;
    this.scope = scope;
    this.timeoutMs = timeoutMs;
  }
}

/** The client lacks what an operation needs (credentials, a base URL, a region for signing). */
export class ConfigurationError extends Error {
  override readonly name: string = 'ConfigurationError';
}

/** A 2xx answer whose body does not decode as the spec says (e.g. JSON that does not parse). */
export class ResponseDecodeError extends Error {
  override readonly name: string = 'ResponseDecodeError';
  readonly operation: string;
  readonly status: number;
  readonly headers: Headers;
  constructor(operation: string, status: number, headers: Headers, cause: unknown) {
    super(`${operation}: the ${status} answer could not be decoded (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.operation = operation;
    this.status = status;
    this.headers = headers;
  }
}

function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { message, Message } = body as GatewayErrorBody;
  if (typeof message === 'string') return message;
  if (typeof Message === 'string') return Message;
  return undefined;
}

import type { LambdaIntegration } from '../../ir/types.js';
import type { DevApp } from '../app.js';
import type { RouteRequest } from '../auth/authorize.js';
import type { Caller } from '../caller.js';
import { httpApiEvent, isTextMediaType } from '../events/http-v2.js';
import { lambdaContext } from '../events/lambda-context.js';
import { restProxyEvent } from '../events/rest-v1.js';
import { isBinaryMediaType } from '../binary.js';
import { GatewayError } from '../gateway-responses.js';
import { invoke } from '../handlers.js';
import { parseHttpResult, parseRestResult, type IntegrationResponse } from '../lambda-results.js';
import { mediaTypeOf } from '../request.js';

export interface LambdaCall {
  readonly event: unknown;
  readonly response: IntegrationResponse;
}

/**
 * A Lambda proxy integration: builds the event of the API's kind, calls the handler with
 * a Lambda context, and reads its answer. A handler that throws, times out on its own or
 * answers malformed is a 502 on REST and a 500 on HTTP APIs; the gateway giving up
 * waiting is the integration timeout.
 */
export async function callLambdaProxy(rr: RouteRequest, integration: LambdaIntegration, caller: Caller, onEvent: (event: unknown) => void): Promise<LambdaCall> {
  const { app, request } = rr;
  const rest = app.api.kind !== 'http';
  const base64Body = rest
    ? isBinaryMediaType(request.contentType, app.api.gateway.binaryMediaTypes)
    : !isTextMediaType(mediaTypeOf(request.contentType)) || !isUtf8(request.body);
  const common = { ...rr, stage: app.stage, apiId: app.apiId, base64Body, caller };
  const event = rest ? restProxyEvent(common) : httpApiEvent(common);
  onEvent(event);
  const fn = app.handlers.functions.get(integration.handler);
  const handler = app.api.handlers.find((h) => h.name === integration.handler);
  if (!fn || !handler) throw lambdaFailure(app, `the handler "${integration.handler}" is not loaded: ${app.handlers.problems.get(integration.handler) ?? 'unknown handler'}`);
  const outcome = await invoke(fn, event, lambdaContext(handler, app.api.name, rr.requestId, Date.now()), integration.timeoutMs);
  if ('integrationTimedOut' in outcome) throw new GatewayError('INTEGRATION_TIMEOUT', undefined, {}, `the handler "${integration.handler}" did not answer within ${integration.timeoutMs} ms`);
  if ('lambdaTimedOut' in outcome) throw lambdaFailure(app, `Task timed out after ${handler.timeoutS.toFixed(2)} seconds`);
  if ('error' in outcome) throw lambdaFailure(app, `the handler "${integration.handler}" threw: ${describe(outcome.error)}`);
  const parsed = rest ? parseRestResult(outcome.result) : parseHttpResult(outcome.result);
  if ('malformed' in parsed) throw lambdaFailure(app, `Malformed Lambda proxy response: ${parsed.malformed}`);
  return { event, response: parsed.response };
}

function lambdaFailure(app: DevApp, reason: string): GatewayError {
  return new GatewayError('DEFAULT_5XX', app.api.kind === 'http' ? undefined : 'Internal server error', {}, reason, 502);
}

function describe(error: unknown): string {
  if (error instanceof Error) return process.env['GATEWRIGHT_DEBUG'] ? (error.stack ?? error.message) : `${error.name}: ${error.message}`;
  return String(error);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

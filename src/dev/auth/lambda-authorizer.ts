import type { ApiKind, LambdaAuthorizerScheme } from '../../ir/types.js';
import type { AuthorizerContextValue, AuthorizerOutcome } from '../caller.js';
import { GatewayError } from '../gateway-responses.js';
import type { InvokeOutcome } from '../handlers.js';
import type { GatewayRequest } from '../request.js';
import { evaluatePolicy } from './iam-policy.js';

/** What the gateway needs to run an authorizer for one request. */
export interface AuthorizerCall {
  readonly kind: ApiKind;
  readonly scheme: LambdaAuthorizerScheme;
  readonly request: GatewayRequest;
  /** The method ARN (REST, WebSocket) or route ARN (HTTP) the policy is checked against. */
  readonly resourceArn: string;
  /** Builds the REQUEST event of the API's kind (the proxy event plus authorizer fields). */
  readonly requestEvent: (identityValues: readonly string[]) => unknown;
  readonly invoke: (event: unknown) => Promise<InvokeOutcome>;
  readonly now: number;
}

interface CachedAnswer {
  readonly answer: Record<string, unknown>;
  readonly expiresAt: number;
}

/** The authorizer result cache of a stage, keyed by scheme and identity source values, with each scheme's TTL. */
export class AuthorizerCache {
  readonly #entries = new Map<string, CachedAnswer>();

  get(key: string, now: number): Record<string, unknown> | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > now) return entry.answer;
    if (entry) this.#entries.delete(key);
    return undefined;
  }

  set(key: string, answer: Record<string, unknown>, expiresAt: number): void {
    this.#entries.set(key, { answer, expiresAt });
  }
}

/**
 * Runs a Lambda authorizer as the gateway does: missing identity sources (or a token that
 * fails the validation expression) are refused with 401 before the Lambda runs; a cached
 * answer is reused for the TTL; an `Unauthorized` error is 401; a deny is 403; anything
 * else going wrong is an authorizer failure (500).
 */
export async function runLambdaAuthorizer(call: AuthorizerCall, cache: AuthorizerCache): Promise<AuthorizerOutcome & { usageIdentifierKey?: string }> {
  const { scheme, request } = call;
  const values = scheme.identitySources.map((source) => identityValue(request, source.in, source.name));
  const cachingOn = scheme.ttlS > 0;
  const mustHaveIdentity = scheme.kind === 'token' || cachingOn || call.kind !== 'rest';
  if (mustHaveIdentity && values.some((v) => v === undefined || v.trim() === '')) {
    throw new GatewayError('UNAUTHORIZED', undefined, {}, `missing identity source ${scheme.identitySources.map((s) => `${s.in}.${s.name}`).join(', ')}`);
  }
  const present = values.map((v) => v ?? '');
  if (scheme.kind === 'token' && scheme.validationRegex !== undefined && !new RegExp(scheme.validationRegex).test(present[0] as string)) {
    throw new GatewayError('UNAUTHORIZED', undefined, {}, 'the token does not match the validation expression');
  }
  const cacheKey = `${scheme.name}\u0000${present.join('\u0000')}`;
  const startedAt = Date.now();
  let answer = cachingOn ? cache.get(cacheKey, call.now) : undefined;
  if (!answer) {
    const event =
      scheme.kind === 'token'
        ? { type: 'TOKEN', authorizationToken: present[0], methodArn: call.resourceArn }
        : call.requestEvent(present);
    const outcome = await call.invoke(event);
    if ('error' in outcome) {
      const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      if (message === 'Unauthorized') throw new GatewayError('UNAUTHORIZED', undefined, {}, 'the authorizer answered Unauthorized');
      throw new GatewayError('AUTHORIZER_FAILURE', undefined, {}, `the authorizer failed: ${message}`);
    }
    if (!('result' in outcome)) throw new GatewayError('AUTHORIZER_FAILURE', undefined, {}, 'the authorizer timed out');
    if (outcome.result === null || typeof outcome.result !== 'object') throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', undefined, {}, 'the authorizer answered something that is not an object');
    answer = outcome.result as Record<string, unknown>;
    if (cachingOn) cache.set(cacheKey, answer, call.now + scheme.ttlS * 1000);
  }
  const latencyMs = Date.now() - startedAt;
  const context = contextValues(answer['context']);
  if (scheme.simpleResponses) {
    if (answer['isAuthorized'] !== true) throw new GatewayError('ACCESS_DENIED', undefined, {}, 'the authorizer answered isAuthorized: false');
    return { kind: 'lambda', context, latencyMs };
  }
  const verdict = evaluatePolicy(answer['policyDocument'], call.resourceArn);
  if (verdict === 'malformed') throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', undefined, {}, 'the authorizer answered without a valid policyDocument');
  if (verdict === 'deny') throw new GatewayError('ACCESS_DENIED', 'User is not authorized to access this resource with an explicit deny', {}, `explicit deny for ${call.resourceArn}`);
  if (verdict === 'implicit-deny') throw new GatewayError('ACCESS_DENIED', 'User is not authorized to access this resource', {}, `no Allow for ${call.resourceArn}`);
  const principalId = typeof answer['principalId'] === 'string' ? answer['principalId'] : undefined;
  const usageIdentifierKey = typeof answer['usageIdentifierKey'] === 'string' ? answer['usageIdentifierKey'] : undefined;
  return { kind: 'lambda', ...(principalId !== undefined ? { principalId } : {}), context, latencyMs, ...(usageIdentifierKey !== undefined ? { usageIdentifierKey } : {}) };
}

function identityValue(request: GatewayRequest, where: string, name: string): string | undefined {
  switch (where) {
    case 'header':
      return request.header(name);
    case 'query':
      return request.queryValue(name);
    default:
      // Context and stage variable sources are not in the request: the local gateway counts
      // them present, with a fixed value, so they never refuse a request nor split the cache.
      return where;
  }
}

/** An authorizer's context holds strings, numbers and booleans only; the gateway refuses objects and lists. */
function contextValues(value: unknown): Record<string, AuthorizerContextValue> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', undefined, {}, 'the authorizer context is not an object');
  const out: Record<string, AuthorizerContextValue> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', undefined, {}, `the authorizer context value "${key}" is not a string, number or boolean`);
    }
    out[key] = v;
  }
  return out;
}

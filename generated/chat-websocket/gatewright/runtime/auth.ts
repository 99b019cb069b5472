// Copied by gatewright from its runtime; rewritten on every build, do not edit.
/**
 * What API Gateway's authorizers say about the caller, read from the event's request
 * context into the typed `auth` of a request: one entry per scheme of the security
 * alternative that let the request through.
 */
import type { ApiKeyAuth, CognitoAuth, IamAuth, JwtAuth, LambdaAuth } from './types.js';
import type { SchemeType, SecuritySpec } from './spec.js';

type AnyAuth = ApiKeyAuth | IamAuth | CognitoAuth | JwtAuth | LambdaAuth;

/** The request context of a 1.0 or 2.0 payload, or of a WebSocket event, read loosely. */
interface LooseRequestContext {
  readonly authorizer?: Record<string, unknown> | null;
  readonly identity?: Record<string, unknown> | null;
}

export function readAuth(security: SecuritySpec, requestContext: LooseRequestContext | undefined): Record<string, AnyAuth> {
  const alternatives = security.filter((alternative) => alternative.length > 0);
  if (alternatives.length === 0) return {};
  // The gateway let the request through, so one alternative passed: the first whose evidence is here.
  const chosen = alternatives.find((alternative) => alternative.every((use) => present(use.type, requestContext))) ?? alternatives[0] ?? [];
  const auth: Record<string, AnyAuth> = {};
  for (const use of chosen) auth[use.scheme] = read(use.type, requestContext);
  return auth;
}

function present(type: SchemeType, context: LooseRequestContext | undefined): boolean {
  const authorizer = context?.authorizer ?? undefined;
  const identity = context?.identity ?? undefined;
  switch (type) {
    case 'apiKey':
      return typeof identity?.['apiKeyId'] === 'string' || typeof identity?.['apiKey'] === 'string';
    case 'iam':
      return authorizer?.['iam'] !== undefined || typeof identity?.['userArn'] === 'string' || typeof identity?.['caller'] === 'string';
    case 'cognito':
      return isRecord(authorizer?.['claims']);
    case 'jwt':
      return isRecord(authorizer?.['jwt']);
    case 'lambda':
      return authorizer !== undefined && (isRecord(authorizer['lambda']) || typeof authorizer['principalId'] === 'string');
  }
}

function read(type: SchemeType, context: LooseRequestContext | undefined): AnyAuth {
  const authorizer = context?.authorizer ?? {};
  const identity = context?.identity ?? {};
  switch (type) {
    case 'apiKey':
      return { type, apiKeyId: text(identity['apiKeyId']) };
    case 'iam': {
      // HTTP APIs put the caller under authorizer.iam; REST and WebSocket APIs under identity.
      const iam = isRecord(authorizer['iam']) ? authorizer['iam'] : identity;
      return { type, accountId: text(iam['accountId']), userArn: text(iam['userArn']), caller: text(iam['caller'] ?? iam['callerId']), accessKey: text(iam['accessKey']) };
    }
    case 'cognito': {
      const claims = Object.fromEntries(Object.entries(isRecord(authorizer['claims']) ? authorizer['claims'] : {}).map(([k, v]) => [k, String(v)]));
      return { type, claims, scopes: splitScopes(claims['scope']) };
    }
    case 'jwt': {
      const jwt = isRecord(authorizer['jwt']) ? authorizer['jwt'] : {};
      const claims = (isRecord(jwt['claims']) ? jwt['claims'] : {}) as JwtAuth['claims'];
      const scopes = Array.isArray(jwt['scopes']) ? (jwt['scopes'] as string[]) : splitScopes(typeof claims['scope'] === 'string' ? claims['scope'] : undefined);
      return { type, claims, scopes };
    }
    case 'lambda': {
      // HTTP APIs nest the context under `lambda`; REST and WebSocket APIs flatten it beside principalId.
      const nested = isRecord(authorizer['lambda']) ? authorizer['lambda'] : undefined;
      const source = nested ?? authorizer;
      const values: Record<string, string | number | boolean | null> = {};
      for (const [key, value] of Object.entries(source)) {
        if (!nested && (key === 'principalId' || key === 'integrationLatency')) continue;
        if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') Object.defineProperty(values, key, { value, writable: true, enumerable: true, configurable: true });
      }
      return { type, principalId: text(authorizer['principalId'] ?? nested?.['principalId']), context: values };
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function splitScopes(scope: string | undefined): string[] {
  return scope === undefined ? [] : scope.split(' ').filter((s) => s !== '');
}

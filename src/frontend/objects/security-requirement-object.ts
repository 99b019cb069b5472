import type { ApiKind, GatewaySettings, SchemeUse, Security, SecurityScheme, ClientOnlyScheme } from '../../ir/types.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { child, expectArray, isObject, type BuildContext, type Node } from '../context.js';

/**
 * Reads a `security` list (alternatives of scheme sets) and checks that API Gateway can
 * enforce it: one alternative, holding at most one authorizer (plus an API key on REST).
 */
export function readSecurity(
  ctx: BuildContext,
  node: Node | undefined,
  schemes: ReadonlyMap<string, SecurityScheme | ClientOnlyScheme>,
  /** Every scheme name under components.securitySchemes, including those that could not be decoded. */
  declared: ReadonlySet<string>,
  explicitlyPublic: boolean,
  origin: Node['origin'],
): Security {
  if (explicitlyPublic) return { public: true, requirements: [], origin };
  const list = node && expectArray(ctx, node, '"security"');
  if (!list) return { public: false, requirements: [], origin };
  if (list.value.length === 0) return { public: true, requirements: [], origin: list.origin };
  const requirements: SchemeUse[][] = [];
  let anonymous = false;
  list.value.forEach((entry, index) => {
    const entryNode = child(list, index);
    if (!isObject(entry)) {
      ctx.report('openapi-unexpected-type', 'A security requirement must be an object of scheme names to scopes.', entryNode.origin);
      return;
    }
    const uses: SchemeUse[] = [];
    for (const [scheme, scopes] of Object.entries(entry)) {
      const at = child(entryNode, scheme).origin;
      if (!schemes.has(scheme)) {
        if (!declared.has(scheme)) {
          ctx.report('security-scheme-unknown', `The security scheme "${scheme}" is not declared under components.securitySchemes; declare it or fix the name.${didYouMean(scheme, declared)}`, { ...at, key: true });
        }
        continue;
      }
      uses.push({ scheme, scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [] });
    }
    if (Object.keys(entry).length === 0) anonymous = true;
    else if (uses.length > 0) requirements.push(uses);
  });
  if (anonymous) {
    if (requirements.length === 0) return { public: true, requirements: [], origin: list.origin };
    ctx.report(
      'security-optional-auth',
      'This security list makes auth optional ({} is one alternative); API Gateway either requires auth or not. Remove {} or make the operation public with x-gateway.public.',
      list.origin,
    );
  }
  checkEnforceable(ctx, requirements, schemes, list.origin);
  return { public: false, requirements, origin: list.origin };
}

function checkEnforceable(ctx: BuildContext, requirements: readonly (readonly SchemeUse[])[], schemes: ReadonlyMap<string, SecurityScheme | ClientOnlyScheme>, origin: Node['origin']): void {
  if (requirements.length > 1) {
    ctx.report(
      'security-scheme-unsupported',
      `API Gateway runs one authorizer per method and cannot accept alternatives (${requirements.map((r) => r.map((u) => u.scheme).join(' + ')).join(' OR ')}); keep one, or use a Lambda authorizer that accepts each kind of credential.`,
      origin,
    );
    return;
  }
  const uses = requirements[0] ?? [];
  const authorizers = uses.filter((u) => schemes.get(u.scheme)?.type !== 'apiKey');
  const apiKeys = uses.length - authorizers.length;
  if (authorizers.length > 1) {
    ctx.report(
      'security-scheme-unsupported',
      `API Gateway runs one authorizer per method, but this requires ${authorizers.map((a) => a.scheme).join(' and ')} together; keep one.`,
      origin,
    );
  }
  if (apiKeys > 1) ctx.report('security-scheme-unsupported', 'A method takes one API key; require only one apiKey scheme.', origin);
  if (apiKeys > 0 && ctx.kind === 'http') {
    ctx.report('security-scheme-unsupported', 'HTTP APIs have no API keys; use kind: rest or a Lambda authorizer.', origin);
  }
}

/**
 * Whether the gateway requires an API key of a route with this security (see
 * `Route.apiKeyRequired`): an `apiKey` scheme, or a Lambda authorizer when keys come from
 * the authorizer's `usageIdentifierKey`. HTTP APIs have no API keys.
 */
export function requiresApiKey(
  kind: ApiKind,
  security: Security,
  schemes: ReadonlyMap<string, SecurityScheme | ClientOnlyScheme>,
  apiKeySource: GatewaySettings['apiKeySource'],
): boolean {
  if (kind === 'http' || security.public) return false;
  const types = security.requirements.flat().map((use) => schemes.get(use.scheme)?.type);
  return types.includes('apiKey') || (apiKeySource === 'AUTHORIZER' && types.includes('lambda'));
}

import type { Api, IdentitySource, SecurityScheme, Security } from '../../../ir/types.js';
import type { CfnValue } from '../../aws/cfn.js';
import type { DocumentContext } from '../context.js';
import { routedMethods } from '../routed-methods.js';

/** A security scheme that becomes an API Gateway authorizer, or IAM auth, on some routed method. */
export type AuthorizerScheme = Exclude<SecurityScheme, { type: 'apiKey' }>;

/**
 * The schemes that guard at least one method the gateway routes, other than API keys, in
 * the order the spec declares them. The document names each authorizer after its scheme
 * (`components.securitySchemes`), so the template back ends find it under `scheme.name`.
 */
export function usedAuthorizers(api: Api): AuthorizerScheme[] {
  const used = new Set(routedMethods(api).flatMap((m) => m.route.security.requirements.flat().map((u) => u.scheme)));
  return api.securitySchemes.filter((s): s is AuthorizerScheme => s.type !== 'apiKey' && used.has(s.name));
}

/**
 * Authorizers and IAM auth: a security scheme per authorizer that some method uses, and
 * each method's `security`. Explicitly public methods get an empty list. API keys are
 * added after this (`addApiKeys`).
 */
export function addAuthorizers(ctx: DocumentContext): void {
  for (const scheme of usedAuthorizers(ctx.api)) ctx.draft.securitySchemes.set(scheme.name, securityScheme(ctx, scheme));
  const schemes = new Map(ctx.api.securitySchemes.map((s) => [s.name, s]));
  for (const method of ctx.methods) {
    const { route } = method;
    for (const other of method.shadowed) {
      if (securityKey(other.security) !== securityKey(route.security)) {
        ctx.report(
          'apigw-shadowed-security-differs',
          `${other.method} ${other.path} is served by the gateway method of ${route.method} ${route.path}, which enforces that operation's auth, not this one's; give both operations the same security.`,
          other.security.origin,
        );
      }
    }
    const op = ctx.draft.method(method.path, method.key);
    if (route.security.public) {
      op['security'] = [];
      continue;
    }
    const entries: CfnValue[] = [];
    for (const use of route.security.requirements[0] ?? []) {
      const scheme = schemes.get(use.scheme);
      if (!scheme || scheme.type === 'apiKey') continue;
      const checksScopes = scheme.type === 'cognito' || scheme.type === 'jwt';
      if (use.scopes.length > 0 && !checksScopes) {
        ctx.report(
          'apigw-scopes-unenforced',
          `API Gateway checks scopes only for Cognito and JWT authorizers, so it does not check ${use.scopes.map((s) => `"${s}"`).join(', ')} for "${scheme.name}" on ${route.method} ${route.path}; the ${scheme.type === 'lambda' ? 'Lambda authorizer' : 'handler'} must check them.`,
          route.security.origin,
        );
      }
      entries.push({ [scheme.name]: checksScopes ? [...use.scopes] : [] });
    }
    if (entries.length > 0) op['security'] = entries;
  }
}

function securityScheme(ctx: DocumentContext, scheme: AuthorizerScheme): CfnValue {
  const rest = ctx.api.kind === 'rest';
  const description = scheme.description !== undefined ? { description: scheme.description } : {};
  switch (scheme.type) {
    case 'iam':
      return { type: 'apiKey', name: 'Authorization', in: 'header', ...description, 'x-amazon-apigateway-authtype': 'awsSigv4' };
    case 'cognito':
      return {
        ...apiKeyShape([scheme.identitySource]),
        ...description,
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: scheme.userPoolArns.map((arn) => ctx.deployValue(arn)),
          identitySource: restIdentity(scheme.identitySource),
        },
      };
    case 'jwt':
      return {
        type: 'oauth2',
        flows: {},
        ...description,
        'x-amazon-apigateway-authorizer': {
          type: 'jwt',
          jwtConfiguration: { issuer: ctx.deployValue(scheme.issuer), audience: scheme.audience.map((a) => ctx.deployValue(a)) },
          identitySource: httpIdentity(scheme.identitySource),
        },
      };
    case 'lambda': {
      const authorizerUri = ctx.ref(ctx.refs.lambdaInvokeUri(scheme.handler));
      if (rest) {
        return {
          ...apiKeyShape(scheme.identitySources),
          ...description,
          'x-amazon-apigateway-authtype': 'custom',
          'x-amazon-apigateway-authorizer': {
            type: scheme.kind,
            authorizerUri,
            identitySource: scheme.identitySources.map(restIdentity).join(', '),
            ...(scheme.kind === 'token' && scheme.validationRegex !== undefined ? { identityValidationExpression: scheme.validationRegex } : {}),
            authorizerResultTtlInSeconds: scheme.ttlS,
          },
        };
      }
      return {
        ...apiKeyShape(scheme.identitySources),
        ...description,
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          authorizerUri,
          authorizerPayloadFormatVersion: scheme.payloadVersion,
          ...(scheme.payloadVersion === '2.0' ? { enableSimpleResponses: scheme.simpleResponses } : {}),
          identitySource: scheme.identitySources.map(httpIdentity).join(', '),
          authorizerResultTtlInSeconds: scheme.ttlS,
        },
      };
    }
  }
}

/**
 * OpenAPI's side of an authorizer: an apiKey scheme naming the one header or query
 * parameter it reads, or the `Unused` header API Gateway expects when it reads several.
 */
function apiKeyShape(sources: readonly IdentitySource[]): { type: 'apiKey'; name: string; in: 'header' | 'query' } {
  const only = sources.length === 1 ? sources[0] : undefined;
  if (only && (only.in === 'header' || only.in === 'query')) return { type: 'apiKey', name: only.name, in: only.in };
  return { type: 'apiKey', name: 'Unused', in: 'header' };
}

/** A REST identity source as a mapping expression, e.g. `method.request.header.Authorization`. */
export function restIdentity(source: IdentitySource): string {
  switch (source.in) {
    case 'header':
      return `method.request.header.${source.name}`;
    case 'query':
      return `method.request.querystring.${source.name}`;
    case 'stageVariable':
      return `stageVariables.${source.name}`;
    case 'context':
    case 'route':
      return `context.${source.name}`;
  }
}

/** An HTTP API identity source, e.g. `$request.header.Authorization`. */
export function httpIdentity(source: IdentitySource): string {
  switch (source.in) {
    case 'header':
      return `$request.header.${source.name}`;
    case 'query':
      return `$request.querystring.${source.name}`;
    case 'stageVariable':
      return `$stageVariables.${source.name}`;
    case 'context':
    case 'route':
      return `$context.${source.name}`;
  }
}

function securityKey(security: Security): string {
  if (security.public) return 'public';
  return JSON.stringify(security.requirements.map((r) => r.map((u) => [u.scheme, [...u.scopes].sort()]).sort()));
}

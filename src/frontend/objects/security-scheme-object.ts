import type { ClientCredential, ClientOnlyScheme, DeployValue, IdentitySource, SecurityScheme } from '../../ir/types.js';
import { child, entries, expectObject, isObject, optional, stringAt, type BuildContext, type Node } from '../context.js';
import { kindName } from '../x-gateway/operation.js';
import { validateXGateway } from '../x-gateway/validate-x-gateway.js';
import { bool, deployValue, deployValues, num, obj, str, strings } from '../x-gateway/values.js';
import { checkHeaderName } from './header-name.js';

/**
 * Reads `components.securitySchemes` and decides how API Gateway enforces each:
 * standard OpenAPI says what it can (an `x-api-key` header is an API key; bearer,
 * OAuth 2 and OpenID Connect are JWTs: Cognito on REST, a JWT authorizer on HTTP);
 * `x-gateway` marks IAM and Lambda authorizers and supplies issuers and pools.
 */
export function readSecuritySchemes(ctx: BuildContext, node: Node): { schemes: SecurityScheme[]; clientOnly: ClientOnlyScheme[] } {
  const schemes: SecurityScheme[] = [];
  const clientOnly: ClientOnlyScheme[] = [];
  const map = expectObject(ctx, node, '"securitySchemes"');
  if (!map) return { schemes, clientOnly };
  for (const [name, written] of entries(map)) {
    const resolved = ctx.deref(written);
    const scheme = resolved && expectObject(ctx, resolved, `The security scheme "${name}"`);
    if (!scheme) continue;
    const decoded = readSecurityScheme(ctx, name, scheme);
    if (decoded?.type === 'clientOnly') clientOnly.push(decoded);
    else if (decoded) schemes.push(decoded);
  }
  return { schemes, clientOnly };
}

function readSecurityScheme(ctx: BuildContext, name: string, node: Node): SecurityScheme | ClientOnlyScheme | undefined {
  const type = stringAt(node, 'type');
  const description = stringAt(node, 'description');
  const xNode = child(node, 'x-gateway');
  if (xNode.value !== undefined) {
    const problems = validateXGateway(xNode.value, 'securityScheme', xNode.origin);
    ctx.diagnostics.push(...problems);
    if (problems.length > 0) return undefined;
  }
  const x = obj(xNode.value);
  const client = clientCredential(node, x);
  if (!client) {
    ctx.report('security-scheme-unsupported', `The security scheme "${name}" is incomplete or of an unknown type; give it a type (apiKey, http, oauth2, openIdConnect) and, for apiKey, "in" and "name".`, node.origin);
    return undefined;
  }
  const base = { name, ...optional('description', description), client, origin: node.origin };
  // The gateway cannot enforce it, but a client can still send it (for SDKs).
  const unsupported = (message: string, origin = node.origin): ClientOnlyScheme => {
    ctx.report('security-scheme-unsupported', message, origin);
    return { type: 'clientOnly', ...base };
  };
  const headerName = type === 'apiKey' && stringAt(node, 'in') === 'header' ? stringAt(node, 'name') : undefined;
  if (headerName !== undefined) checkHeaderName(ctx, headerName, child(node, 'name').origin, 'The API key header');

  if (x['iam'] === true) return { type: 'iam', ...base };

  if (isObject(x['lambdaAuthorizer'])) {
    const authorizer = x['lambdaAuthorizer'];
    const rest = ctx.kind === 'rest';
    const writtenKind = str(authorizer['type']);
    if (!rest && writtenKind === 'token') {
      ctx.report('x-gateway-kind-mismatch', `${kindName(ctx.kind)} have only request authorizers; remove type: token.`, child(child(xNode, 'lambdaAuthorizer'), 'type').origin);
    }
    const written = strings(authorizer['identitySources']).map(parseIdentitySource);
    const fallback = defaultIdentity(node) ?? { in: 'header', name: 'Authorization' };
    const identitySources = written.length > 0 ? written : [fallback];
    // A token authorizer reads one header, so that is the default only where that is all it needs.
    const oneHeader = identitySources.length === 1 && identitySources[0]?.in === 'header';
    const kind = rest ? ((writtenKind ?? (oneHeader ? 'token' : 'request')) as 'token' | 'request') : 'request';
    if (kind === 'token' && (identitySources.length !== 1 || identitySources[0]?.in !== 'header')) {
      ctx.report('x-gateway-invalid', 'A token authorizer reads exactly one header; give one header.NAME identity source or use type: request.', child(xNode, 'lambdaAuthorizer').origin);
    }
    const authorizerNode = child(xNode, 'lambdaAuthorizer');
    const writtenTtl = num(authorizer['ttl']);
    if (ctx.kind === 'websocket' && writtenTtl !== undefined && writtenTtl > 0) {
      ctx.report('x-gateway-kind-mismatch', 'WebSocket APIs do not cache authorizer results; remove "ttl" (the authorizer runs once per connection).', child(authorizerNode, 'ttl').origin);
    }
    const payloadVersion = authorizer['payloadVersion'] === '1.0' ? '1.0' : ctx.kind === 'rest' ? '1.0' : '2.0';
    const writtenSimple = bool(authorizer['simpleResponses']);
    if (ctx.kind === 'http' && payloadVersion === '1.0' && writtenSimple === true) {
      ctx.report(
        'x-gateway-invalid',
        'Simple responses ({isAuthorized, context}) exist only in payload format 2.0; remove payloadVersion: "1.0" or simpleResponses: true.',
        child(authorizerNode, 'simpleResponses').origin,
      );
    }
    return {
      type: 'lambda',
      ...base,
      kind,
      handler: str(authorizer['handler']) ?? name,
      identitySources,
      ttlS: ctx.kind === 'websocket' ? 0 : (writtenTtl ?? 300),
      ...optional('validationRegex', str(authorizer['validationRegex'])),
      payloadVersion,
      simpleResponses: ctx.kind === 'http' ? (writtenSimple ?? payloadVersion === '2.0') && payloadVersion === '2.0' : false,
    };
  }

  if (ctx.kind === 'websocket' && (isObject(x['cognito']) || isObject(x['jwt']) || type === 'http' || type === 'oauth2' || type === 'openIdConnect')) {
    return unsupported(
      'WebSocket APIs authorize $connect only with IAM or a Lambda authorizer; check the token in x-gateway: {lambdaAuthorizer: {handler: ...}}, or use x-gateway: {iam: true}.',
    );
  }
  const identitySource: IdentitySource = defaultIdentity(node) ?? { in: 'header', name: 'Authorization' };
  if (isObject(x['cognito'])) {
    const userPoolArns = deployValues(x['cognito']['userPoolArns']);
    if (ctx.kind === 'rest') return { type: 'cognito', ...base, userPoolArns, identitySource };
    const clientIds = deployValues(x['cognito']['clientIds']);
    if (userPoolArns.length > 1) {
      ctx.report(
        'x-gateway-kind-mismatch',
        `${kindName(ctx.kind)} check Cognito tokens with a JWT authorizer, which trusts one issuer: the first pool. Tokens of the other pools are refused; remove them, or use kind: rest, whose Cognito authorizers accept several pools.`,
        child(child(child(xNode, 'cognito'), 'userPoolArns'), 1).origin,
        { severity: 'warning' },
      );
    }
    const issuer = cognitoIssuer(userPoolArns[0]);
    if (!issuer || clientIds.length === 0) {
      return unsupported(
        `On ${kindName(ctx.kind)} a Cognito pool is checked by a JWT authorizer: give x-gateway.cognito a literal pool ARN and "clientIds", or use x-gateway.jwt with issuer and audience.`,
      );
    }
    return { type: 'jwt', ...base, issuer, audience: clientIds, identitySource };
  }
  if (isObject(x['jwt'])) {
    if (ctx.kind === 'rest') {
      // The jwt key is what to change; the scheme's type is right as it is.
      return unsupported('REST APIs have no JWT authorizers; use x-gateway.cognito for Cognito user pools, or a lambdaAuthorizer that verifies the token.', { ...child(xNode, 'jwt').origin, key: true });
    }
    const issuer = deployValue(x['jwt']['issuer']) ?? oidcIssuer(stringAt(node, 'openIdConnectUrl'));
    if (!issuer) return unsupported('A JWT authorizer needs an issuer: set x-gateway.jwt.issuer or use type: openIdConnect with openIdConnectUrl.');
    return {
      type: 'jwt',
      ...base,
      issuer,
      audience: deployValues(x['jwt']['audience']),
      identitySource,
      ...optional('jwksUri', str(x['jwt']['jwksUri'])),
    };
  }

  switch (type) {
    case 'apiKey': {
      const where = stringAt(node, 'in');
      if (ctx.kind === 'http') {
        return unsupported('HTTP APIs have no API keys or usage plans; use kind: rest, or a lambdaAuthorizer that checks the key.');
      }
      if (where !== 'header' || headerName?.toLowerCase() !== 'x-api-key') {
        return unsupported(
          `API Gateway reads API keys only from the x-api-key header, but this scheme sends it ${where === 'header' ? `in the header "${headerName}"` : `in the ${where ?? 'unknown place'}`}. Use in: header, name: x-api-key, or mark the scheme with x-gateway.lambdaAuthorizer.`,
        );
      }
      return { type: 'apiKey', ...base, headerName: 'x-api-key' };
    }
    case 'http': {
      const scheme = stringAt(node, 'scheme')?.toLowerCase();
      if (scheme !== 'bearer') {
        return unsupported(`API Gateway cannot check HTTP "${scheme ?? 'unknown'}" authentication by itself; mark the scheme with x-gateway.lambdaAuthorizer.`);
      }
      return unsupported(bearerNeedsSettings(ctx, node));
    }
    case 'oauth2':
    case 'openIdConnect':
      return unsupported(bearerNeedsSettings(ctx, node));
    case 'mutualTLS':
      return unsupported('Mutual TLS is configured on a custom domain, not per operation; gatewright does not generate it yet. Remove the scheme.');
    default:
      return unsupported(`The security scheme type "${type ?? 'missing'}" is not one API Gateway can enforce.`);
  }
}

function bearerNeedsSettings(ctx: BuildContext, node: Node): string {
  if (ctx.kind === 'rest') {
    return 'On REST APIs bearer tokens are checked by a Cognito authorizer or a Lambda authorizer: add x-gateway: {cognito: {userPoolArns: [...]}} or x-gateway: {lambdaAuthorizer: {handler: ...}}.';
  }
  const issuer = stringAt(node, 'openIdConnectUrl') ? '' : 'issuer: https://..., ';
  return `A JWT authorizer needs its issuer and audience: add x-gateway: {jwt: {${issuer}audience: [client-id]}}.`;
}

/** How a client sends the credential, as the OpenAPI scheme says; `undefined` for a scheme too broken to say. */
function clientCredential(node: Node, x: Record<string, unknown>): ClientCredential | undefined {
  if (x['iam'] === true) return { kind: 'sigv4' };
  const type = stringAt(node, 'type');
  switch (type) {
    case 'apiKey': {
      const where = stringAt(node, 'in');
      const name = stringAt(node, 'name');
      return name !== undefined && (where === 'header' || where === 'query' || where === 'cookie') ? { kind: 'apiKey', in: where, name } : undefined;
    }
    case 'http':
      return { kind: 'http', scheme: (stringAt(node, 'scheme') ?? 'bearer').toLowerCase() };
    case 'oauth2':
    case 'openIdConnect':
    case 'mutualTLS':
      return { kind: type };
    default:
      return undefined;
  }
}

/** The header (or query parameter) an apiKey-style scheme names; Authorization for bearer schemes. */
function defaultIdentity(node: Node): IdentitySource | undefined {
  const type = stringAt(node, 'type');
  const name = stringAt(node, 'name');
  if (type === 'apiKey' && name !== undefined) {
    const where = stringAt(node, 'in');
    if (where === 'header') return { in: 'header', name };
    if (where === 'query') return { in: 'query', name };
  }
  if (type === 'http' || type === 'oauth2' || type === 'openIdConnect') return { in: 'header', name: 'Authorization' };
  return undefined;
}

export function parseIdentitySource(written: string): IdentitySource {
  const dot = written.indexOf('.');
  return { in: written.slice(0, dot) as IdentitySource['in'], name: written.slice(dot + 1) };
}

function oidcIssuer(url: string | undefined): DeployValue | undefined {
  if (!url) return undefined;
  return { literal: url.replace(/\/\.well-known\/openid-configuration\/?$/, '') };
}

/** `arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID` to the pool's issuer URL. */
function cognitoIssuer(arn: DeployValue | undefined): DeployValue | undefined {
  if (!arn || !('literal' in arn)) return undefined;
  const match = /^arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\d{12}:userpool\/([\w-]+)$/.exec(arn.literal);
  return match ? { literal: `https://cognito-idp.${match[1]}.amazonaws.com/${match[2]}` } : undefined;
}

import type { CfnValue } from '../../aws/cfn.js';
import type { DocumentContext } from '../context.js';

/**
 * REST APIs: where API keys are read (`x-amazon-apigateway-api-key-source`), and for each
 * method that requires one (`Route.apiKeyRequired`), an API key scheme in its `security`:
 * the route's own `apiKey` scheme, or, where the key comes from the Lambda authorizer's
 * `usageIdentifierKey`, `api_key` as API Gateway's own exports name it. API Gateway reads
 * every entry of a method's `security` together, as the methods it exports do: the
 * authorizer and `apiKeyRequired` both apply.
 */
export function addApiKeys(ctx: DocumentContext): void {
  if (ctx.api.kind !== 'rest') return;
  ctx.draft.root.set('x-amazon-apigateway-api-key-source', ctx.api.gateway.apiKeySource);
  const keys = new Map(ctx.api.securitySchemes.filter((s) => s.type === 'apiKey').map((s) => [s.name, s]));
  const fromAuthorizer = authorizerKeyScheme(ctx);
  for (const method of ctx.methods) {
    const { route } = method;
    if (!route.apiKeyRequired) continue;
    const own = (route.security.requirements[0] ?? []).map((use) => keys.get(use.scheme)).find((scheme) => scheme !== undefined);
    const scheme = own ?? fromAuthorizer;
    ctx.draft.securitySchemes.set(scheme.name, {
      type: 'apiKey',
      name: scheme.headerName,
      in: 'header',
      ...(scheme.description !== undefined ? { description: scheme.description } : {}),
    });
    const op = ctx.draft.method(method.path, method.key);
    op['security'] = [...((op['security'] ?? []) as CfnValue[]), { [scheme.name]: [] }];
  }
}

/** The scheme that marks methods whose key the authorizer supplies: `api_key`, unless the spec uses that name. */
function authorizerKeyScheme(ctx: DocumentContext): { readonly name: string; readonly headerName: string; readonly description?: string } {
  const taken = new Set([...ctx.api.securitySchemes, ...ctx.api.clientOnlySchemes].map((s) => s.name));
  let name = 'api_key';
  for (let n = 2; taken.has(name); n++) name = `api_key${n}`;
  return { name, headerName: 'x-api-key', description: "The usage plan's API key, which the Lambda authorizer returns as usageIdentifierKey." };
}

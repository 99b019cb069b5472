import type { CfnValue } from '../../aws/cfn.js';
import type { DocumentContext } from '../context.js';

/**
 * REST APIs: where API keys are read (`x-amazon-apigateway-api-key-source`), and for each
 * method that requires one, the API key scheme in its `security`. API Gateway reads every
 * entry of a method's `security` together, as the methods it exports do: the authorizer and
 * `apiKeyRequired` both apply.
 */
export function addApiKeys(ctx: DocumentContext): void {
  if (ctx.api.kind !== 'rest') return;
  ctx.draft.root.set('x-amazon-apigateway-api-key-source', ctx.api.gateway.apiKeySource);
  const keys = new Map(ctx.api.securitySchemes.filter((s) => s.type === 'apiKey').map((s) => [s.name, s]));
  for (const method of ctx.methods) {
    const { route } = method;
    if (route.security.public) continue;
    const uses = (route.security.requirements[0] ?? []).filter((u) => keys.has(u.scheme));
    if (uses.length === 0) continue;
    const op = ctx.draft.method(method.path, method.key);
    const security = [...((op['security'] ?? []) as CfnValue[])];
    for (const use of uses) {
      const scheme = keys.get(use.scheme);
      if (!scheme) continue;
      ctx.draft.securitySchemes.set(scheme.name, {
        type: 'apiKey',
        name: scheme.headerName,
        in: 'header',
        ...(scheme.description !== undefined ? { description: scheme.description } : {}),
      });
      security.push({ [scheme.name]: [] });
    }
    op['security'] = security;
  }
}

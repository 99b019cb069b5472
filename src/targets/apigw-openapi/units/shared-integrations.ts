import type { CfnValue } from '../../aws/cfn.js';
import type { DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';

/**
 * HTTP APIs: every distinct integration once, under `components.x-amazon-apigateway-integrations`,
 * and each route's integration a `$ref` to it. Imported inline, each route would get an
 * integration of its own, and an HTTP API holds at most `perApi.httpIntegrations` (300)
 * integrations, a quota AWS does not raise; shared, a handler serving 1,000 routes is one
 * integration. (REST APIs have no
 * such components: their integrations belong to their methods.)
 *
 * A shared integration is named after what it calls: the handler of a Lambda integration,
 * the first route of an HTTP proxy.
 */
export function shareIntegrations(ctx: DocumentContext): void {
  if (ctx.api.kind !== 'http') return;
  const byContent = new Map<string, string>();
  const taken = new Set<string>();
  for (const method of ctx.methods) {
    const op = ctx.draft.existingMethod(method.path, method.key);
    const integration = op?.['x-amazon-apigateway-integration'] as JsonObject | undefined;
    if (!op || !integration) continue;
    const content = JSON.stringify(integration);
    let name = byContent.get(content);
    if (name === undefined) {
      const { integration: ir } = method.route;
      name = unique(componentName(ir.type === 'lambda' ? ir.handler : method.route.id), taken);
      byContent.set(content, name);
      ctx.draft.integrations.set(name, integration);
    }
    op['x-amazon-apigateway-integration'] = { $ref: `#/components/x-amazon-apigateway-integrations/${name}` } satisfies CfnValue;
  }
}

/** Component keys are letters, digits, `.`, `-` and `_`. */
function componentName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_') || 'integration';
}

function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

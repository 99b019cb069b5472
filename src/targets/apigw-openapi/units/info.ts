import type { DocumentContext } from '../context.js';

/** The document's version and `info`: API Gateway names the imported API after `info.title`. */
export function addInfo(ctx: DocumentContext): void {
  const { api } = ctx;
  ctx.draft.root.set('openapi', '3.0.1');
  ctx.draft.root.set('info', {
    title: api.name,
    version: api.version,
    ...(api.description !== undefined ? { description: api.description } : {}),
  });
}

import type { RequestBody } from '../../ir/types.js';
import { booleanAt, child, expectObject, optional, stringAt, type BuildContext, type Node } from '../context.js';
import { readContent } from './media-type-object.js';

export function readRequestBody(ctx: BuildContext, written: Node): RequestBody | undefined {
  if (written.value === undefined) return undefined;
  const resolved = ctx.deref(written);
  const node = resolved && expectObject(ctx, resolved, '"requestBody"');
  if (!node) return undefined;
  return {
    required: booleanAt(node, 'required') ?? false,
    ...optional('description', stringAt(node, 'description')),
    content: readContent(ctx, child(node, 'content')),
    origin: node.origin,
  };
}

import type { Response } from '../../ir/types.js';
import { child, entries, expectObject, stringAt, type BuildContext, type Node } from '../context.js';
import { readHeaders } from './header-object.js';
import { readContent } from './media-type-object.js';

const statusPattern = /^([1-5](XX|[0-9]{2})|default)$/;

/** A `responses` map, in written order. */
export function readResponses(ctx: BuildContext, node: Node): Response[] {
  const map = expectObject(ctx, node, '"responses"');
  if (!map) return [];
  const out: Response[] = [];
  for (const [status, written] of entries(map)) {
    if (status.startsWith('x-')) continue;
    if (!statusPattern.test(status)) {
      ctx.report('openapi-unexpected-type', `"${status}" is not a response status; use a code from 100 to 599, a range such as 4XX, or default.`, { ...written.origin, key: true });
      continue;
    }
    const resolved = ctx.deref(written);
    const response = resolved && expectObject(ctx, resolved, `The response "${status}"`);
    if (!response) continue;
    const read = (): Pick<Response, 'headers' | 'content'> => ({ headers: readHeaders(ctx, child(response, 'headers')), content: readContent(ctx, child(response, 'content')) });
    const { headers, content } = response !== written ? ctx.shared('response', response.origin, read) : read();
    out.push({
      status,
      description: stringAt(response, 'description') ?? '',
      headers,
      content,
      origin: response.origin,
    });
  }
  return out;
}

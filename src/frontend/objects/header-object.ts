import type { Header } from '../../ir/types.js';
import { booleanAt, child, entries, expectObject, optional, stringAt, type BuildContext, type Node } from '../context.js';
import { readExamples } from './example-object.js';
import { checkHeaderName } from './header-name.js';

/** A `headers` map of a response or an encoding. `Content-Type` is ignored, as OpenAPI says. */
export function readHeaders(ctx: BuildContext, node: Node): Header[] {
  const map = expectObject(ctx, node, '"headers"');
  if (!map) return [];
  const out: Header[] = [];
  for (const [name, written] of entries(map)) {
    checkHeaderName(ctx, name, { ...written.origin, key: true }, 'The header');
    if (name.toLowerCase() === 'content-type') continue;
    const resolved = ctx.deref(written);
    const header = resolved && expectObject(ctx, resolved, `The header "${name}"`);
    if (!header) continue;
    out.push({
      name,
      required: booleanAt(header, 'required') ?? false,
      ...optional('description', stringAt(header, 'description')),
      schema: headerSchema(ctx, header),
      ...optional('examples', readExamples(ctx, header)),
      origin: header.origin,
    });
  }
  return out;
}

function headerSchema(ctx: BuildContext, header: Node) {
  const schema = child(header, 'schema');
  if (schema.value !== undefined) return ctx.schemas.convert(schema);
  const content = child(header, 'content');
  const first = entries(content)[0];
  if (first) {
    const inner = child(first[1], 'schema');
    if (inner.value !== undefined) return ctx.schemas.convert(inner);
  }
  return {};
}

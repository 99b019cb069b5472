import type { Example } from '../../ir/types.js';
import { child, entries, isObject, type BuildContext, type Node } from '../context.js';

/**
 * Reads the `example` or `examples` of a parameter, header or media type. Example Objects
 * reached through `$ref` keep the origin of their value, so a problem with the value is
 * reported where it is written.
 */
export function readExamples(ctx: BuildContext, node: Node): Example[] | undefined {
  if (!isObject(node.value)) return undefined;
  const out: Example[] = [];
  if ('example' in node.value) out.push({ value: node.value['example'], origin: child(node, 'example').origin });
  for (const [name, written] of entries(child(node, 'examples'))) {
    const resolved = ctx.deref(written);
    if (!resolved || !isObject(resolved.value) || !('value' in resolved.value)) continue;
    out.push({ name, value: resolved.value['value'], origin: child(resolved, 'value').origin });
  }
  return out.length > 0 ? out : undefined;
}

import type { Header, MediaTypeContent, ParameterStyle, PropertyEncoding } from '../../ir/types.js';
import { booleanAt, child, entries, expectObject, isObject, optional, stringAt, type BuildContext, type Node } from '../context.js';
import { readExamples } from './example-object.js';
import { readHeaders } from './header-object.js';

const styles = new Set<ParameterStyle>(['matrix', 'label', 'form', 'simple', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

/** A `content` map: media type to Media Type Object, in written order. */
export function readContent(ctx: BuildContext, node: Node): MediaTypeContent[] {
  const map = expectObject(ctx, node, '"content"');
  if (!map) return [];
  const out: MediaTypeContent[] = [];
  for (const [mediaType, entryNode] of entries(map)) {
    const mediaTypeNode = expectObject(ctx, entryNode, `The media type "${mediaType}"`);
    if (!mediaTypeNode) continue;
    const schemaNode = child(mediaTypeNode, 'schema');
    const encoding = readEncoding(ctx, child(mediaTypeNode, 'encoding'));
    out.push({
      mediaType,
      ...optional('schema', schemaNode.value === undefined ? undefined : ctx.schemas.convert(schemaNode)),
      ...optional('encoding', encoding),
      ...optional('examples', readExamples(ctx, mediaTypeNode)),
      origin: mediaTypeNode.origin,
    });
  }
  return out;
}

function readEncoding(ctx: BuildContext, node: Node): Record<string, PropertyEncoding> | undefined {
  const map = expectObject(ctx, node, '"encoding"');
  if (!map) return undefined;
  const out: [string, PropertyEncoding][] = [];
  for (const [property, encodingNode] of entries(map)) {
    if (!isObject(encodingNode.value)) continue;
    const style = stringAt(encodingNode, 'style');
    const headers: Header[] = readHeaders(ctx, child(encodingNode, 'headers'));
    out.push([property, {
      ...optional('contentType', stringAt(encodingNode, 'contentType')),
      ...optional('style', style !== undefined && styles.has(style as ParameterStyle) ? (style as ParameterStyle) : undefined),
      ...optional('explode', booleanAt(encodingNode, 'explode')),
      ...optional('headers', headers.length > 0 ? headers : undefined),
    }]);
  }
  return Object.fromEntries(out);
}

import type { SchemaOrBoolean } from '../../ir/schema.js';
import { schemaTypes } from '../../ir/schema.js';

/**
 * How the glue reads and writes a body of a media type: parsed JSON, form fields, text,
 * or bytes. Multipart bodies are handed over as bytes.
 */
export type MediaKind = 'json' | 'form' | 'text' | 'binary';

/** The media type without parameters, lower-cased. */
export function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * The kind of a media type, with its schema (already resolved through `$ref`) breaking
 * the tie for ranges such as `*\/*`: a structured schema there means JSON.
 */
export function mediaKind(mediaType: string, resolved: SchemaOrBoolean | undefined): MediaKind {
  const type = essence(mediaType);
  if (type === 'application/json' || type.endsWith('+json') || type === 'application/x-ndjson') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('text/') || type === 'application/xml' || type.endsWith('+xml') || type === 'application/javascript') return 'text';
  if ((type === '*/*' || type === 'application/*') && isStructured(resolved)) return 'json';
  return 'binary';
}

function isStructured(schema: SchemaOrBoolean | undefined): boolean {
  if (typeof schema !== 'object') return false;
  if (schema.format === 'binary') return false;
  const types = schemaTypes(schema);
  if (types) return types.some((t) => t !== 'string');
  return schema.properties !== undefined || schema.items !== undefined || schema.allOf !== undefined || schema.oneOf !== undefined || schema.anyOf !== undefined;
}

/** Whether a REST API's `binaryMediaTypes` makes API Gateway pass this media type as bytes. */
export function isBinaryMediaType(binaryMediaTypes: readonly string[], mediaType: string): boolean {
  const type = essence(mediaType);
  return binaryMediaTypes.some((range) => {
    const wanted = essence(range);
    if (wanted === '*/*' || wanted === type) return true;
    return wanted.endsWith('/*') && (type.startsWith(wanted.slice(0, -1)) || type === wanted);
  });
}

// Copied by gatewright from its runtime; rewritten on every build, do not edit.
/**
 * Request bodies in, response bodies out, by media type: JSON is parsed and checked,
 * form fields are collected and coerced, text stays text, and anything else is bytes
 * (base64 on the wire where API Gateway needs it).
 */
import { Buffer } from 'node:buffer';
import { setOwn } from './parameters.js';
import { problemsFrom, type Problem } from './problems.js';
import type { BodyContentSpec, MediaKind, ResponseContentSpec } from './spec.js';

export interface ReadBody {
  readonly contentType: string | undefined;
  readonly body: unknown;
}

/** Thrown for a body of a media type the operation does not take (answered with 415). */
export class UnsupportedMediaType extends Error {
  override readonly name = 'UnsupportedMediaType';
  constructor(
    readonly contentType: string,
    readonly accepted: readonly string[],
  ) {
    super(`The media type ${contentType} is not accepted here; send one of: ${accepted.join(', ')}.`);
  }
}

/** The media type of a `Content-Type` value, lower-cased, without parameters. */
export function essence(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether a media type matches a spec media type or range (`image/*`, `*\/*`). */
export function mediaTypeMatches(range: string, mediaType: string): boolean {
  const wanted = essence(range);
  if (wanted === '*/*' || wanted === mediaType) return true;
  return wanted.endsWith('/*') && mediaType.startsWith(wanted.slice(0, -1));
}

/** Picks the spec content for a request's media type: an exact match first, then the narrowest range. */
export function selectContent<Content extends { readonly mediaType: string }>(contents: readonly Content[], mediaType: string): Content | undefined {
  const exact = contents.find((c) => essence(c.mediaType) === mediaType);
  if (exact) return exact;
  const ranges = contents.filter((c) => mediaTypeMatches(c.mediaType, mediaType));
  return ranges.find((c) => !essence(c.mediaType).startsWith('*')) ?? ranges[0];
}

export function readBody(
  spec: { readonly required: boolean; readonly contents: readonly BodyContentSpec[] } | undefined,
  contentTypeHeader: string | undefined,
  bytes: Buffer | undefined,
  problems: Problem[],
): ReadBody {
  if (!spec) return { contentType: undefined, body: undefined };
  if (bytes === undefined || bytes.length === 0) {
    if (spec.required) problems.push({ in: 'body', message: 'is required' });
    return { contentType: undefined, body: undefined };
  }
  const mediaType = contentTypeHeader !== undefined ? essence(contentTypeHeader) : undefined;
  const content = mediaType !== undefined ? selectContent(spec.contents, mediaType) : spec.contents.length === 1 ? spec.contents[0] : undefined;
  if (!content) throw new UnsupportedMediaType(mediaType ?? 'none', spec.contents.map((c) => c.mediaType));
  const contentType = content.mediaType.includes('*') ? (mediaType ?? content.mediaType) : content.mediaType;
  const decoded = decode(content, bytes, problems);
  if (decoded.failed) return { contentType, body: undefined };
  let body = decoded.value;
  if (content.validate) {
    // Form fields are coerced in place, so they are checked wrapped as `{ value }`.
    const wrapper = { value: body };
    if (!content.validate(content.kind === 'form' ? wrapper : body)) {
      problems.push(...problemsFrom(content.validate.errors, 'body', undefined, content.kind === 'form' ? '/value' : ''));
    }
    if (content.kind === 'form') body = wrapper.value;
  }
  return { contentType, body };
}

function decode(content: BodyContentSpec, bytes: Buffer, problems: Problem[]): { value: unknown; failed: boolean } {
  switch (content.kind) {
    case 'json': {
      const text = bytes.toString('utf8');
      try {
        return { value: JSON.parse(text), failed: false };
      } catch (error) {
        problems.push({ in: 'body', message: `is not valid JSON: ${(error as Error).message}` });
        return { value: undefined, failed: true };
      }
    }
    case 'form': {
      const fields: Record<string, string | string[]> = {};
      const arrays = new Set(content.arrays ?? []);
      for (const [key, value] of new URLSearchParams(bytes.toString('utf8'))) {
        const existing = Object.hasOwn(fields, key) ? fields[key] : undefined;
        if (existing === undefined) setOwn(fields, key, arrays.has(key) ? [value] : value);
        else setOwn(fields, key, Array.isArray(existing) ? [...existing, value] : [existing, value]);
      }
      return { value: fields, failed: false };
    }
    case 'text':
      return { value: bytes.toString('utf8'), failed: false };
    case 'binary':
      return { value: bytes, failed: false };
  }
}

export interface WrittenBody {
  readonly body: string;
  readonly isBase64Encoded: boolean;
  readonly contentType: string | undefined;
}

/** Serialises a response body for its media type; bytes go out base64-encoded. */
export function writeBody(contents: readonly ResponseContentSpec[], contentType: string | undefined, body: unknown): WrittenBody {
  if (body === undefined) return { body: '', isBase64Encoded: false, contentType };
  const content = (contentType !== undefined ? selectContent(contents, essence(contentType)) : contents[0]) ?? contents[0];
  const kind: MediaKind = content?.kind ?? (body instanceof Uint8Array ? 'binary' : typeof body === 'string' ? 'text' : 'json');
  const type = contentType ?? (content && !content.mediaType.includes('*') ? content.mediaType : kind === 'json' ? 'application/json' : kind === 'text' ? 'text/plain' : 'application/octet-stream');
  if (body instanceof Uint8Array) return { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64'), isBase64Encoded: true, contentType: type };
  switch (kind) {
    case 'json':
      return { body: JSON.stringify(body), isBase64Encoded: false, contentType: type };
    case 'form':
      return { body: formEncode(body), isBase64Encoded: false, contentType: type };
    case 'text':
      return { body: String(body), isBase64Encoded: false, contentType: type };
    case 'binary':
      return { body: Buffer.from(String(body), 'utf8').toString('base64'), isBase64Encoded: true, contentType: type };
  }
}

function formEncode(body: unknown): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) params.append(key, typeof item === 'string' ? item : JSON.stringify(item));
  }
  return params.toString();
}

/**
 * Turns parameter values and bodies into what goes on the wire, following OpenAPI's
 * style table (`matrix`, `label`, `simple`, `form`, `spaceDelimited`, `pipeDelimited`,
 * `deepObject`, explode on and off).
 */

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';
export type ParameterStyle = 'matrix' | 'label' | 'form' | 'simple' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

export interface ParameterSpec {
  /** As the spec names it on the wire. */
  readonly name: string;
  /** The property of the parameters object, when it differs from `name`. */
  readonly key?: string;
  readonly in: ParameterLocation;
  /** Absent means the location's default: `simple` for path and header, `form` for query and cookie. */
  readonly style?: ParameterStyle;
  /** Absent means the style's default: on for `form`, off otherwise. */
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  /** Set when the parameter is one media type (`content`) rather than a style, e.g. `application/json`. */
  readonly contentType?: string;
  /** A greedy path parameter (`{proxy+}`): its slashes separate segments. */
  readonly greedy?: boolean;
}

type Scalar = string | number | boolean | bigint | null;

export function styleOf(parameter: ParameterSpec): ParameterStyle {
  return parameter.style ?? (parameter.in === 'path' || parameter.in === 'header' ? 'simple' : 'form');
}

export function explodeOf(parameter: ParameterSpec): boolean {
  return parameter.explode ?? styleOf(parameter) === 'form';
}

/** RFC 3986 unreserved characters stay, everything else is percent-encoded. */
export function encodeStrict(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `allowReserved` keeps RFC 3986 reserved characters as they are, except the four that
 * would change what the query means (`#`, `&`, `=`, `+`).
 */
function encodeAllowingReserved(text: string): string {
  return encodeStrict(text).replace(/%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/g, (escape) => decodeURIComponent(escape));
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as Scalar);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function definedEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

/** A `content` parameter is one serialised value; JSON media types are JSON-encoded. */
function contentValue(parameter: ParameterSpec, value: unknown): unknown {
  if (parameter.contentType === undefined) return value;
  return /[/+]json\b/i.test(parameter.contentType) ? JSON.stringify(value) : scalarText(value);
}

/** The text that replaces `{name}` in the path. */
export function pathSegment(parameter: ParameterSpec, raw: unknown): string {
  const value = contentValue(parameter, raw);
  const encode = parameter.greedy ? (text: string) => text.split('/').map(encodeStrict).join('/') : encodeStrict;
  const style = styleOf(parameter);
  const explode = explodeOf(parameter);
  const name = encodeStrict(parameter.name);
  const prefix = style === 'matrix' ? ';' : style === 'label' ? '.' : '';
  if (Array.isArray(value)) {
    const items = value.map((v) => encode(scalarText(v)));
    if (style === 'matrix') return explode ? items.map((v) => `;${name}=${v}`).join('') : `;${name}=${items.join(',')}`;
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    return items.join(',');
  }
  if (isPlainObject(value)) {
    const entries = definedEntries(value).map(([k, v]) => [encode(k), encode(scalarText(v))] as const);
    if (explode) {
      const separator = style === 'simple' ? ',' : prefix;
      return (style === 'simple' ? '' : prefix) + entries.map(([k, v]) => `${k}=${v}`).join(separator);
    }
    const flat = entries.map(([k, v]) => `${k},${v}`).join(',');
    return style === 'matrix' ? `;${name}=${flat}` : prefix + flat;
  }
  const text = encode(scalarText(value));
  if (style === 'matrix') return text === '' ? `;${name}` : `;${name}=${text}`;
  return prefix + text;
}

/** Query pairs, already percent-encoded, in the order they go on the wire. */
export function queryPairs(parameter: ParameterSpec, raw: unknown): string[] {
  const value = contentValue(parameter, raw);
  const encode = parameter.allowReserved ? encodeAllowingReserved : encodeStrict;
  const style = styleOf(parameter);
  const explode = explodeOf(parameter);
  const name = encodeStrict(parameter.name);
  if (style === 'deepObject') return deepObjectPairs(parameter.name, value, encode);
  if (Array.isArray(value)) {
    const items = value.map((v) => encode(scalarText(v)));
    if (explode) return items.map((v) => `${name}=${v}`);
    const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';
    return [`${name}=${items.join(delimiter)}`];
  }
  if (isPlainObject(value)) {
    const entries = definedEntries(value).map(([k, v]) => [encode(k), encode(scalarText(v))] as const);
    if (explode) return entries.map(([k, v]) => `${k}=${v}`);
    const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';
    return [`${name}=${entries.map(([k, v]) => `${k}${delimiter}${v}`).join(delimiter)}`];
  }
  return [`${name}=${encode(scalarText(value))}`];
}

/** `deepObject`: `name[key]=value`, nested objects as `name[a][b]`, arrays inside as `name[a][0]`. */
function deepObjectPairs(name: string, value: unknown, encode: (text: string) => string): string[] {
  const out: string[] = [];
  const walk = (path: string, current: unknown): void => {
    if (current === undefined) return;
    if (Array.isArray(current)) current.forEach((item, index) => walk(`${path}[${index}]`, item));
    else if (isPlainObject(current)) for (const [k, v] of definedEntries(current)) walk(`${path}[${k}]`, v);
    else out.push(`${encodeStrict(path).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encode(scalarText(current))}`);
  };
  if (isPlainObject(value) || Array.isArray(value)) walk(name, value);
  else out.push(`${encodeStrict(name)}=${encode(scalarText(value))}`);
  return out;
}

/** A header's value (always `simple` style). */
export function headerValue(parameter: ParameterSpec, raw: unknown): string {
  const value = contentValue(parameter, raw);
  if (Array.isArray(value)) return value.map(scalarText).join(',');
  if (isPlainObject(value)) return definedEntries(value).map(([k, v]) => (explodeOf(parameter) ? `${k}=${scalarText(v)}` : `${k},${scalarText(v)}`)).join(',');
  return scalarText(value);
}

/** `name=value` pairs of a cookie parameter (`form` style). */
export function cookiePairs(parameter: ParameterSpec, raw: unknown): string[] {
  const value = contentValue(parameter, raw);
  const explode = explodeOf(parameter);
  const name = encodeStrict(parameter.name);
  if (Array.isArray(value)) {
    const items = value.map((v) => encodeStrict(scalarText(v)));
    return explode ? items.map((v) => `${name}=${v}`) : [`${name}=${items.join(',')}`];
  }
  if (isPlainObject(value)) {
    const entries = definedEntries(value).map(([k, v]) => [encodeStrict(k), encodeStrict(scalarText(v))] as const);
    return explode ? entries.map(([k, v]) => `${k}=${v}`) : [`${name}=${entries.map(([k, v]) => `${k},${v}`).join(',')}`];
  }
  return [`${name}=${encodeStrict(scalarText(value))}`];
}

// ---------------------------------------------------------------------------------------
// Bodies

export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface PropertyEncodingSpec {
  readonly contentType?: string;
  readonly style?: ParameterStyle;
  readonly explode?: boolean;
}

export interface BodyMediaSpec {
  readonly type: string;
  readonly kind: BodyKind;
  readonly encoding?: Readonly<Record<string, PropertyEncodingSpec>>;
}

/** What the request carries: a replayable body (retries send it again) and its content type. */
export interface EncodedBody {
  readonly body: string | Blob | ArrayBuffer | Uint8Array | FormData;
  /** Absent for multipart, where `fetch` writes the boundary. */
  readonly contentType?: string;
}

export type BinaryBody = Blob | ArrayBuffer | Uint8Array | string;

export function encodeBody(media: BodyMediaSpec, value: unknown): EncodedBody {
  switch (media.kind) {
    case 'json':
      return { body: JSON.stringify(value), contentType: media.type };
    case 'form':
      return { body: formUrlEncoded(media, value), contentType: media.type };
    case 'multipart':
      return { body: multipart(media, value) };
    case 'text':
      return { body: scalarText(value), contentType: media.type };
    case 'binary': {
      const body = value as BinaryBody;
      const blobType = body instanceof Blob && body.type !== '' ? body.type : undefined;
      return { body, contentType: wildcard(media.type) ? (blobType ?? 'application/octet-stream') : media.type };
    }
  }
}

function wildcard(mediaType: string): boolean {
  return mediaType.includes('*');
}

function formUrlEncoded(media: BodyMediaSpec, value: unknown): string {
  if (!isPlainObject(value)) return encodeStrict(scalarText(value));
  const pairs: string[] = [];
  for (const [property, propertyValue] of definedEntries(value)) {
    const encoding = media.encoding?.[property];
    const parameter: ParameterSpec = {
      name: property,
      in: 'query',
      ...(encoding?.style !== undefined ? { style: encoding.style } : {}),
      ...(encoding?.explode !== undefined ? { explode: encoding.explode } : {}),
      ...(encoding?.contentType !== undefined ? { contentType: encoding.contentType } : {}),
    };
    pairs.push(...queryPairs(parameter, propertyValue));
  }
  return pairs.join('&');
}

function multipart(media: BodyMediaSpec, value: unknown): FormData {
  const form = new FormData();
  if (!isPlainObject(value)) return form;
  for (const [property, propertyValue] of definedEntries(value)) {
    const contentType = media.encoding?.[property]?.contentType;
    const items = Array.isArray(propertyValue) && !contentType?.includes('json') ? propertyValue : [propertyValue];
    for (const item of items) appendPart(form, property, item, contentType);
  }
  return form;
}

function appendPart(form: FormData, name: string, value: unknown, contentType: string | undefined): void {
  if (value instanceof Blob) {
    const typed = contentType !== undefined && value.type === '' ? new Blob([value], { type: contentType }) : value;
    form.append(name, typed, typeof File !== 'undefined' && value instanceof File ? value.name : name);
  } else if (value instanceof ArrayBuffer || value instanceof Uint8Array) {
    form.append(name, new Blob([value as BlobPart], { type: contentType ?? 'application/octet-stream' }), name);
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    form.append(name, new Blob([JSON.stringify(value)], { type: contentType ?? 'application/json' }));
  } else if (contentType !== undefined && !contentType.startsWith('text/plain')) {
    form.append(name, new Blob([scalarText(value)], { type: contentType }));
  } else {
    form.append(name, scalarText(value));
  }
}

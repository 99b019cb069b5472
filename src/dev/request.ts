import type { IncomingMessage } from 'node:http';

/**
 * One request as the gateway received it: raw headers in their order and case (the
 * REST payload keeps the case; the HTTP API payload lowercases), the raw query string
 * and the body bytes.
 */
export class GatewayRequest {
  readonly lowerHeaders: ReadonlyMap<string, readonly string[]>;

  constructor(
    readonly method: string,
    /** The URL path as sent, still percent-encoded, without the query string. */
    readonly rawPath: string,
    readonly rawQuery: string,
    /** `[name, value]` pairs as sent. */
    readonly rawHeaders: readonly (readonly [string, string])[],
    readonly body: Buffer,
    readonly sourceIp: string,
  ) {
    const lower = new Map<string, string[]>();
    for (const [name, value] of rawHeaders) {
      const key = name.toLowerCase();
      const list = lower.get(key);
      if (list) list.push(value);
      else lower.set(key, [value]);
    }
    this.lowerHeaders = lower;
  }

  static read(message: IncomingMessage, maxBodyBytes: number): Promise<GatewayRequest | 'too-large'> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      message.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBodyBytes) chunks.push(chunk);
      });
      message.on('error', reject);
      message.on('end', () => resolve(size > maxBodyBytes ? 'too-large' : GatewayRequest.fromHead(message, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))));
    });
  }

  /** The request from its head alone: a WebSocket handshake has no body to wait for. */
  static fromHead(message: IncomingMessage, body: Buffer = Buffer.alloc(0)): GatewayRequest {
    const url = message.url ?? '/';
    const q = url.indexOf('?');
    const pairs: [string, string][] = [];
    for (let i = 0; i < message.rawHeaders.length; i += 2) pairs.push([message.rawHeaders[i] as string, message.rawHeaders[i + 1] as string]);
    return new GatewayRequest(
      message.method ?? 'GET',
      q === -1 ? url : url.slice(0, q),
      q === -1 ? '' : url.slice(q + 1),
      pairs,
      body,
      normalizeIp(message.socket.remoteAddress ?? '127.0.0.1'),
    );
  }

  /** A header's value; repeated headers joined with commas, as HTTP allows. */
  header(name: string): string | undefined {
    const values = this.lowerHeaders.get(name.toLowerCase());
    return values === undefined ? undefined : values.join(',');
  }

  /** The query string's parameters, decoded, each with all its values in order. */
  get query(): ReadonlyMap<string, readonly string[]> {
    this.#query ??= parseQuery(this.rawQuery);
    return this.#query;
  }

  queryValue(name: string): string | undefined {
    const values = this.query.get(name);
    return values === undefined ? undefined : values[values.length - 1];
  }

  get userAgent(): string {
    return this.header('user-agent') ?? '';
  }

  get contentType(): string | undefined {
    return this.header('content-type');
  }

  #query: Map<string, string[]> | undefined;
}

export function parseQuery(raw: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (raw === '') return out;
  for (const [name, value] of new URLSearchParams(raw)) {
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

/** `::ffff:127.0.0.1` is how Node reports IPv4 peers on a dual-stack socket. */
function normalizeIp(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Percent-decoding that leaves a malformed sequence as written instead of throwing. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The bare media type of a Content-Type or Accept value: `application/json; charset=utf-8` → `application/json`. */
export function mediaTypeOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const bare = value.split(';')[0]?.trim().toLowerCase();
  return bare === '' ? undefined : bare;
}

/** What a Lambda proxy integration's answer turns into, once the gateway has read it. */
export interface IntegrationResponse {
  readonly status: number;
  /** Header name to values, in the handler's case. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly body: Buffer;
  /** The handler sent the body base64-encoded. */
  readonly base64: boolean;
}

export type ParsedResult = { readonly response: IntegrationResponse; readonly bodyText: string } | { readonly malformed: string };

const restKeys = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/**
 * Reads a REST proxy result (payload 1.0). API Gateway refuses anything but these five
 * keys, a non-integer status and a body that is not a string ("Malformed Lambda proxy response").
 */
export function parseRestResult(result: unknown): ParsedResult {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return { malformed: 'the result is not an object' };
  const r = result as Record<string, unknown>;
  const extra = Object.keys(r).filter((k) => !restKeys.has(k));
  if (extra.length > 0) return { malformed: `unexpected field(s) ${extra.join(', ')}` };
  return parseProxyFields(r, 200);
}

/**
 * Reads an HTTP API result (payload 2.0): an object with `statusCode` is a response; anything
 * else is a 200 JSON body. Cookies become `set-cookie` headers.
 */
export function parseHttpResult(result: unknown): ParsedResult {
  if (result !== null && typeof result === 'object' && !Array.isArray(result) && 'statusCode' in result) {
    const r = result as Record<string, unknown>;
    const parsed = parseProxyFields(r, 200);
    if ('malformed' in parsed) return parsed;
    if (r['cookies'] !== undefined) {
      if (!Array.isArray(r['cookies'])) return { malformed: 'cookies is not a list' };
      const headers = new Map(parsed.response.headers);
      headers.set('set-cookie', [...(headers.get('set-cookie') ?? []), ...r['cookies'].map(String)]);
      return { ...parsed, response: { ...parsed.response, headers } };
    }
    return parsed;
  }
  const text = typeof result === 'string' ? result : result === undefined ? '' : JSON.stringify(result);
  return {
    response: { status: 200, headers: new Map([['content-type', ['application/json']]]), body: Buffer.from(text), base64: false },
    bodyText: text,
  };
}

function parseProxyFields(r: Record<string, unknown>, fallbackStatus: number): ParsedResult {
  const rawStatus = r['statusCode'] ?? fallbackStatus;
  const status = typeof rawStatus === 'string' && /^\d+$/.test(rawStatus) ? Number(rawStatus) : rawStatus;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return { malformed: `statusCode ${JSON.stringify(rawStatus)} is not a status code` };
  const headers = new Map<string, string[]>();
  if (r['headers'] !== undefined && r['headers'] !== null) {
    if (typeof r['headers'] !== 'object') return { malformed: 'headers is not an object' };
    for (const [name, value] of Object.entries(r['headers'] as Record<string, unknown>)) {
      if (value !== null && typeof value === 'object') return { malformed: `the header ${name} is not a string` };
      headers.set(name, [String(value)]);
    }
  }
  if (r['multiValueHeaders'] !== undefined && r['multiValueHeaders'] !== null) {
    if (typeof r['multiValueHeaders'] !== 'object') return { malformed: 'multiValueHeaders is not an object' };
    for (const [name, values] of Object.entries(r['multiValueHeaders'] as Record<string, unknown>)) {
      if (!Array.isArray(values)) return { malformed: `multiValueHeaders.${name} is not a list` };
      // A header in both maps is sent with the multi-value list's values.
      const existing = [...headers.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
      if (existing !== undefined) headers.delete(existing);
      headers.set(name, values.map(String));
    }
  }
  const body = r['body'];
  if (body !== undefined && body !== null && typeof body !== 'string') return { malformed: 'body is not a string' };
  const base64 = r['isBase64Encoded'] === true;
  const text = body ?? '';
  return { response: { status, headers, body: base64 ? Buffer.from(text, 'base64') : Buffer.from(text), base64 }, bodyText: text };
}

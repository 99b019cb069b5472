import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';

/** The account every local ARN and identity names: AWS's documentation account. */
export const devAccountId = '123456789012';
export const devRegion = 'us-east-1';

/** A stable, API-Gateway-shaped id (10 lowercase letters and digits) for the API's name. */
export function localApiId(apiName: string): string {
  return base36(createHash('sha256').update(`gatewright-api:${apiName}`).digest()).slice(0, 10);
}

/** REST and WebSocket request ids are UUIDs. */
export function newRequestId(): string {
  return randomUUID();
}

// Random bytes drawn in bulk: one system call per few hundred ids, not one per request.
let pool = Buffer.alloc(0);
let offset = 0;
function random(length: number): Buffer {
  if (offset + length > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += length;
  return pool.subarray(offset - length, offset);
}

/** HTTP API request ids and extended ids: 16 base64 characters ending in `=`, as the gateway writes them. */
export function newExtendedRequestId(): string {
  return random(10).toString('base64').slice(0, 15) + '=';
}

/** WebSocket connection ids look like `L0SM9cOFvHcCIhw=`. */
export function newConnectionId(): string {
  return random(10).toString('base64').replace(/[+/]/g, 'A').slice(0, 15) + '=';
}

/**
 * A local value derived from a name, the same on every machine and every run, so tests
 * and users can write it down (API key values, dev access keys).
 */
export function derivedSecret(purpose: string, name: string, length: number): string {
  return base36(createHmac('sha256', `gatewright-dev:${purpose}`).update(name).digest()).slice(0, length);
}

function base36(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) out += (byte % 36).toString(36);
  return out;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `09/Apr/2015:12:34:56 +0000`: the time format of `requestTime` and access logs. */
export function clfTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

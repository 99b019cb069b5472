import { createHash } from 'node:crypto';
import type { IamCaller } from '../caller.js';
import { GatewayError } from '../gateway-responses.js';
import type { GatewayRequest } from '../request.js';
import type { DevIamCredentials } from './dev-credentials.js';

/** The gateway accepts signatures up to five minutes from its clock. */
const allowedSkewMs = 5 * 60 * 1000;

/**
 * Verifies a Signature Version 4 `Authorization` header against the local dev credentials
 * by signing the same canonical request (method, path, query, signed headers, payload
 * hash) and comparing signatures.
 */
export async function verifySigV4(request: GatewayRequest, credentials: DevIamCredentials, now: number): Promise<IamCaller> {
  const authorization = request.header('authorization');
  if (authorization === undefined) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN', undefined, {}, 'no Authorization header on an IAM-authorized route');
  const parsed = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-f]+)\s*$/.exec(authorization);
  const amzDate = request.header('x-amz-date');
  if (!parsed || amzDate === undefined) {
    const missing = [
      !/Credential=/.test(authorization) && "Authorization header requires 'Credential' parameter.",
      !/Signature=/.test(authorization) && "Authorization header requires 'Signature' parameter.",
      !/SignedHeaders=/.test(authorization) && "Authorization header requires 'SignedHeaders' parameter.",
      amzDate === undefined && "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    ].filter(Boolean);
    throw new GatewayError('MISSING_AUTHENTICATION_TOKEN', `${missing.join(' ')} Authorization=${authorization}`, {}, 'incomplete SigV4 signature');
  }
  const [, credential, signedHeaderList, signature] = parsed as unknown as [string, string, string, string];
  const [accessKeyId, shortDate, region, service] = credential.split('/');
  if (accessKeyId !== credentials.accessKeyId) {
    throw new GatewayError('INVALID_SIGNATURE', 'The security token included in the request is invalid.', {}, `unknown access key ${accessKeyId ?? ''}`);
  }
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate || !region || !service || shortDate !== amzDate.slice(0, 8)) {
    throw new GatewayError('INVALID_SIGNATURE', undefined, {}, 'the credential scope does not match X-Amz-Date');
  }
  if (Math.abs(now - signingDate.getTime()) > allowedSkewMs) {
    throw new GatewayError('INVALID_SIGNATURE', `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(new Date(now - allowedSkewMs))} (${formatAmzDate(new Date(now))} - 5 min.)`, {}, 'signature expired');
  }
  const signedHeaders = signedHeaderList.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.header(name);
    if (value === undefined) throw new GatewayError('INVALID_SIGNATURE', undefined, {}, `the signed header ${name} is missing`);
    headers[name] = value;
  }
  // The payload hash a client states must be the body's: the gateway hashes what arrived.
  const statedHash = request.header('x-amz-content-sha256');
  if (statedHash !== undefined && statedHash !== 'UNSIGNED-PAYLOAD' && statedHash !== createHash('sha256').update(request.body).digest('hex')) {
    throw new GatewayError('INVALID_SIGNATURE', undefined, {}, 'the body does not match x-amz-content-sha256');
  }
  const query: Record<string, string | string[]> = {};
  for (const [name, values] of request.query) query[name] = values.length === 1 ? (values[0] as string) : [...values];
  // Loaded on the first signed request: most APIs never see one, and the signer takes a tenth of dev's startup to load.
  const [{ SignatureV4 }, { Sha256 }] = await Promise.all([import('@smithy/signature-v4'), import('@aws-crypto/sha256-js')]);
  const signer = new SignatureV4({ credentials, region, service, sha256: Sha256, applyChecksum: false, uriEscapePath: true });
  const signed = await signer.sign(
    { method: request.method, protocol: 'http:', hostname: request.header('host') ?? 'localhost', path: request.rawPath, query, headers, body: request.body.length > 0 ? request.body : undefined },
    { signingDate, signingRegion: region, signingService: service, signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization'] ?? ''))?.[1];
  if (expected !== signature) throw new GatewayError('INVALID_SIGNATURE', undefined, {}, 'signature mismatch');
  return { accessKey: credentials.accessKeyId, accountId: credentials.accountId, userId: credentials.userId, userArn: credentials.userArn };
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * SigV4 for IAM-authorised operations. aws4fetch's `AwsV4Signer` does the signing (it is
 * small, has no dependencies and uses WebCrypto, so it runs in browsers and Node alike);
 * its retrying `AwsClient` is not used: the SDK retries itself and signs every attempt
 * anew, so a retried request never carries a stale date.
 */
import { AwsV4Signer } from 'aws4fetch';
import type { AwsCredentials, IamAuth, RequestToSign } from './auth.js';
import { ConfigurationError } from './errors.js';

/** Returns the headers to send: the given ones plus `Authorization`, `X-Amz-Date` and, with temporary credentials, `X-Amz-Security-Token`. */
export async function signRequest(request: RequestToSign, iam: IamAuth, now: Date): Promise<Headers> {
  const credentials: AwsCredentials = typeof iam.credentials === 'function' ? await iam.credentials() : iam.credentials;
  const region = iam.region ?? regionOf(request.url);
  if (region === undefined) {
    throw new ConfigurationError(`Signing a request to ${new URL(request.url).host} needs a region: set auth.<scheme>.region (only execute-api hosts name their region).`);
  }
  const signer = new AwsV4Signer({
    method: request.method,
    url: request.url,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body as BodyInit } : {}),
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken !== undefined ? { sessionToken: credentials.sessionToken } : {}),
    service: iam.service ?? 'execute-api',
    region,
    datetime: now.toISOString().replace(/[:-]|\.\d{3}/g, ''),
    // Content-Type is signed too, so a proxy cannot change how the body is read.
    allHeaders: true,
  });
  const signed = await signer.sign();
  return signed.headers;
}

/** `abc123.execute-api.eu-west-1.amazonaws.com` names its region. */
export function regionOf(url: string): string | undefined {
  return /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(new URL(url).hostname)?.[1];
}

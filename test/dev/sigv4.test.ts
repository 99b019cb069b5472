import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, test } from 'vitest';
import { echoHandler, entry, json, startDev, type StartedDev } from '../helpers/dev.js';

const spec = `openapi: 3.0.3
info: {title: Internal, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
security:
  - internalIam: []
paths:
  /events/{id}:
    post: {operationId: postEvent, parameters: [{name: id, in: path, required: true, schema: {type: string}}], x-gateway: {lambda: {handler: echo}, validation: none}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    internalIam: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}
`;

/** Signs a request the way the AWS SDKs do. */
async function signedFetch(dev: StartedDev, path: string, credentials: { accessKeyId: string; secretAccessKey: string }, body = '{"type":"paid"}'): Promise<Response> {
  const url = new URL(dev.url + path);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'execute-api', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  return fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body });
}

describe('IAM (SigV4) authorization', () => {
  test('a request signed with the dev credentials passes, and the IAM identity reaches the handler', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...entry('echo', echoHandler) });
    const response = await signedFetch(dev, '/events/e%201?x=1&y=two', dev.server.app.iam);
    expect(response.status).toBe(200);
    const { event } = (await json(response)) as { event: { requestContext: { identity: Record<string, unknown> } } };
    expect(event.requestContext.identity).toMatchObject({ accessKey: dev.server.app.iam.accessKeyId, accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/gatewright-dev' });
  });

  test.each([
    ['no signature at all', { given: 'unsigned', want: 'Missing Authentication Token' }],
    ['a wrong secret', { given: 'wrong-secret', want: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.' }],
    ['an unknown access key', { given: 'unknown-key', want: 'The security token included in the request is invalid.' }],
    ['a body changed after signing', { given: 'tampered', want: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.' }],
  ])('%s is 403', async (_name, { given, want }) => {
    const dev = await startDev({ 'api.yaml': spec, ...entry('echo', echoHandler) });
    const iam = dev.server.app.iam;
    let response: Response;
    if (given === 'unsigned') response = await fetch(`${dev.url}/events/e1`, { method: 'POST', body: '{}' });
    else if (given === 'wrong-secret') response = await signedFetch(dev, '/events/e1', { accessKeyId: iam.accessKeyId, secretAccessKey: 'nope' });
    else if (given === 'unknown-key') response = await signedFetch(dev, '/events/e1', { accessKeyId: 'AKIAOTHER', secretAccessKey: iam.secretAccessKey });
    else {
      const url = new URL(`${dev.url}/events/e1`);
      const signer = new SignatureV4({ credentials: iam, region: 'us-east-1', service: 'execute-api', sha256: Sha256 });
      const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host }, body: '{"a":1}' });
      response = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body: '{"a":2}' });
    }
    expect(response.status).toBe(403);
    expect(await json(response)).toEqual({ message: want });
  });
});

import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { entry, startDev } from '../helpers/dev.js';
import { buildSdkPackage, generateSdkPackage, importSdk } from '../helpers/sdk.js';
import { writeFiles } from '../helpers/temp.js';

// The generated SDK against the local gateway: the SDK's auth (API key, Cognito bearer,
// SigV4) must be what the gateway accepts, and the gateway's refusals what the SDK reads.

const spec = `openapi: 3.0.3
info: {title: Depot, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
  usagePlans: {partners: {apiKeys: [acme]}}
paths:
  /stock/{sku}:
    get:
      operationId: getStock
      security: [{partnerKey: []}]
      parameters: [{name: sku, in: path, required: true, schema: {type: string}}]
      x-gateway: {lambda: {handler: depot}}
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Answer'}}}}}
  /restock:
    post:
      operationId: restock
      security: [{internal: []}]
      requestBody: {required: true, content: {application/json: {schema: {type: object, required: [sku], properties: {sku: {type: string}}}}}}
      x-gateway: {lambda: {handler: depot}}
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Answer'}}}}}
  /me:
    get:
      operationId: me
      security: [{staff: [depot/read]}]
      x-gateway: {lambda: {handler: depot}}
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Answer'}}}}}
components:
  schemas:
    Answer:
      type: object
      required: [route]
      properties: {route: {type: string}, who: {type: string}}
  securitySchemes:
    partnerKey: {type: apiKey, in: header, name: x-api-key}
    internal: {type: apiKey, in: header, name: Authorization, x-gateway: {iam: true}}
    staff:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: https://auth.example.com/token, scopes: {depot/read: read}}}
      x-gateway: {cognito: {userPoolArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Depot']}}
`;

const depot = entry(
  'depot',
  `export const handler = async (event: any) => {
  const ctx = event.requestContext;
  const who = ctx.identity.apiKeyId ?? ctx.identity.userArn ?? ctx.authorizer?.claims?.sub ?? 'nobody';
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route: event.resource, who }) };
};`,
);

interface Answer {
  readonly status: number;
  readonly data: { route: string; who: string };
}
interface DepotClient {
  getStock(params: { sku: string }): Promise<Answer>;
  restock(params: { body: { sku: string } }): Promise<Answer>;
  me(): Promise<Answer>;
}
interface Sdk {
  DepotClient: new (options: Record<string, unknown>) => DepotClient;
}

let sdk: Sdk;
beforeAll(async () => {
  const dir = generateSdkPackage(path.join(writeFiles({ 'api.yaml': spec }), 'api.yaml'));
  buildSdkPackage(dir);
  sdk = await importSdk<Sdk>(dir);
}, 120_000);

describe('the generated SDK against gatewright dev', () => {
  test('API key, SigV4 and Cognito calls are accepted and the caller reaches the handler', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...depot });
    const token = (await runCli(['dev', `${dev.dir}/api.yaml`, '--mint-token', 'staff', '--scopes', 'depot/read', '--subject', 'clerk-1'], dev.dir)).stdout.trim();
    const { accessKeyId, secretAccessKey, userArn } = dev.server.app.iam;
    const client = new sdk.DepotClient({
      baseUrl: dev.url,
      auth: { partnerKey: dev.apiKey('acme'), internal: { credentials: { accessKeyId, secretAccessKey }, region: 'us-east-1' }, staff: () => token },
    });
    expect((await client.getStock({ sku: 'a b' })).data).toEqual({ route: '/stock/{sku}', who: dev.server.app.apiKeys[0]?.id });
    expect((await client.restock({ body: { sku: 'x' } })).data).toEqual({ route: '/restock', who: userArn });
    expect((await client.me()).data).toEqual({ route: '/me', who: 'clerk-1' });
  });

  test('the gateway’s refusals reach the SDK as API errors with the gateway’s status and message', async () => {
    const dev = await startDev({ 'api.yaml': spec, ...depot });
    const client = new sdk.DepotClient({ baseUrl: dev.url, auth: { partnerKey: 'not-a-key', internal: { credentials: { accessKeyId: 'AKIAWRONG', secretAccessKey: 'x' }, region: 'us-east-1' }, staff: () => 'not-a-jwt' }, retry: false });
    const refusal = async (call: Promise<unknown>): Promise<{ status: number; message: unknown }> => {
      const error = (await call.then(() => undefined, (e: unknown) => e)) as { status: number; gatewayMessage?: string; body?: { message?: string } };
      return { status: error.status, message: error.gatewayMessage ?? error.body?.message };
    };
    expect(await refusal(client.getStock({ sku: 'a' }))).toEqual({ status: 403, message: 'Forbidden' });
    expect(await refusal(client.restock({ body: { sku: 'x' } }))).toEqual({ status: 403, message: 'The security token included in the request is invalid.' });
    expect(await refusal(client.me())).toEqual({ status: 401, message: 'Unauthorized' });
  });
});

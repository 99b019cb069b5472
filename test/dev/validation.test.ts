import { describe, expect, test } from 'vitest';
import { entry, json, sharedDev, startDev } from '../helpers/dev.js';

const spec = (validation: string): string => `openapi: 3.0.3
info: {title: Orders, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}}
  defaults: {validation: ${validation}}
security: []
paths:
  /orders:
    post:
      operationId: placeOrder
      parameters:
        - {name: Idempotency-Key, in: header, required: true, schema: {type: string, format: uuid}}
        - {name: channel, in: query, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/NewOrder'}
          text/csv:
            schema: {type: string}
      x-gateway: {lambda: {handler: ok}}
      responses: {'201': {description: ok}}
components:
  schemas:
    NewOrder:
      type: object
      required: [lines]
      properties:
        lines: {type: array, minItems: 1, items: {$ref: '#/components/schemas/Line'}}
    Line:
      type: object
      required: [sku, qty]
      properties:
        sku: {type: string}
        qty: {type: integer, minimum: 1}
`;

const ok = entry('ok', `export const handler = async () => ({ statusCode: 201, body: '{"placed":true}' });`);
const goodHeaders = { 'content-type': 'application/json', 'idempotency-key': 'not-a-uuid-but-present' };
const goodBody = JSON.stringify({ lines: [{ sku: 'a', qty: 2 }] });

describe('request validators', () => {
  const shared = sharedDev({ 'api.yaml': spec('all'), ...ok });
  test.each([
    ['a valid request passes (parameter formats are not checked)', { given: { query: '?channel=web', headers: goodHeaders, body: goodBody }, want: { status: 201, body: { placed: true } } }],
    ['missing required parameters are named', { given: { query: '', headers: { 'content-type': 'application/json' }, body: goodBody }, want: { status: 400, body: { message: 'Missing required request parameters: [channel, Idempotency-Key]' } } }],
    ['a blank parameter counts as missing', { given: { query: '?channel=', headers: goodHeaders, body: goodBody }, want: { status: 400, body: { message: 'Missing required request parameters: [channel]' } } }],
    ['a body off its schema', { given: { query: '?channel=web', headers: goodHeaders, body: '{"lines":[{"sku":"a","qty":0}]}' }, want: { status: 400, body: { message: 'Invalid request body' } } }],
    ['a body that is not JSON', { given: { query: '?channel=web', headers: goodHeaders, body: '{"lines":' }, want: { status: 400, body: { message: 'Invalid request body' } } }],
    ['no Content-Type is taken as JSON', { given: { query: '?channel=web', headers: { 'idempotency-key': 'k' }, body: '{}' }, want: { status: 400, body: { message: 'Invalid request body' } } }],
    ['a content type with no JSON model is not validated', { given: { query: '?channel=web', headers: { ...goodHeaders, 'content-type': 'text/csv' }, body: 'a,b' }, want: { status: 201, body: { placed: true } } }],
  ])('%s', async (_name, { given, want }) => {
    const dev = shared();
    // Bytes, not a string: fetch would add a text/plain Content-Type of its own.
    const response = await fetch(`${dev.url}/orders${given.query}`, { method: 'POST', headers: given.headers, body: Buffer.from(given.body) });
    expect({ status: response.status, body: await json(response) }).toEqual(want);
  });

  test('a body-only validator lets missing parameters through', async () => {
    const dev = await startDev({ 'api.yaml': spec('body'), ...ok });
    const response = await fetch(`${dev.url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: goodBody });
    expect(response.status).toBe(201);
  });
});

import type { MockIntegration } from '../../ir/types.js';
import type { IntegrationResponse } from '../lambda-results.js';

/** A mock integration answers with the status, headers and JSON body the spec gives. */
export function mockResponse(integration: MockIntegration): IntegrationResponse {
  const headers = new Map<string, string[]>(Object.entries(integration.headers).map(([k, v]) => [k, [v.replace(/^'(.*)'$/s, '$1')]]));
  if (![...headers.keys()].some((k) => k.toLowerCase() === 'content-type')) headers.set('content-type', ['application/json']);
  const body = integration.body === undefined ? '' : typeof integration.body === 'string' ? integration.body : JSON.stringify(integration.body);
  return { status: integration.statusCode, headers, body: Buffer.from(body), base64: false };
}

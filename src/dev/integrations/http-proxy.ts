import http from 'node:http';
import https from 'node:https';
import type { HttpIntegration, Stage } from '../../ir/types.js';
import { GatewayError } from '../gateway-responses.js';
import type { IntegrationResponse } from '../lambda-results.js';
import type { GatewayRequest } from '../request.js';

const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'content-length']);

/**
 * An HTTP integration: `http_proxy` passes the request through (path parameters and
 * stage variables filled into the URI, query string and headers forwarded); otherwise
 * only the mapped request parameters go along.
 */
export function callHttpIntegration(
  integration: HttpIntegration,
  request: GatewayRequest,
  pathParameters: Readonly<Record<string, string>>,
  stage: Stage,
): Promise<IntegrationResponse> {
  const mapped = mappedParameters(integration, request, pathParameters);
  const pathValues = integration.proxy ? pathParameters : { ...pathParameters, ...mapped.path };
  let uri = integration.uri
    .replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_m, name: string) => stage.variables[name] ?? '')
    // A greedy value keeps its slashes; each segment is encoded on its own.
    .replace(/\{([^}]+?)\+?\}/g, (_m, name: string) => (pathValues[name] ?? '').split('/').map(encodeURIComponent).join('/'));
  const url = new URL(uri);
  if (integration.proxy) {
    if (request.rawQuery !== '') url.search = url.search ? `${url.search}&${request.rawQuery}` : `?${request.rawQuery}`;
  } else {
    for (const [name, value] of Object.entries(mapped.query)) url.searchParams.set(name, value);
  }
  uri = url.toString();
  const headers: Record<string, string> = {};
  if (integration.proxy) {
    for (const [name, values] of request.lowerHeaders) if (!hopByHop.has(name)) headers[name] = values.join(',');
  } else {
    Object.assign(headers, mapped.header);
    const contentType = request.contentType;
    if (contentType !== undefined) headers['content-type'] = contentType;
  }
  const method = integration.method === 'ANY' ? request.method : integration.method;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // The gateway's timeout covers the whole answer, not only silence on the socket: a backend that trickles its body still times out.
    const deadline = setTimeout(() => {
      outgoing.destroy();
      reject(new GatewayError('INTEGRATION_TIMEOUT', undefined, {}, `${uri} did not answer within ${integration.timeoutMs} ms`));
    }, integration.timeoutMs);
    const fail = (error: GatewayError): void => {
      clearTimeout(deadline);
      reject(error);
    };
    const outgoing = client.request(uri, { method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (c: Buffer) => chunks.push(c));
      incoming.on('error', (error) => fail(new GatewayError('INTEGRATION_FAILURE', undefined, {}, `the HTTP integration failed: ${error.message}`)));
      incoming.on('end', () => {
        clearTimeout(deadline);
        const out = new Map<string, string[]>();
        for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
          const name = incoming.rawHeaders[i] as string;
          if (hopByHop.has(name.toLowerCase())) continue;
          out.set(name, [...(out.get(name) ?? []), incoming.rawHeaders[i + 1] as string]);
        }
        resolve({ status: incoming.statusCode ?? 502, headers: out, body: Buffer.concat(chunks), base64: false });
      });
    });
    outgoing.on('error', (error) => fail(new GatewayError('INTEGRATION_FAILURE', undefined, {}, `the HTTP integration ${uri} failed: ${error.message}`)));
    if (request.body.length > 0 && method !== 'GET' && method !== 'HEAD') outgoing.write(request.body);
    outgoing.end();
  });
}

/** Resolves `integration.request.{path,querystring,header}.X` mappings from method request values and literals. */
function mappedParameters(integration: HttpIntegration, request: GatewayRequest, pathParameters: Readonly<Record<string, string>>) {
  const out = { path: {} as Record<string, string>, query: {} as Record<string, string>, header: {} as Record<string, string> };
  for (const [target, source] of Object.entries(integration.requestParameters)) {
    const t = /^integration\.request\.(path|querystring|header)\.(.+)$/.exec(target);
    if (!t) continue;
    const value = methodRequestValue(source, request, pathParameters);
    if (value === undefined) continue;
    const where = t[1] === 'querystring' ? 'query' : (t[1] as 'path' | 'header');
    out[where][t[2] as string] = value;
  }
  return out;
}

function methodRequestValue(source: string, request: GatewayRequest, pathParameters: Readonly<Record<string, string>>): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  const m = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(source);
  if (!m) return undefined;
  const name = m[2] as string;
  if (m[1] === 'path') return pathParameters[name];
  if (m[1] === 'querystring') return request.queryValue(name);
  return request.header(name);
}

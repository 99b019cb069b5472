import type { Cors, GatewayResponse } from '../../../ir/types.js';
import { staticValue, type DocumentContext } from '../context.js';
import { corsProblems, hasOriginChoice } from './cors.js';

/**
 * REST APIs: the gateway's own responses (`x-amazon-apigateway-gateway-responses`), as the
 * spec sets them; with CORS, `DEFAULT_4XX`, `DEFAULT_5XX` and every response the spec sets
 * carry the CORS headers, so that browsers let pages read the gateway's errors (a response
 * the spec sets replaces the default one, headers included).
 */
export function addGatewayResponses(ctx: DocumentContext): void {
  if (ctx.api.kind !== 'rest') return;
  const cors = ctx.api.gateway.cors && corsProblems(ctx.api.gateway.cors).length === 0 ? corsHeaders(ctx, ctx.api.gateway.cors) : {};
  const responses: GatewayResponse[] = [...ctx.api.gateway.gatewayResponses];
  if (Object.keys(cors).length > 0) {
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) if (!responses.some((r) => r.type === type)) responses.push({ type, headers: {} });
  }
  if (responses.length === 0) return;
  const out = responses.map((response) => {
    const parameters: Record<string, string> = { ...cors };
    for (const [name, value] of Object.entries(response.headers)) {
      const quoted = staticValue(value);
      if (quoted === undefined) {
        ctx.report('apigw-static-value-invalid', `The ${response.type} gateway response header "${name}" holds a single quote, which an API Gateway static value cannot hold; write the value without quotes (gatewright adds them) and without ' inside.`, ctx.api.gateway.origin);
        continue;
      }
      parameters[`gatewayresponse.header.${name}`] = quoted;
    }
    return [
      response.type,
      {
        ...(response.statusCode !== undefined ? { statusCode: String(response.statusCode) } : {}),
        ...(Object.keys(parameters).length > 0 ? { responseParameters: Object.fromEntries(Object.entries(parameters).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
        ...(response.template !== undefined ? { responseTemplates: { 'application/json': response.template } } : {}),
      },
    ] as const;
  });
  ctx.draft.root.set('x-amazon-apigateway-gateway-responses', Object.fromEntries(out.sort(([a], [b]) => (a < b ? -1 : 1))));
}

function corsHeaders(ctx: DocumentContext, cors: Cors): Record<string, string> {
  const headers: Record<string, string> = {};
  const choice = hasOriginChoice(cors);
  if (choice && !cors.credentials) {
    // Without credentials a page learns nothing from the gateway's errors but the error; any origin may read them.
    headers['gatewayresponse.header.Access-Control-Allow-Origin'] = 'method.request.header.Origin';
    headers['gatewayresponse.header.Vary'] = "'Origin'";
  } else {
    if (choice) {
      ctx.report(
        'apigw-cors-limited',
        `Gateway responses cannot choose among several origins, and echoing any origin with credentials would let other sites probe a signed-in user; pages on ${cors.origins.slice(1).join(', ')} will not see the gateway's error details, only pages on ${cors.origins[0]}.`,
        cors.origin,
      );
    }
    headers['gatewayresponse.header.Access-Control-Allow-Origin'] = `'${cors.origins[0] ?? '*'}'`;
  }
  if (cors.credentials) headers['gatewayresponse.header.Access-Control-Allow-Credentials'] = "'true'";
  if (cors.exposeHeaders.length > 0) headers['gatewayresponse.header.Access-Control-Expose-Headers'] = `'${cors.exposeHeaders.join(',')}'`;
  return headers;
}


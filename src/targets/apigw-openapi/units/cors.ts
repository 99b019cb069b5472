/**
 * Cross-origin resource sharing. HTTP APIs configure it once (`x-amazon-apigateway-cors`)
 * and answer preflight requests themselves. REST APIs get an `OPTIONS` method on every path
 * that answers preflight requests from the gateway (a mock integration, no auth, no API
 * key), and CORS headers on gateway responses (see `gateway-responses.ts`); the handlers
 * add them to their own responses.
 */
import { hasOriginChoice, planPreflight, type PreflightPlan } from '../../../ir/cors.js';
import type { Cors } from '../../../ir/types.js';
import type { CfnValue } from '../../aws/cfn.js';
import { staticValue, velocityLiteralJson, type DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';
import { ensureResponse } from './methods.js';

/** `scheme://host[:port]`, or `*`: what a browser sends in `Origin`, and nothing that could reach a template as code. */
const originPattern = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/;

export { hasOriginChoice };

export function addCors(ctx: DocumentContext): void {
  const cors = ctx.api.gateway.cors;
  if (!cors) return;
  const problems = corsProblems(cors);
  for (const problem of problems) ctx.report('apigw-cors-invalid', problem, cors.origin);
  if (problems.length > 0) return;
  if (ctx.api.kind === 'http') {
    ctx.draft.root.set('x-amazon-apigateway-cors', {
      allowOrigins: [...cors.origins],
      ...(cors.credentials ? { allowCredentials: true } : {}),
      ...(cors.exposeHeaders.length > 0 ? { exposeHeaders: [...cors.exposeHeaders] } : {}),
      maxAge: cors.maxAgeS,
      allowMethods: [...cors.methods],
      allowHeaders: [...cors.headers],
    });
    return;
  }
  if (ctx.api.kind !== 'rest') return;
  addToIntegrationResponses(ctx, cors);
  for (const [path, methods] of ctx.draft.paths) {
    // A spec that routes OPTIONS itself answers preflight requests itself.
    if (methods.has('options')) continue;
    const routed = [...methods.keys()].map((key) => (key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase()));
    Object.assign(ctx.draft.method(path, 'options'), preflightMethod(planPreflight('rest', cors, routed)));
  }
}

/**
 * Integrations the gateway maps (mock, AWS services, non-proxy HTTP) answer through
 * integration responses, so the gateway adds the CORS headers to those; proxy integrations'
 * backends and the Lambda handlers add their own.
 */
function addToIntegrationResponses(ctx: DocumentContext, cors: Cors): void {
  const choice = hasOriginChoice(cors);
  for (const method of ctx.methods) {
    const op = ctx.draft.method(method.path, method.key);
    const integration = op['x-amazon-apigateway-integration'] as JsonObject | undefined;
    const type = integration?.['type'];
    if (type === 'http_proxy') {
      ctx.report(
        'apigw-cors-limited',
        `${method.route.method} ${method.route.path} passes its backend's response through (HTTP proxy), and API Gateway adds no CORS headers to it: the backend must send Access-Control-Allow-Origin (and Access-Control-Allow-Credentials, Access-Control-Expose-Headers as x-gateway.cors sets them) for browsers to read its answers.`,
        method.route.integration.origin,
      );
    }
    // Lambda proxy responses get theirs from the handler glue (docs/targets.md, "CORS").
    if (!integration || (type !== 'mock' && type !== 'aws' && type !== 'http')) continue;
    let limited = false;
    for (const [selector, response] of Object.entries((integration['responses'] ?? {}) as Record<string, JsonObject>)) {
      const headers: Record<string, string> = {};
      let templates = response['responseTemplates'] as Record<string, string> | undefined;
      // A mock has no body to pass through, and a service's error is text, so both can carry the template that picks the origin.
      const templatable = type === 'mock' || (type === 'aws' && selector !== 'default');
      if (choice && (templates !== undefined || templatable)) {
        templates ??= { 'application/json': type === 'mock' ? '' : '$input.body' };
        response['responseTemplates'] = Object.fromEntries(Object.entries(templates).map(([media, text]) => [media, `${originChoiceTemplate(cors.origins)}\n${text}`]));
        headers['Vary'] = 'Origin';
      } else {
        // A passed-through body (an S3 object, say) cannot run a template, so it answers for one origin.
        limited ||= choice;
        headers['Access-Control-Allow-Origin'] = cors.origins[0] ?? '*';
      }
      if (cors.credentials) headers['Access-Control-Allow-Credentials'] = 'true';
      if (cors.exposeHeaders.length > 0) headers['Access-Control-Expose-Headers'] = cors.exposeHeaders.join(',');
      const parameters = { ...((response['responseParameters'] ?? {}) as Record<string, CfnValue>) };
      for (const [name, value] of Object.entries(headers)) parameters[`method.response.header.${name}`] = staticValue(value) as CfnValue;
      response['responseParameters'] = Object.fromEntries(Object.entries(parameters).sort(([a], [b]) => (a < b ? -1 : 1)));
      const declared = [...Object.keys(headers), ...(choice ? ['Access-Control-Allow-Origin'] : [])];
      ensureResponse(op, String(response['statusCode']), 'The integration’s response.', [...new Set(declared)].sort());
    }
    if (limited) {
      ctx.report(
        'apigw-cors-limited',
        `${method.route.method} ${method.route.path} passes the service's body through unmapped, so its responses cannot choose among the allowed origins; pages on ${cors.origins[0]} can read them, pages on other origins cannot.`,
        method.route.integration.origin,
      );
    }
  }
}

/** What in the CORS settings cannot be enforced as written. */
export function corsProblems(cors: Cors): string[] {
  const problems: string[] = [];
  const fail = (message: string): void => {
    problems.push(message);
  };
  for (const origin of cors.origins) {
    if (origin !== '*' && !originPattern.test(origin)) fail(`"${origin}" is not an origin; write scheme://host[:port], e.g. https://app.example.com, or *.`);
  }
  if (cors.credentials && cors.origins.includes('*')) {
    fail('Browsers refuse credentials from an API that allows every origin (*); list the origins, or set credentials: false.');
  }
  for (const value of [...cors.headers, ...cors.exposeHeaders, ...cors.methods]) {
    if (value.includes("'") || value.includes(',')) fail(`The CORS value "${value}" holds a quote or comma; give one header or method per entry, without quotes.`);
  }
  return problems;
}

/** The `OPTIONS` method that answers preflights on a path: a mock whose integration response is the plan (src/ir/cors.ts). */
function preflightMethod(plan: PreflightPlan): JsonObject {
  const listed = plan.origin.rule === 'listed' ? plan.origin.origins : undefined;
  const declared = [...Object.keys(plan.headers), ...(listed ? ['Access-Control-Allow-Origin'] : [])].sort();
  return {
    summary: 'CORS preflight',
    responses: {
      [plan.status]: {
        description: 'The CORS settings for this path.',
        headers: Object.fromEntries(declared.map((name) => [name, { schema: { type: 'string' } }])),
      },
    },
    security: [],
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': velocityLiteralJson({ statusCode: plan.status }) },
      passthroughBehavior: 'when_no_match',
      responses: {
        default: {
          statusCode: String(plan.status),
          responseParameters: Object.fromEntries(
            Object.entries(plan.headers)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([name, value]) => [`method.response.header.${name}`, staticValue(value) as CfnValue]),
          ),
          ...(listed ? { responseTemplates: { 'application/json': originChoiceTemplate(listed) } } : {}),
        },
      },
    },
  };
}

/**
 * A response mapping template that answers with the request's `Origin` when it is one of
 * the allowed origins, and with no `Access-Control-Allow-Origin` otherwise. The origins
 * were checked against `originPattern`, so they hold no quote or Velocity syntax.
 */
function originChoiceTemplate(origins: readonly string[]): string {
  const test = origins.map((o) => `$origin == '${o}'`).join(' || ');
  return [
    "#set($origin = $input.params().header.get('Origin'))",
    "#if(\"$!origin\" == '')#set($origin = $input.params().header.get('origin'))#end",
    `#if(${test})`,
    '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');
}

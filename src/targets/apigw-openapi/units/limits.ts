/**
 * API Gateway quotas a document can run into (the numbers live in `ir/apigateway-limits.ts`,
 * from the developer guide's quota tables and the ImportRestApi reference). Those that AWS
 * raises on request are warnings.
 */
import { httpAuthorization, perApi, resourcePolicyChars, restDefinitionBytes } from '../../../ir/apigateway-limits.js';
import type { DocumentContext } from '../context.js';
import { usedAuthorizers } from './authorizers.js';

/** The quotas the document is checked against, by the names its messages use. */
export const quotas = {
  authorizersPerApi: perApi.authorizers.value,
  resourcesPerApi: perApi.restResources.value,
  routesPerApi: perApi.routes.value,
  integrationsPerApi: perApi.httpIntegrations.value,
  policyLength: resourcePolicyChars,
  scopesPerRoute: httpAuthorization.scopesPerRoute,
  audiencesPerAuthorizer: httpAuthorization.audiencesPerJwtAuthorizer,
  definitionBytes: restDefinitionBytes,
} as const;

export function checkLimits(ctx: DocumentContext): void {
  const { api } = ctx;
  const exceed = (message: string, origin = api.origin): void => ctx.report('apigw-limit-exceeded', message, origin);
  const authorizers = usedAuthorizers(api).filter((s) => s.type !== 'iam');
  if (authorizers.length > quotas.authorizersPerApi) {
    exceed(`The API uses ${authorizers.length} authorizers; API Gateway allows ${quotas.authorizersPerApi} per API unless AWS Support raises the quota. Share authorizers between operations, or ask for an increase.`);
  }
  if (api.kind === 'rest') {
    const resources = new Set<string>(['/']);
    for (const path of ctx.draft.paths.keys()) {
      const segments = path.split('/').filter(Boolean);
      segments.forEach((_, i) => resources.add('/' + segments.slice(0, i + 1).join('/')));
    }
    if (resources.size > quotas.resourcesPerApi) {
      exceed(
        `The API has ${resources.size} resources (path segments); a REST API holds ${quotas.resourcesPerApi} unless AWS raises the quota for it (Service Quotas, "Resources per API"). ` +
          `Ask for the increase, or split the spec into several APIs of at most ${quotas.resourcesPerApi} resources each, for example by first path segment (${largestGroups(resources)}), and map them under one custom domain with a base path each.`,
      );
    }
    if (api.gateway.policy !== undefined && JSON.stringify(api.gateway.policy).length > quotas.policyLength) {
      exceed(`The resource policy is longer than the ${quotas.policyLength} characters API Gateway allows by default; shorten it or ask AWS for an increase.`, api.gateway.origin);
    }
  }
  if (api.kind === 'http') {
    if (ctx.methods.length > quotas.routesPerApi) {
      exceed(
        `The API has ${ctx.methods.length} routes; an HTTP API holds ${quotas.routesPerApi} unless AWS raises the quota for it (Service Quotas, "Routes per API"). ` +
          `Ask for the increase, or split the spec into several APIs of at most ${quotas.routesPerApi} routes each and map them under one custom domain with a base path each.`,
      );
    }
    if (ctx.draft.integrations.size > quotas.integrationsPerApi) {
      exceed(
        `The API has ${ctx.draft.integrations.size} distinct integrations; an HTTP API holds ${quotas.integrationsPerApi}, and AWS does not raise that quota. Serve routes from fewer handlers (routes of one handler share one integration), or split the spec into several APIs.`,
      );
    }
    for (const method of ctx.methods) {
      for (const use of method.route.security.requirements.flat()) {
        if (use.scopes.length > quotas.scopesPerRoute) {
          exceed(`${method.route.method} ${method.route.path} requires ${use.scopes.length} scopes; HTTP APIs check at most ${quotas.scopesPerRoute} per route.`, method.route.security.origin);
        }
      }
    }
    for (const scheme of authorizers) {
      if (scheme.type === 'jwt' && scheme.audience.length > quotas.audiencesPerAuthorizer) {
        exceed(`The JWT authorizer "${scheme.name}" accepts ${scheme.audience.length} audiences; HTTP APIs allow ${quotas.audiencesPerAuthorizer}.`, scheme.origin);
      }
    }
  }
}

/** The serialised document against the import size limit. */
export function checkDefinitionSize(ctx: DocumentContext, bytes: number): void {
  // ImportRestApi and PutRestApi document the limit; ImportApi (HTTP APIs) documents none.
  if (ctx.api.kind === 'rest' && bytes > quotas.definitionBytes) {
    ctx.report('apigw-limit-exceeded', `The API Gateway document is ${bytes} bytes; API Gateway imports definitions of at most ${quotas.definitionBytes} bytes. Split the API.`, ctx.api.origin);
  }
}

/** The first path segments with the most resources, largest first, for advice on splitting: `/repos: 612, /orgs: 120`. */
function largestGroups(resources: ReadonlySet<string>): string {
  const counts = new Map<string, number>();
  for (const resource of resources) {
    const first = resource.split('/')[1];
    if (first) counts.set(`/${first}`, (counts.get(`/${first}`) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const listed = ranked
    .slice(0, 3)
    .map(([segment, count]) => `${segment}: ${count}`)
    .join(', ');
  const [largest, most] = ranked[0] ?? ['', 0];
  return most > quotas.resourcesPerApi ? `${listed}; ${largest} alone is over the quota, so split it further or raise the quota for its API` : listed;
}

/**
 * API Gateway quotas a document can run into, from the developer guide's quota tables and
 * the ImportRestApi reference. Those that AWS raises on request are warnings.
 */
import type { DocumentContext } from '../context.js';
import { usedAuthorizers } from './authorizers.js';

export const quotas = {
  /** REST and HTTP APIs: Lambda and Cognito (REST) or Lambda and JWT (HTTP) authorizers per API. */
  authorizersPerApi: 10,
  /** REST APIs: resources (path segments) per API. */
  resourcesPerApi: 300,
  /** HTTP APIs: routes per API. */
  routesPerApi: 300,
  /** REST APIs: characters of the resource policy. */
  policyLength: 8192,
  /** HTTP APIs: scopes per route. */
  scopesPerRoute: 10,
  /** HTTP APIs: audiences per JWT authorizer. */
  audiencesPerAuthorizer: 50,
  /** ImportRestApi and PutRestApi: bytes of the definition. */
  definitionBytes: 6 * 1024 * 1024,
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
      exceed(`The API has ${resources.size} resources (path segments); REST APIs allow ${quotas.resourcesPerApi} unless the quota is raised. Split the API, or ask AWS for an increase.`);
    }
    if (api.gateway.policy !== undefined && JSON.stringify(api.gateway.policy).length > quotas.policyLength) {
      exceed(`The resource policy is longer than the ${quotas.policyLength} characters API Gateway allows by default; shorten it or ask AWS for an increase.`, api.gateway.origin);
    }
  }
  if (api.kind === 'http') {
    if (ctx.methods.length > quotas.routesPerApi) exceed(`The API has ${ctx.methods.length} routes; HTTP APIs allow ${quotas.routesPerApi} unless the quota is raised.`);
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
  if (bytes > quotas.definitionBytes) {
    ctx.report('apigw-limit-exceeded', `The API Gateway document is ${bytes} bytes; API Gateway imports definitions of at most ${quotas.definitionBytes} bytes. Split the API.`, ctx.api.origin);
  }
}

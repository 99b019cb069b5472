/**
 * What API Gateway (and the CloudFormation stack that deploys it) accepts, in one place:
 * lint rules check specs against these numbers and back ends may check or clamp with them,
 * so a limit AWS changes is changed here once. Sources: "Amazon API Gateway quotas",
 * "Quotas for configuring and running a REST API / an HTTP API / a WebSocket API",
 * "Amazon API Gateway important notes" and "AWS CloudFormation quotas".
 *
 * `adjustable` quotas can be raised through Service Quotas; a spec over one is not wrong,
 * but it will not deploy until the quota is raised, so lint warns rather than fails.
 */
import type { ApiKind, Api } from './types.js';

export interface Quota {
  readonly value: number;
  readonly adjustable: boolean;
}

/** Integration timeouts, in milliseconds. */
export const integrationTimeoutMs = {
  min: 50,
  /** REST: 29 s by default; Regional and private REST APIs may ask for up to 300 s (edge-optimized may not). */
  rest: { value: 29_000, adjustable: true, raisedMax: 300_000 },
  /** HTTP APIs: 30 s, fixed. */
  http: { value: 30_000, adjustable: false },
  /** WebSocket APIs: 29 s, fixed. */
  websocket: { value: 29_000, adjustable: false },
} as const;

export function maxIntegrationTimeoutMs(kind: ApiKind): number {
  return integrationTimeoutMs[kind].value;
}

/** How long an HTTP API waits for a Lambda authorizer's answer. */
export const lambdaAuthorizerTimeoutMs = { http: 10_000 } as const;

/** Request and response payloads, in bytes. */
export const payloadBytes = {
  /** REST and HTTP APIs. */
  http: 10 * 1024 * 1024,
  /** A synchronous Lambda invocation carries at most 6 MB each way, whatever the gateway allows. */
  lambda: 6 * 1024 * 1024,
  /** A WebSocket message; frames are 32 KB. */
  websocketMessage: 128 * 1024,
  websocketFrame: 32 * 1024,
} as const;

/** REST and HTTP APIs: total size of the request line and header values. */
export const requestHeaderBytes = 10_240;

/** A mapping template (REST and WebSocket). */
export const mappingTemplateBytes = 300 * 1024;

/** A resource policy, in characters. */
export const resourcePolicyChars = 8_192;

/** Per-API counts. */
export const perApi = {
  /** REST: resources (each distinct path prefix, the root included). */
  restResources: { value: 300, adjustable: true },
  /** HTTP and WebSocket: routes. */
  routes: { value: 300, adjustable: true },
  /** HTTP: integrations, a quota AWS does not raise. */
  httpIntegrations: { value: 300, adjustable: false },
  stages: { value: 10, adjustable: true },
  /** Lambda and Cognito authorizers (REST); Lambda and JWT authorizers (HTTP). */
  authorizers: { value: 10, adjustable: true },
} as const satisfies Record<string, Quota>;

/** HTTP APIs: scopes one route may require, and audiences one JWT authorizer may accept. */
export const httpAuthorization = { scopesPerRoute: 10, audiencesPerJwtAuthorizer: 50 } as const;

/** ImportRestApi and PutRestApi (REST): bytes of the imported definition. ImportApi (HTTP) documents none. */
export const restDefinitionBytes = 6 * 1024 * 1024;

export const stageVariables = {
  perStage: 100,
  keyChars: 64,
  valueChars: 512,
} as const;

/** Usage plans one API key may belong to. */
export const usagePlansPerApiKey = 10;

/** Method and stage response caching (REST): TTL bounds in seconds, and the largest response cached. */
export const cache = { maxTtlS: 3600, maxResponseBytes: 1_048_576 } as const;

/** Account-level throttling per Region, shared by every API of the account. */
export const accountThrottle = { rate: 10_000, burst: 5_000, adjustable: true } as const;

/** CloudFormation: resources in one stack. */
export const stackResources = 500;

/**
 * CloudFormation: bytes of a template passed in the request (larger ones go through S3), and
 * of a template once its transforms (SAM, `AWS::Include`) have run, wherever it came from.
 */
export const templateBytes = { inline: 51_200, processed: 1_048_576 } as const;

/**
 * Root-level paths API Gateway keeps for its own health checks; on a custom domain a
 * resource there does not get the requests (REST and WebSocket).
 */
export const reservedRootPaths: readonly string[] = ['/ping', '/sping'];

/**
 * JSON Schema keywords of the IR dialect that API Gateway models (JSON Schema draft 4)
 * cannot hold: the gateway's request validation ignores them.
 */
export const modelUnsupportedKeywords: readonly string[] = [
  'prefixItems', 'contains', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties',
  'propertyNames', 'discriminator',
];

/** Media types API Gateway treats as binary only when they are listed in `binaryMediaTypes` (REST). */
export function isBinaryMediaType(mediaType: string): boolean {
  const type = mediaType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (/^(image|audio|video|font)\//.test(type)) return true;
  if (type === 'application/octet-stream' || type === 'application/pdf' || type === 'application/zip' || type === 'application/gzip') return true;
  return /^application\/(x-(tar|7z-compressed|bzip2)|vnd\.openxmlformats|msword|vnd\.ms-)/.test(type);
}

/** Whether a `binaryMediaTypes` entry (which may use `*`) covers a media type. */
export function binaryMediaTypeCovers(entry: string, mediaType: string): boolean {
  const [entryType, entrySub] = entry.toLowerCase().split('/');
  const [type, sub] = (mediaType.toLowerCase().split(';')[0]?.trim() ?? '').split('/');
  return (entryType === '*' || entryType === type) && (entrySub === '*' || entrySub === sub);
}

/** The distinct API Gateway resources of a REST API: `/` and every prefix of every routed path. */
export function restResourcePaths(api: Pick<Api, 'routes'>): string[] {
  const paths = new Set<string>(['/']);
  for (const route of api.routes) {
    if (route.shadowedBy !== undefined) continue;
    let prefix = '';
    for (const segment of route.gatewayPath.split('/').filter(Boolean)) {
      prefix += '/' + segment;
      paths.add(prefix);
    }
  }
  return [...paths];
}

/**
 * The fewest CloudFormation resources any template for this API needs: the API, one
 * deployment and one stage per stage; a function, a role and an invoke permission per
 * handler; each usage plan, and each API key with its plan association; the custom domain
 * with its mapping. Back ends may add more (alarms, log groups, authorizer resources), so
 * an API near the limit may already be over it.
 */
export function minimumStackResources(api: Pick<Api, 'handlers' | 'gateway'>): number {
  const gateway = api.gateway;
  const keys = new Set(gateway.usagePlans.flatMap((plan) => plan.apiKeys));
  const keyAssociations = gateway.usagePlans.reduce((n, plan) => n + plan.apiKeys.length, 0);
  return (
    2 +
    gateway.stages.length +
    api.handlers.length * 3 +
    gateway.usagePlans.length +
    keys.size +
    keyAssociations +
    (gateway.domain ? 2 : 0)
  );
}

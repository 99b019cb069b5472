import type { Origin } from '../../diagnostics/diagnostic.js';
import type {
  ApiKind, AwsServiceName, CacheKey, HttpMethod, Integration, MethodCache, Pagination, Parameter, RouteAlarms, Throttle, Validation,
} from '../../ir/types.js';
import { appendPointer } from '../../load/json-pointer.js';
import { child, isObject, optional, type BuildContext, type Node } from '../context.js';
import { checkTimeout, type GatewayDefaults } from './root.js';
import { bool, deployValue, num, obj, str, stringMap, strings, throttle } from './values.js';

const integrationKeys = ['lambda', 'http', 'mock', 'aws'] as const;

export interface OperationSettings {
  readonly integration?: Integration;
  readonly throttle?: Throttle;
  readonly cache?: MethodCache;
  readonly validation: Validation;
  readonly public: boolean;
  readonly alarms?: RouteAlarms;
  readonly pagination?: Pagination;
}

/**
 * Decodes an operation's `x-gateway`, with its path item's `x-gateway` as defaults
 * (the operation's keys win, one key at a time). Both are already schema-checked.
 */
export function decodeOperationSettings(
  ctx: BuildContext,
  operation: Node | undefined,
  pathItem: Node | undefined,
  route: { method: HttpMethod; parameters: readonly Parameter[]; origin: Origin },
  defaults: GatewayDefaults,
): OperationSettings {
  const own = obj(operation?.value);
  const inherited = obj(pathItem?.value);
  const pick = (key: string): Node | undefined => {
    if (key in own && operation) return child(operation, key);
    if (key in inherited && pathItem) return child(pathItem, key);
    return undefined;
  };
  const integrationKey = integrationKeys.find((k) => k in own) ?? integrationKeys.find((k) => k in inherited);
  const integrationNode = integrationKey ? pick(integrationKey) : undefined;
  const integration = integrationKey && integrationNode ? decodeIntegration(ctx, integrationKey, integrationNode, route.method, defaults) : undefined;

  const validationNode = pick('validation');
  const validation = validationNode ? validationFrom(validationNode.value) : defaults.validation;
  if (validationNode && ctx.kind !== 'rest' && validationNode.value !== 'none') {
    ctx.report(
      'x-gateway-kind-mismatch',
      `${kindName(ctx.kind)} do not validate requests at the gateway; the generated handler validates them instead. Remove "validation" here.`,
      validationNode.origin,
      { severity: 'warning' },
    );
  }

  const cacheNode = pick('cache');
  let cache: MethodCache | undefined;
  if (cacheNode && cacheNode.value !== false) {
    if (ctx.kind !== 'rest') {
      ctx.report('x-gateway-kind-mismatch', `${kindName(ctx.kind)} have no response cache; caching is a REST API feature. Remove "cache" or use kind: rest.`, cacheNode.origin);
    } else {
      cache = decodeCache(ctx, cacheNode, route.parameters);
    }
  }

  const alarmsNode = pick('alarms');
  const alarms = alarmsNode ? decodeRouteAlarms(alarmsNode.value) : undefined;
  const paginationNode = pick('pagination');
  const pagination = paginationNode ? decodePagination(ctx, paginationNode, route.parameters) : undefined;
  const throttleNode = pick('throttle');
  return {
    ...optional('integration', integration),
    ...optional('throttle', throttleNode ? throttle(throttleNode.value) : undefined),
    ...optional('cache', cache),
    validation,
    public: bool(pick('public')?.value) ?? false,
    ...optional('alarms', alarms),
    ...optional('pagination', pagination),
  };
}

export function validationFrom(value: unknown): Validation {
  switch (value) {
    case 'body':
      return { body: true, parameters: false };
    case 'parameters':
      return { body: false, parameters: true };
    case 'none':
      return { body: false, parameters: false };
    default:
      return { body: true, parameters: true };
  }
}

export function decodeIntegration(
  ctx: BuildContext,
  key: (typeof integrationKeys)[number],
  node: Node,
  method: HttpMethod,
  defaults: GatewayDefaults,
): Integration | undefined {
  const value = obj(node.value);
  const timeoutMs = num(value['timeoutMs']) ?? defaults.timeoutMs;
  if ('timeoutMs' in value) checkTimeout(ctx, child(node, 'timeoutMs'), defaults.timeoutLimit);
  switch (key) {
    case 'lambda':
      return { type: 'lambda', handler: str(value['handler']) ?? defaults.handler, timeoutMs, origin: node.origin };
    case 'http': {
      const methodValue = str(value['method']) as HttpMethod | undefined;
      if (ctx.kind === 'http' && value['proxy'] === false) {
        ctx.report(
          'x-gateway-kind-mismatch',
          'HTTP APIs have only proxy integrations, which pass requests and responses through unchanged; remove proxy: false, or use kind: rest for an integration with request mappings.',
          child(node, 'proxy').origin,
        );
      }
      return {
        type: 'http',
        uri: str(value['uri']) ?? '',
        method: methodValue ?? method,
        proxy: bool(value['proxy']) ?? true,
        timeoutMs,
        requestParameters: stringMap(value['requestParameters']),
        origin: node.origin,
      };
    }
    case 'mock':
      if (ctx.kind === 'http') {
        ctx.report(
          'x-gateway-kind-mismatch',
          'HTTP APIs have no mock integrations; the gateway cannot answer by itself. Serve this route with x-gateway.lambda, or use kind: rest.',
          node.origin,
        );
      }
      return {
        type: 'mock',
        statusCode: num(value['statusCode']) ?? 200,
        headers: stringMap(value['headers']),
        ...('body' in value ? { body: value['body'] } : {}),
        origin: node.origin,
      };
    case 'aws': {
      const resource = deployValue(value['resource']);
      const roleArn = deployValue(value['roleArn']);
      if (!resource) return undefined;
      // HTTP APIs take the services and actions of their first-class integrations; the document back end checks which.
      return {
        type: 'aws',
        service: (str(value['service']) ?? 'dynamodb') as AwsServiceName,
        action: str(value['action']) ?? '',
        resource,
        ...optional('path', str(value['path'])),
        requestTemplates: stringMap(value['requestTemplates']),
        responseTemplates: stringMap(value['responseTemplates']),
        ...optional('roleArn', roleArn),
        timeoutMs,
        origin: node.origin,
      };
    }
  }
}

/**
 * Headers a cache key may name without a parameter declaring them: OpenAPI ignores an
 * Authorization header parameter, and both carry the caller's identity, which is what an
 * authenticated operation's cache must be keyed by.
 */
const gatewayAuthHeaders = new Set(['authorization', 'x-api-key']);

function decodeCache(ctx: BuildContext, node: Node, parameters: readonly Parameter[]): MethodCache {
  const value = obj(node.value);
  const keys: CacheKey[] = [];
  strings(value['keys']).forEach((written, index) => {
    const dot = written.indexOf('.');
    const where = written.slice(0, dot) as CacheKey['in'];
    const name = written.slice(dot + 1);
    const declared =
      (where === 'header' && gatewayAuthHeaders.has(name.toLowerCase())) ||
      parameters.some((p) => p.in === where && (where === 'header' ? p.name.toLowerCase() === name.toLowerCase() : p.name === name));
    if (!declared) {
      ctx.report(
        'x-gateway-reference',
        `The cache key "${written}" names a ${where} parameter this operation does not declare; declare it under "parameters" or remove the key.`,
        { file: node.origin.file, pointer: appendPointer(node.origin.pointer, 'keys', index) },
      );
      return;
    }
    keys.push({ in: where, name });
  });
  return { ttlS: num(value['ttl']) ?? 300, keys, encrypted: bool(value['encrypted']) ?? false };
}

export function decodeRouteAlarms(value: unknown): RouteAlarms | undefined {
  const v = obj(value);
  const alarms: RouteAlarms = {
    ...optional('p99LatencyMs', num(v['p99LatencyMs'])),
    ...optional('serverErrorRate', num(v['serverErrorRate'])),
    ...optional('clientErrorRate', num(v['clientErrorRate'])),
  };
  return Object.keys(alarms).length > 0 ? alarms : undefined;
}

function decodePagination(ctx: BuildContext, node: Node, parameters: readonly Parameter[]): Pagination | undefined {
  const v = obj(node.value);
  const param = str(v['param']);
  const items = str(v['items']);
  if (param === undefined || items === undefined) return undefined;
  if (!parameters.some((p) => p.in === 'query' && p.name === param)) {
    ctx.report('x-gateway-reference', `Pagination uses the query parameter "${param}", which this operation does not declare; declare it.`, child(node, 'param').origin);
  }
  const style = (str(v['style']) ?? 'cursor') as Pagination['style'];
  if (style === 'cursor' && v['next'] === undefined && v['nextHeader'] === undefined) {
    ctx.report(
      'x-gateway-invalid',
      'Cursor pagination reads the next cursor from each response: say where with next (a JSON pointer into the body, e.g. /nextCursor) or nextHeader (a response header), or use style: page or offset.',
      node.origin,
    );
  }
  return {
    param,
    style,
    ...optional('nextPointer', str(v['next'])),
    ...optional('nextHeader', str(v['nextHeader'])),
    itemsPointer: items,
    origin: node.origin,
  };
}

export function kindName(kind: ApiKind): string {
  return kind === 'rest' ? 'REST APIs' : kind === 'http' ? 'HTTP APIs' : 'WebSocket APIs';
}

export function isXGatewayObject(node: Node): boolean {
  return isObject(node.value);
}

import { integrationTimeoutMs, maxIntegrationTimeoutMs } from '../../ir/apigateway-limits.js';
import type {
  AccessLog, ApiAlarms, ApiKind, Cors, CustomDomain, GatewayResponse, GatewaySettings, Stage, StageCache, UsagePlan, Validation,
} from '../../ir/types.js';
import { child, entries, isObject, optional, type BuildContext, type Node } from '../context.js';
import { kindName, validationFrom } from './operation.js';
import { bool, deployValue, deployValues, num, obj, str, stringMap, strings, throttle } from './values.js';

export interface LambdaDefaults {
  readonly runtime: string;
  readonly memoryMb: number;
  readonly timeoutS: number;
  readonly architecture: 'arm64' | 'x86_64';
  readonly environment: Readonly<Record<string, string>>;
  /** Added to every function's role, before the handler's own policies. */
  readonly policies: readonly unknown[];
  readonly reservedConcurrency?: number;
  readonly tracing: boolean;
}

export interface GatewayDefaults {
  /** The handler of operations that name no integration. */
  readonly handler: string;
  readonly timeoutMs: number;
  /** The longest integration timeout API Gateway takes for this API, and whether a quota increase allows more. */
  readonly timeoutLimit: TimeoutLimit;
  readonly validation: Validation;
  readonly lambda: LambdaDefaults;
}

/** The integration timeout API Gateway allows by default for this kind of API (`integrationTimeoutMs`). */
export function defaultTimeoutMs(kind: ApiKind): number {
  return maxIntegrationTimeoutMs(kind);
}

export interface TimeoutLimit {
  readonly maxMs: number;
  /**
   * Regional and private REST APIs may wait longer once the account's quota is raised, so
   * a longer timeout may deploy: the API Gateway document warns about it instead.
   */
  readonly raisable: boolean;
}

function timeoutLimit(kind: ApiKind, endpoint: unknown): TimeoutLimit {
  return { maxMs: maxIntegrationTimeoutMs(kind), raisable: integrationTimeoutMs[kind].adjustable && endpoint !== 'edge' };
}

/** Reports an integration timeout that API Gateway refuses at deploy whatever the account's quotas. */
export function checkTimeout(ctx: BuildContext, node: Node, limit: TimeoutLimit): void {
  const written = num(node.value);
  if (written === undefined || written <= limit.maxMs || limit.raisable) return;
  const why = ctx.kind === 'rest' ? 'edge-optimized REST APIs cannot raise it' : 'no quota increase raises it';
  ctx.report(
    'x-gateway-limit',
    `${kindName(ctx.kind)} wait at most ${limit.maxMs} ms for an integration (${why}), not ${written} ms; set ${limit.maxMs} or less${ctx.kind === 'rest' ? ', or use endpoint: regional and a quota increase' : ''}.`,
    node.origin,
  );
}

export function decodeDefaults(ctx: BuildContext, root: Node | undefined): GatewayDefaults {
  const rootValue = obj(root?.value);
  const defaults = obj(rootValue['defaults']);
  const lambda = obj(defaults['lambda']);
  const validation = defaults['validation'];
  const limit = timeoutLimit(ctx.kind, rootValue['endpoint']);
  if (root && 'timeoutMs' in defaults) checkTimeout(ctx, child(child(root, 'defaults'), 'timeoutMs'), limit);
  return {
    handler: str(lambda['handler']) ?? 'api',
    timeoutMs: num(defaults['timeoutMs']) ?? defaultTimeoutMs(ctx.kind),
    timeoutLimit: limit,
    // HTTP APIs validate nothing at the gateway; WebSocket APIs check message bodies against route models.
    validation: ctx.kind === 'http' ? { body: false, parameters: false } : validationFrom(validation ?? 'all'),
    lambda: {
      runtime: str(lambda['runtime']) ?? 'nodejs22.x',
      memoryMb: num(lambda['memoryMb']) ?? 256,
      timeoutS: num(lambda['timeoutS']) ?? 29,
      architecture: lambda['architecture'] === 'x86_64' ? 'x86_64' : 'arm64',
      environment: stringMap(lambda['environment']),
      policies: Array.isArray(lambda['policies']) ? lambda['policies'] : [],
      ...optional('reservedConcurrency', num(lambda['reservedConcurrency'])),
      tracing: bool(lambda['tracing']) ?? false,
    },
  };
}

/** Where API Gateway reads API keys (`x-gateway.apiKeySource`); the routes need it before the rest of the root settings are decoded. */
export function decodeApiKeySource(root: Node | undefined): GatewaySettings['apiKeySource'] {
  return obj(root?.value)['apiKeySource'] === 'authorizer' ? 'AUTHORIZER' : 'HEADER';
}

/** Root settings that only some kinds of API have. */
const kindsWith: Readonly<Record<string, readonly ApiKind[]>> = {
  usagePlans: ['rest', 'websocket'],
  apiKeySource: ['rest', 'websocket'],
  minimumCompressionSize: ['rest'],
  policy: ['rest'],
  gatewayResponses: ['rest'],
  endpoint: ['rest'],
  vpcEndpointIds: ['rest'],
};

export function decodeGateway(ctx: BuildContext, root: Node | undefined, documentOrigin: Node['origin']): GatewaySettings {
  const value = obj(root?.value);
  const at = (key: string): Node => (root ? child(root, key) : { value: undefined, origin: documentOrigin });
  for (const [key, kinds] of Object.entries(kindsWith)) {
    if (key in value && !kinds.includes(ctx.kind)) {
      const owners = kinds.length === 1 ? kindName(kinds[0] as ApiKind) : `${kinds.map((k) => kindName(k).replace(/ APIs$/, '')).join(' and ')} APIs`;
      ctx.report(
        'x-gateway-kind-mismatch',
        `"${key}" is a setting of ${owners}; ${kindName(ctx.kind)} do not have it. Remove it or use kind: ${kinds.join(' or kind: ')}.`,
        { ...at(key).origin, key: true },
      );
    }
  }
  if (ctx.kind !== 'websocket') {
    for (const key of ['routes', 'routeSelectionExpression']) {
      if (key in value) ctx.report('x-gateway-kind-mismatch', `"${key}" is a WebSocket setting; use kind: websocket or remove it.`, { ...at(key).origin, key: true });
    }
  }
  const stages = decodeStages(ctx, at('stages'));
  const stageNames = new Set(stages.map((s) => s.name));
  const domain = decodeDomain(ctx, at('domain'));
  const alarms = decodeAlarms(at('alarms'));
  const cors = decodeCors(ctx, at('cors'));
  const minimumCompressionSize = num(value['minimumCompressionSize']);
  const endpoint = ctx.kind === 'rest' ? ((str(value['endpoint']) ?? 'regional') as GatewaySettings['endpoint']) : 'regional';
  // Only private REST APIs take VPC endpoints; elsewhere they are left out of the template.
  const vpcEndpointIds = endpoint === 'private' ? deployValues(value['vpcEndpointIds']) : [];
  if (ctx.kind === 'rest' && endpoint !== 'private' && 'vpcEndpointIds' in value) {
    ctx.report(
      'x-gateway-ineffective',
      `VPC endpoints are associated with private APIs only, and this API's endpoint is ${endpoint}; add endpoint: private, or remove vpcEndpointIds (they are left out).`,
      { ...at('vpcEndpointIds').origin, key: true },
    );
  }
  return {
    endpoint,
    vpcEndpointIds,
    stages,
    ...optional('cors', cors),
    usagePlans: decodeUsagePlans(ctx, at('usagePlans'), stageNames),
    apiKeySource: decodeApiKeySource(root),
    ...optional('domain', domain),
    binaryMediaTypes: strings(value['binaryMediaTypes']),
    ...optional('minimumCompressionSize', minimumCompressionSize),
    ...('policy' in value ? { policy: value['policy'] } : {}),
    disableExecuteApiEndpoint: bool(value['disableExecuteApiEndpoint']) ?? false,
    gatewayResponses: decodeGatewayResponses(value['gatewayResponses']),
    ...optional('alarms', alarms),
    dashboard: bool(value['dashboard']) ?? false,
    ...optional('routeSelectionExpression', ctx.kind === 'websocket' ? (str(value['routeSelectionExpression']) ?? '$request.body.action') : undefined),
    origin: root?.origin ?? documentOrigin,
  };
}

function decodeStages(ctx: BuildContext, node: Node): Stage[] {
  if (!isObject(node.value)) {
    return [{ name: 'prod', variables: {}, executionLogLevel: 'OFF', dataTrace: false, tracing: false, detailedMetrics: false, origin: node.origin }];
  }
  return entries(node).map(([name, stageNode]) => {
    if (name === '$default' && ctx.kind !== 'http') {
      ctx.report('x-gateway-kind-mismatch', 'Only HTTP APIs have a $default stage; name the stage with letters, digits, "-" and "_".', { ...stageNode.origin, key: true });
    }
    const v = obj(stageNode.value);
    const logging = obj(v['logging']);
    const cacheValue = obj(v['cache']);
    let cache: StageCache | undefined;
    if ('cache' in v) {
      if (ctx.kind !== 'rest') {
        ctx.report('x-gateway-kind-mismatch', `${kindName(ctx.kind)} have no cache cluster; remove "cache" from the stage or use kind: rest.`, child(stageNode, 'cache').origin);
      } else {
        cache = { sizeGb: num(cacheValue['sizeGb']) ?? 0.5, ttlS: num(cacheValue['ttl']) ?? 300, encrypted: bool(cacheValue['encrypted']) ?? false };
      }
    }
    const access = logging['access'];
    const accessLog: AccessLog | undefined =
      typeof access === 'string' ? { format: access, retentionDays: num(logging['retentionDays']) ?? 30 } : undefined;
    if (ctx.kind === 'http' && ('level' in logging || 'dataTrace' in logging)) {
      ctx.report('x-gateway-kind-mismatch', 'HTTP APIs have no execution logs; only access logs. Remove "level" and "dataTrace".', child(stageNode, 'logging').origin, { severity: 'warning' });
    }
    if (ctx.kind !== 'rest' && v['tracing'] === true) {
      ctx.report('x-gateway-kind-mismatch', `${kindName(ctx.kind)} do not support X-Ray tracing at the stage; trace the Lambda functions instead (defaults.lambda.tracing).`, child(stageNode, 'tracing').origin, { severity: 'warning' });
    }
    const throttleValue = throttle(v['throttle']);
    return {
      name,
      ...optional('description', str(v['description'])),
      variables: stringMap(v['variables']),
      ...optional('throttle', throttleValue),
      ...optional('cache', cache),
      ...optional('accessLog', accessLog),
      executionLogLevel: ctx.kind === 'http' ? 'OFF' : ((str(logging['level']) ?? 'OFF') as Stage['executionLogLevel']),
      dataTrace: ctx.kind === 'http' ? false : (bool(logging['dataTrace']) ?? false),
      tracing: ctx.kind === 'rest' && v['tracing'] === true,
      detailedMetrics: bool(v['metrics']) ?? false,
      origin: stageNode.origin,
    };
  });
}

function decodeCors(ctx: BuildContext, node: Node): Cors | undefined {
  if (!isObject(node.value)) return undefined;
  if (ctx.kind === 'websocket') {
    ctx.report('x-gateway-kind-mismatch', 'WebSocket APIs have no CORS; browsers do not apply it to WebSocket connections. Remove "cors".', node.origin);
    return undefined;
  }
  const v = node.value;
  return {
    origins: strings(v['origins']),
    // Filled from the routes by the completeCors pass when the spec does not list them.
    methods: strings(v['methods']),
    headers: strings(v['headers']),
    exposeHeaders: strings(v['exposeHeaders']),
    credentials: bool(v['credentials']) ?? false,
    maxAgeS: num(v['maxAge']) ?? 600,
    origin: node.origin,
  };
}

function decodeUsagePlans(ctx: BuildContext, node: Node, stageNames: ReadonlySet<string>): UsagePlan[] {
  if (ctx.kind === 'http') return [];
  return entries(node).map(([name, planNode]) => {
    const v = obj(planNode.value);
    const quota = obj(v['quota']);
    const stages = strings(v['stages']);
    stages.forEach((stage, index) => {
      if (!stageNames.has(stage)) {
        ctx.report('x-gateway-reference', `The usage plan "${name}" names the stage "${stage}", which is not under x-gateway.stages; add the stage or fix the name.`, child(child(planNode, 'stages'), index).origin);
      }
    });
    const throttleValue = throttle(v['throttle']);
    return {
      name,
      ...optional('description', str(v['description'])),
      ...optional('throttle', throttleValue),
      ...optional(
        'quota',
        typeof quota['limit'] === 'number'
          ? { limit: quota['limit'], period: (str(quota['period']) ?? 'DAY') as 'DAY' | 'WEEK' | 'MONTH', offset: num(quota['offset']) ?? 0 }
          : undefined,
      ),
      stages: stages.length > 0 ? stages : [...stageNames],
      apiKeys: strings(v['apiKeys']),
      origin: planNode.origin,
    };
  });
}

function decodeDomain(ctx: BuildContext, node: Node): CustomDomain | undefined {
  if (!isObject(node.value)) return undefined;
  const v = node.value;
  if (ctx.kind !== 'rest' && v['endpoint'] === 'edge') {
    ctx.report('x-gateway-kind-mismatch', `${kindName(ctx.kind)} have regional custom domains only; remove endpoint: edge, or use kind: rest.`, child(node, 'endpoint').origin);
  }
  if (ctx.kind !== 'rest' && v['securityPolicy'] === 'TLS_1_0') {
    ctx.report('x-gateway-kind-mismatch', `Custom domains of ${kindName(ctx.kind)} support TLS 1.2 only; remove securityPolicy: TLS_1_0.`, child(node, 'securityPolicy').origin);
  }
  const certificateArn = deployValue(v['certificateArn']);
  const name = str(v['name']);
  if (!certificateArn || !name) return undefined;
  const hostedZoneId = deployValue(v['hostedZoneId']);
  return {
    name,
    certificateArn,
    basePath: str(v['basePath']) ?? '',
    endpoint: v['endpoint'] === 'edge' ? 'edge' : 'regional',
    securityPolicy: v['securityPolicy'] === 'TLS_1_0' ? 'TLS_1_0' : 'TLS_1_2',
    ...optional('hostedZoneId', hostedZoneId),
    origin: node.origin,
  };
}

function decodeGatewayResponses(value: unknown): GatewayResponse[] {
  return Object.entries(obj(value)).map(([type, response]) => {
    const r = obj(response);
    return {
      type,
      ...optional('statusCode', num(r['statusCode'])),
      headers: stringMap(r['headers']),
      ...optional('template', str(r['template'])),
    };
  });
}

function decodeAlarms(node: Node): ApiAlarms | undefined {
  if (!isObject(node.value)) return undefined;
  const v = node.value;
  return {
    ...optional('serverErrorRate', num(v['serverErrorRate'])),
    ...optional('clientErrorRate', num(v['clientErrorRate'])),
    ...optional('p99LatencyMs', num(v['p99LatencyMs'])),
    ...optional('throttledRequests', num(v['throttledRequests'])),
    periodS: num(v['periodS']) ?? 60,
    evaluationPeriods: num(v['evaluationPeriods']) ?? 5,
    actions: deployValues(v['actions']),
    origin: node.origin,
  };
}

/**
 * CloudWatch alarms on the primary stage: server and client error rates, p99 latency and
 * throttled requests for the API, and error rates and latency per operation or WebSocket
 * route where the spec asks.
 *
 * Each kind of API publishes its own metrics (namespace `AWS/ApiGateway`):
 * - REST: `5XXError`, `4XXError`, `Latency`, keyed by `ApiName` and `Stage`; per method
 *   also by `Resource` and `Method`. The Average of an error metric is the error rate.
 * - HTTP: `5xx`, `4xx`, `Latency`, keyed by `ApiId` and `Stage`; per route also by
 *   `Resource` (the route's path) and `Method`: the dimension table of "Monitor CloudWatch
 *   metrics for HTTP APIs in API Gateway" names `ApiId, Method, Resource, Stage`, and the
 *   metrics HTTP APIs publish carry them (prometheus-community/yet-another-cloudwatch-exporter#1031:
 *   `Method=GET`, `Resource=/...`, `Stage=$default`). Older copies of that page named
 *   `ApiId, Stage, Route`, which no metric of an HTTP API carries.
 * - WebSocket: no 4XX/5XX or Latency metrics. `IntegrationError` (the integration answered
 *   4XX/5XX), `ExecutionError` (calling it failed), `ClientError` (refused before the
 *   integration), `ConnectCount`, `MessageCount` and `IntegrationLatency`, keyed by `ApiId`
 *   and `Stage`; per route also by `Route` (the route key). CloudWatch's metric catalogue
 *   (npm `@aws-cdk/aws-service-spec`, dimension set `RoutePerApiId`) lists `ApiId, Stage,
 *   Route` for exactly these metrics; the WebSocket metrics page of the developer guide
 *   repeats the HTTP page's `ApiId, Method, Resource, Stage`, though a WebSocket route has
 *   neither a method nor a path. Error rates are metric math over those counts (see
 *   `webSocketRate`).
 *
 * API Gateway publishes no throttling metric, so throttled requests are counted from the
 * stage's JSON access log (status 429, which also covers exhausted usage-plan quotas).
 */
import { diagnostic } from '../../../../diagnostics/codes.js';
import type { ApiAlarms, MessageRoute, Route, RouteAlarms } from '../../../../ir/types.js';
import { deployValue, ref, sub, type CfnValue } from '../../cfn.js';
import { primaryStage, type UnitContext } from '../context.js';

export function addAlarms(ctx: UnitContext): void {
  const alarms = ctx.api.gateway.alarms;
  const routeAlarms = ctx.api.routes.filter((r) => r.alarms && r.shadowedBy === undefined);
  const messageRouteAlarms = ctx.api.messageRoutes.filter((r) => r.alarms);
  if (!alarms && routeAlarms.length === 0 && messageRouteAlarms.length === 0) return;
  const settings = alarms ?? { periodS: 60, evaluationPeriods: 5, actions: [] };
  if (alarms) addApiAlarms(ctx, alarms);
  const stage = primaryStage(ctx.api);
  if (routeAlarms.length + messageRouteAlarms.length > 0 && !stage.detailedMetrics) {
    const what = ctx.api.kind === 'websocket' ? 'Route alarms need per-route metrics' : 'Operation alarms need per-method metrics';
    ctx.template.report(diagnostic('template-alarm-needs-metrics', `${what}: set metrics: true on stage "${stage.name}", or the alarms never see data.`, stage.origin));
  }
  for (const route of routeAlarms) if (route.alarms) addRouteAlarms(ctx, route, route.alarms, settings);
  for (const route of messageRouteAlarms) if (route.alarms) addMessageRouteAlarms(ctx, route, route.alarms, settings);
}

type Timing = Pick<ApiAlarms, 'periodS' | 'evaluationPeriods' | 'actions'>;

/** What an alarm watches: one metric, or a metric math expression over several. */
type Watched = { readonly metric: Record<string, CfnValue> } | { readonly metrics: CfnValue[] };

function addApiAlarms(ctx: UnitContext, alarms: ApiAlarms): void {
  const dims = apiDimensions(ctx);
  if (ctx.api.kind === 'websocket') {
    if (alarms.serverErrorRate !== undefined) {
      addAlarm(ctx, 'server errors', `integration errors and failed integration calls above ${percent(alarms.serverErrorRate)} of connections and messages`, webSocketRate(dims, ['IntegrationError', 'ExecutionError'], alarms), alarms.serverErrorRate, alarms);
    }
    if (alarms.clientErrorRate !== undefined) {
      addAlarm(ctx, 'client errors', `requests refused by the gateway above ${percent(alarms.clientErrorRate)} of connections and messages`, webSocketRate(dims, ['ClientError'], alarms), alarms.clientErrorRate, alarms);
    }
    if (alarms.p99LatencyMs !== undefined) {
      // WebSocket APIs publish no Latency; IntegrationLatency is what they measure (not for mock routes).
      addAlarm(ctx, 'latency', `p99 integration latency above ${alarms.p99LatencyMs} ms`, { metric: { Namespace: 'AWS/ApiGateway', MetricName: 'IntegrationLatency', Dimensions: dims, ExtendedStatistic: 'p99' } }, alarms.p99LatencyMs, alarms);
    }
  } else {
    const names = metricNames(ctx);
    const metric = (name: string, statistic: Record<string, string>): Watched => ({ metric: { Namespace: 'AWS/ApiGateway', MetricName: name, Dimensions: dims, ...statistic } });
    if (alarms.serverErrorRate !== undefined) addAlarm(ctx, 'server errors', `5XX responses above ${percent(alarms.serverErrorRate)} of requests`, metric(names.serverErrors, { Statistic: 'Average' }), alarms.serverErrorRate, alarms);
    if (alarms.clientErrorRate !== undefined) addAlarm(ctx, 'client errors', `4XX responses above ${percent(alarms.clientErrorRate)} of requests`, metric(names.clientErrors, { Statistic: 'Average' }), alarms.clientErrorRate, alarms);
    if (alarms.p99LatencyMs !== undefined) addAlarm(ctx, 'latency', `p99 latency above ${alarms.p99LatencyMs} ms`, metric('Latency', { ExtendedStatistic: 'p99' }), alarms.p99LatencyMs, alarms);
  }
  if (alarms.throttledRequests !== undefined) addThrottleAlarm(ctx, alarms, alarms.throttledRequests);
}

function addRouteAlarms(ctx: UnitContext, route: Route, alarms: RouteAlarms, timing: Timing): void {
  const dims = [...apiDimensions(ctx), ...routeDimensions(route)];
  const names = metricNames(ctx);
  const what = `${route.method} ${route.gatewayPath}`;
  const metric = (name: string, statistic: Record<string, string>): Watched => ({ metric: { Namespace: 'AWS/ApiGateway', MetricName: name, Dimensions: dims, ...statistic } });
  if (alarms.serverErrorRate !== undefined) addAlarm(ctx, `${route.id} server errors`, `${what}: 5XX responses above ${percent(alarms.serverErrorRate)} of requests`, metric(names.serverErrors, { Statistic: 'Average' }), alarms.serverErrorRate, timing);
  if (alarms.clientErrorRate !== undefined) addAlarm(ctx, `${route.id} client errors`, `${what}: 4XX responses above ${percent(alarms.clientErrorRate)} of requests`, metric(names.clientErrors, { Statistic: 'Average' }), alarms.clientErrorRate, timing);
  if (alarms.p99LatencyMs !== undefined) addAlarm(ctx, `${route.id} latency`, `${what}: p99 latency above ${alarms.p99LatencyMs} ms`, metric('Latency', { ExtendedStatistic: 'p99' }), alarms.p99LatencyMs, timing);
}

/** The WebSocket route's own metrics, as the API's alarms watch the whole API's. */
function addMessageRouteAlarms(ctx: UnitContext, route: MessageRoute, alarms: RouteAlarms, timing: Timing): void {
  const dims = [...apiDimensions(ctx), ...messageRouteDimensions(route)];
  const what = `route ${route.routeKey}`;
  if (alarms.serverErrorRate !== undefined) {
    addAlarm(ctx, `${route.id} server errors`, `${what}: integration errors and failed integration calls above ${percent(alarms.serverErrorRate)} of connections and messages`, webSocketRate(dims, ['IntegrationError', 'ExecutionError'], timing), alarms.serverErrorRate, timing);
  }
  if (alarms.clientErrorRate !== undefined) {
    addAlarm(ctx, `${route.id} client errors`, `${what}: requests refused by the gateway above ${percent(alarms.clientErrorRate)} of connections and messages`, webSocketRate(dims, ['ClientError'], timing), alarms.clientErrorRate, timing);
  }
  if (alarms.p99LatencyMs !== undefined) {
    addAlarm(ctx, `${route.id} latency`, `${what}: p99 integration latency above ${alarms.p99LatencyMs} ms`, { metric: { Namespace: 'AWS/ApiGateway', MetricName: 'IntegrationLatency', Dimensions: dims, ExtendedStatistic: 'p99' } }, alarms.p99LatencyMs, timing);
  }
}

/**
 * A WebSocket error rate: the errors counted by `errorMetrics` over the connections and
 * messages of the period, all with the dimensions `dims` (the API's, or one route's).
 * `MessageCount` also counts messages sent to clients, so the rate errs low when the API
 * pushes many messages; a period without traffic is 0, not missing.
 */
function webSocketRate(dims: readonly { Name: string; Value: CfnValue }[], errorMetrics: readonly string[], timing: Timing): Watched {
  const stat = (id: string, name: string): CfnValue => ({
    Id: id,
    MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName: name, Dimensions: dims }, Period: timing.periodS, Stat: 'Sum' },
    ReturnData: false,
  });
  const errors = errorMetrics.map((name) => ({ id: name.charAt(0).toLowerCase() + name.slice(1), name }));
  const errorSum = errors.map((e) => `FILL(${e.id}, 0)`).join(' + ');
  return {
    metrics: [
      { Id: 'rate', Expression: `IF(FILL(connects, 0) + FILL(messages, 0) > 0, (${errorSum}) / (FILL(connects, 0) + FILL(messages, 0)), 0)`, Label: `${errorMetrics.join(' + ')} per connection or message`, ReturnData: true },
      ...errors.map((e) => stat(e.id, e.name)),
      stat('connects', 'ConnectCount'),
      stat('messages', 'MessageCount'),
    ],
  };
}

function addThrottleAlarm(ctx: UnitContext, timing: Timing, threshold: number): void {
  const stage = primaryStage(ctx.api);
  if (stage.accessLog?.format !== 'json') {
    ctx.template.report(
      diagnostic(
        'template-alarm-needs-metrics',
        `The throttled-requests alarm counts status 429 in the access log: set logging.access: json on stage "${stage.name}".`,
        ctx.api.gateway.alarms?.origin ?? stage.origin,
      ),
    );
    return;
  }
  const namespace = sub('gatewright/${AWS::StackName}');
  ctx.template.add(ctx.template.ids.get('MetricFilter', 'throttled requests'), {
    Type: 'AWS::Logs::MetricFilter',
    Properties: {
      LogGroupName: ref(ctx.names.logGroup(stage.name)),
      FilterPattern: '{ $.status = 429 }',
      MetricTransformations: [{ MetricNamespace: namespace, MetricName: 'ThrottledRequests', MetricValue: '1', DefaultValue: 0 }],
    },
  });
  const what = ctx.api.kind === 'websocket' ? 'connections and messages' : 'requests';
  addAlarm(ctx, 'throttled requests', `more than ${threshold} ${what} throttled (429) in ${timing.periodS} s`, { metric: { Namespace: namespace, MetricName: 'ThrottledRequests', Statistic: 'Sum' } }, threshold, timing);
}

function addAlarm(ctx: UnitContext, name: string, description: string, watched: Watched, threshold: number, timing: Timing): void {
  const actions = timing.actions.map(deployValue);
  ctx.template.add(ctx.template.ids.get('Alarm', name), {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: `${ctx.api.name} (${primaryStage(ctx.api).name}): ${description}`,
      ...('metric' in watched ? { ...watched.metric, Period: timing.periodS } : { Metrics: watched.metrics }),
      EvaluationPeriods: timing.evaluationPeriods,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      ...(actions.length > 0 ? { AlarmActions: actions } : {}),
    },
  });
}

function percent(fraction: number): string {
  return `${fraction * 100}%`;
}

/** REST metrics are keyed by API name, HTTP and WebSocket metrics by API id. */
export function apiDimensions(ctx: UnitContext): { Name: string; Value: CfnValue }[] {
  const stage = primaryStage(ctx.api).name;
  return ctx.api.kind === 'rest'
    ? [{ Name: 'ApiName', Value: ctx.api.name }, { Name: 'Stage', Value: stage }]
    : [{ Name: 'ApiId', Value: ref(ctx.names.api) }, { Name: 'Stage', Value: stage }];
}

/** The dimensions that narrow an API's metrics to one method (REST) or route (HTTP). */
export function routeDimensions(route: Pick<Route, 'gatewayPath' | 'method'>): { Name: string; Value: string }[] {
  return [{ Name: 'Resource', Value: route.gatewayPath }, { Name: 'Method', Value: route.method }];
}

/** The dimension that narrows a WebSocket API's metrics to one route. */
export function messageRouteDimensions(route: Pick<MessageRoute, 'routeKey'>): { Name: string; Value: string }[] {
  return [{ Name: 'Route', Value: route.routeKey }];
}

export function metricNames(ctx: UnitContext): { serverErrors: string; clientErrors: string } {
  return ctx.api.kind === 'rest' ? { serverErrors: '5XXError', clientErrors: '4XXError' } : { serverErrors: '5xx', clientErrors: '4xx' };
}

/**
 * CloudWatch alarms on the primary stage: server and client error rates, p99 latency and
 * throttled requests for the API, and error rates and latency per operation where the
 * spec asks.
 *
 * API Gateway publishes no throttling metric, so throttled requests are counted from the
 * stage's JSON access log (status 429, which also covers exhausted usage-plan quotas).
 */
import { diagnostic } from '../../../../diagnostics/codes.js';
import type { ApiAlarms, Route, RouteAlarms } from '../../../../ir/types.js';
import { deployValue, ref, sub, type CfnValue } from '../../cfn.js';
import { primaryStage, type UnitContext } from '../context.js';

export function addAlarms(ctx: UnitContext): void {
  const alarms = ctx.api.gateway.alarms;
  const routeAlarms = ctx.api.routes.filter((r) => r.alarms && r.shadowedBy === undefined);
  if (!alarms && routeAlarms.length === 0) return;
  if (ctx.api.kind === 'websocket') {
    ctx.template.report(diagnostic('template-feature-unsupported', 'gatewright does not yet create CloudWatch alarms for WebSocket APIs; the alarms are left out.', alarms?.origin ?? ctx.api.gateway.origin));
    return;
  }
  const settings = alarms ?? { periodS: 60, evaluationPeriods: 5, actions: [] };
  if (alarms) addApiAlarms(ctx, alarms);
  const stage = primaryStage(ctx.api);
  if (routeAlarms.length > 0 && !stage.detailedMetrics) {
    ctx.template.report(
      diagnostic(
        'template-alarm-needs-metrics',
        `Operation alarms need per-method metrics: set metrics: true on stage "${stage.name}", or the alarms never see data.`,
        stage.origin,
      ),
    );
  }
  for (const route of routeAlarms) if (route.alarms) addRouteAlarms(ctx, route, route.alarms, settings);
}

type Timing = Pick<ApiAlarms, 'periodS' | 'evaluationPeriods' | 'actions'>;

function addApiAlarms(ctx: UnitContext, alarms: ApiAlarms): void {
  const dims = apiDimensions(ctx);
  const names = metricNames(ctx);
  if (alarms.serverErrorRate !== undefined) addAlarm(ctx, 'server errors', `5XX responses above ${alarms.serverErrorRate * 100}% of requests`, { MetricName: names.serverErrors, Dimensions: dims, Statistic: 'Average' }, alarms.serverErrorRate, alarms);
  if (alarms.clientErrorRate !== undefined) addAlarm(ctx, 'client errors', `4XX responses above ${alarms.clientErrorRate * 100}% of requests`, { MetricName: names.clientErrors, Dimensions: dims, Statistic: 'Average' }, alarms.clientErrorRate, alarms);
  if (alarms.p99LatencyMs !== undefined) addAlarm(ctx, 'latency', `p99 latency above ${alarms.p99LatencyMs} ms`, { MetricName: 'Latency', Dimensions: dims, ExtendedStatistic: 'p99' }, alarms.p99LatencyMs, alarms);
  if (alarms.throttledRequests !== undefined) addThrottleAlarm(ctx, alarms, alarms.throttledRequests);
}

function addRouteAlarms(ctx: UnitContext, route: Route, alarms: RouteAlarms, timing: Timing): void {
  const dims = [...apiDimensions(ctx), { Name: 'Resource', Value: route.gatewayPath }, { Name: 'Method', Value: route.method }];
  const names = metricNames(ctx);
  const what = `${route.method} ${route.gatewayPath}`;
  if (alarms.serverErrorRate !== undefined) addAlarm(ctx, `${route.id} server errors`, `${what}: 5XX responses above ${alarms.serverErrorRate * 100}% of requests`, { MetricName: names.serverErrors, Dimensions: dims, Statistic: 'Average' }, alarms.serverErrorRate, timing);
  if (alarms.clientErrorRate !== undefined) addAlarm(ctx, `${route.id} client errors`, `${what}: 4XX responses above ${alarms.clientErrorRate * 100}% of requests`, { MetricName: names.clientErrors, Dimensions: dims, Statistic: 'Average' }, alarms.clientErrorRate, timing);
  if (alarms.p99LatencyMs !== undefined) addAlarm(ctx, `${route.id} latency`, `${what}: p99 latency above ${alarms.p99LatencyMs} ms`, { MetricName: 'Latency', Dimensions: dims, ExtendedStatistic: 'p99' }, alarms.p99LatencyMs, timing);
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
  addAlarm(ctx, 'throttled requests', `more than ${threshold} requests throttled (429) in ${timing.periodS} s`, { Namespace: namespace, MetricName: 'ThrottledRequests', Statistic: 'Sum' }, threshold, timing);
}

function addAlarm(ctx: UnitContext, name: string, description: string, metric: Record<string, CfnValue>, threshold: number, timing: Timing): void {
  const actions = timing.actions.map(deployValue);
  ctx.template.add(ctx.template.ids.get('Alarm', name), {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: `${ctx.api.name} (${primaryStage(ctx.api).name}): ${description}`,
      Namespace: 'AWS/ApiGateway',
      ...metric,
      Period: timing.periodS,
      EvaluationPeriods: timing.evaluationPeriods,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      ...(actions.length > 0 ? { AlarmActions: actions } : {}),
    },
  });
}

/** REST metrics are keyed by API name, HTTP metrics by API id. */
export function apiDimensions(ctx: UnitContext): { Name: string; Value: CfnValue }[] {
  const stage = primaryStage(ctx.api).name;
  return ctx.api.kind === 'rest'
    ? [{ Name: 'ApiName', Value: ctx.api.name }, { Name: 'Stage', Value: stage }]
    : [{ Name: 'ApiId', Value: ref(ctx.names.api) }, { Name: 'Stage', Value: stage }];
}

export function metricNames(ctx: UnitContext): { serverErrors: string; clientErrors: string } {
  return ctx.api.kind === 'rest' ? { serverErrors: '5XXError', clientErrors: '4XXError' } : { serverErrors: '5xx', clientErrors: '4xx' };
}


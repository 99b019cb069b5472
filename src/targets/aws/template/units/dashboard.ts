/**
 * A CloudWatch dashboard of the primary stage: traffic, errors and latency, and per
 * operation (WebSocket: per route) latency and errors when the stage has per-method or
 * per-route metrics.
 *
 * The body is JSON text with the region and API id in it; it is joined (`Fn::Join`) from
 * literal text and references rather than substituted, so spec text in it is never read
 * as `Fn::Sub` syntax.
 */
import { ref, type CfnValue } from '../../cfn.js';
import { primaryStage, type UnitContext } from '../context.js';
import { apiDimensions, messageRouteDimensions, metricNames, routeDimensions } from './alarms.js';

export function addDashboard(ctx: UnitContext): void {
  if (!ctx.api.gateway.dashboard) return;
  const stage = primaryStage(ctx.api);
  const token = placeholderToken(ctx);
  const region = `${token}region`;
  const apiId = `${token}api`;
  const dims = apiDimensions(ctx).flatMap((d) => [d.Name, typeof d.Value === 'string' ? d.Value : apiId]);
  const metric = (name: string, options: Record<string, string>): unknown[] => ['AWS/ApiGateway', name, ...dims, options];
  const names = metricNames(ctx);
  const routeMetric = (route: Parameters<typeof messageRouteDimensions>[0], name: string, options: Record<string, string>): unknown[] => [
    'AWS/ApiGateway',
    name,
    ...dims,
    ...messageRouteDimensions(route).flatMap((d) => [d.Name, d.Value]),
    options,
  ];
  const widget = (title: string, metrics: unknown[][], index: number): unknown => ({
    type: 'metric',
    x: (index % 2) * 12,
    y: Math.floor(index / 2) * 6,
    width: 12,
    height: 6,
    properties: { title, region, view: 'timeSeries', stat: 'Sum', period: 60, metrics },
  });
  const widgets =
    ctx.api.kind === 'websocket'
      ? [
          widget('Connections and messages', [metric('ConnectCount', { stat: 'Sum' }), metric('MessageCount', { stat: 'Sum' })], 0),
          widget('Errors', [metric('ClientError', { stat: 'Sum' }), metric('IntegrationError', { stat: 'Sum' }), metric('ExecutionError', { stat: 'Sum' })], 1),
          widget('Integration latency', [metric('IntegrationLatency', { stat: 'p50' }), metric('IntegrationLatency', { stat: 'p99' })], 2),
          ...(stage.detailedMetrics
            ? [
                widget('p99 integration latency by route', ctx.api.messageRoutes.map((r) => routeMetric(r, 'IntegrationLatency', { stat: 'p99', label: r.routeKey })), 3),
                widget(
                  'Errors by route',
                  ctx.api.messageRoutes.flatMap((r) => [routeMetric(r, 'IntegrationError', { stat: 'Sum', label: `${r.routeKey} IntegrationError` }), routeMetric(r, 'ExecutionError', { stat: 'Sum', label: `${r.routeKey} ExecutionError` })]),
                  4,
                ),
              ]
            : []),
        ]
      : [
          widget('Requests', [metric('Count', { stat: 'Sum' })], 0),
          widget('Errors', [metric(names.clientErrors, { stat: 'Sum' }), metric(names.serverErrors, { stat: 'Sum' })], 1),
          widget('Latency', [metric('Latency', { stat: 'p50' }), metric('Latency', { stat: 'p99' }), metric('IntegrationLatency', { stat: 'p99' })], 2),
          ...(stage.detailedMetrics
            ? [
                widget(
                  'p99 latency by operation',
                  ctx.api.routes
                    .filter((r) => r.shadowedBy === undefined)
                    .map((r) => ['AWS/ApiGateway', 'Latency', ...dims, ...routeDimensions(r).flatMap((d) => [d.Name, d.Value]), { stat: 'p99', label: r.id }]),
                  3,
                ),
              ]
            : []),
        ];
  const text = JSON.stringify({ widgets });
  const parts: CfnValue[] = text.split(new RegExp(`(${region}|${apiId})`)).map((part) => (part === region ? ref('AWS::Region') : part === apiId ? ref(ctx.names.api) : part));
  ctx.template.add(ctx.template.ids.fixed('ApiDashboard'), {
    Type: 'AWS::CloudWatch::Dashboard',
    Properties: { DashboardBody: { 'Fn::Join': ['', parts.filter((p) => p !== '')] } },
  });
}

/** A marker that occurs in no spec text the dashboard shows, so only our markers become references. */
function placeholderToken(ctx: UnitContext): string {
  const shown = JSON.stringify([ctx.api.name, ctx.api.gateway.stages.map((s) => s.name), ctx.api.routes.map((r) => [r.id, r.gatewayPath]), ctx.api.messageRoutes.map((r) => r.routeKey)]);
  let n = 0;
  while (shown.includes(`__gw${n}_`)) n++;
  return `__gw${n}_`;
}

/**
 * Checks that the alarms and dashboards of a template watch metrics API Gateway publishes:
 * each `AWS/ApiGateway` metric with a set of dimensions that CloudWatch's metric catalogue
 * (npm `@aws-cdk/aws-service-spec`, the dimension sets of each metric) or the developer
 * guide lists for it. An alarm on a dimension set nobody publishes deploys fine and never
 * sees data, so nothing but a check like this one notices.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { ApiKind } from '../../src/ir/types.js';
import type { Template } from './cfn-spec.js';

/**
 * The developer guide's dimension tables, per kind of API: "Amazon API Gateway dimensions
 * and metrics" (REST), "Monitor CloudWatch metrics for HTTP APIs in API Gateway" (HTTP) and
 * "Monitor WebSocket API execution with CloudWatch metrics" (WebSocket). The catalogue lacks
 * some of these (it lists `4xx` by `ApiId` alone); the WebSocket page's per-route row
 * (`ApiId, Method, Resource, Stage`) is left out, since a WebSocket route has neither a
 * method nor a path: the catalogue's `ApiId, Stage, Route` is the per-route set.
 */
const documented: Record<ApiKind, { metrics: readonly string[]; dimensionSets: readonly (readonly string[])[] }> = {
  rest: { metrics: ['4XXError', '5XXError', 'CacheHitCount', 'CacheMissCount', 'Count', 'IntegrationLatency', 'Latency'], dimensionSets: [['ApiName'], ['ApiName', 'Stage'], ['ApiName', 'Method', 'Resource', 'Stage']] },
  http: { metrics: ['4xx', '5xx', 'Count', 'IntegrationLatency', 'Latency', 'DataProcessed'], dimensionSets: [['ApiId'], ['ApiId', 'Stage'], ['ApiId', 'Method', 'Resource', 'Stage']] },
  websocket: { metrics: ['ConnectCount', 'MessageCount', 'IntegrationError', 'ClientError', 'ExecutionError', 'IntegrationLatency'], dimensionSets: [['ApiId'], ['ApiId', 'Stage']] },
};

let catalogue: Map<string, Set<string>> | undefined;

/** `metric name` → its dimension sets in the catalogue, each as sorted names joined by `,`. */
function catalogueSets(): Map<string, Set<string>> {
  if (catalogue) return catalogue;
  const db = loadAwsServiceSpecSync();
  catalogue = new Map();
  for (const metric of db.all('metric')) {
    if (metric.namespace !== 'AWS/ApiGateway') continue;
    const sets = catalogue.get(metric.name) ?? new Set<string>();
    for (const link of db.follow('usesDimensionSet', metric)) sets.add(key(link.entity.dimensions.map((d) => d.name)));
    catalogue.set(metric.name, sets);
  }
  return catalogue;
}

function key(names: readonly string[]): string {
  return [...names].sort().join(',');
}

/** Whether API Gateway publishes `metric` of an API of `kind` with exactly these dimensions. */
export function isPublished(kind: ApiKind, metric: string, dimensionNames: readonly string[]): boolean {
  const wanted = key(dimensionNames);
  const table = documented[kind];
  if (table.metrics.includes(metric) && table.dimensionSets.some((set) => key(set) === wanted)) return true;
  return catalogueSets().get(metric)?.has(wanted) ?? false;
}

export interface WatchedMetric {
  /** Where in the template: `AlarmId` or `ApiDashboard: widget title`. */
  readonly where: string;
  readonly metric: string;
  readonly dimensions: Readonly<Record<string, unknown>>;
}

/** Every `AWS/ApiGateway` metric the template's alarms and dashboard watch. */
export function watchedMetrics(template: Template): WatchedMetric[] {
  const found: WatchedMetric[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    const props = resource.Properties ?? {};
    if (resource.Type === 'AWS::CloudWatch::Alarm') {
      const metrics = [props as Record<string, unknown>, ...((props['Metrics'] as { MetricStat?: { Metric: Record<string, unknown> } }[] | undefined) ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []))];
      for (const m of metrics) {
        if (m['Namespace'] !== 'AWS/ApiGateway') continue;
        const dimensions = Object.fromEntries(((m['Dimensions'] as { Name: string; Value: unknown }[] | undefined) ?? []).map((d) => [d.Name, d.Value]));
        found.push({ where: id, metric: String(m['MetricName']), dimensions });
      }
    }
    if (resource.Type === 'AWS::CloudWatch::Dashboard') {
      const body = props['DashboardBody'] as string | { 'Fn::Join': [string, unknown[]] };
      const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'REFERENCE')).join('');
      const widgets = (JSON.parse(text) as { widgets: { properties: { title: string; metrics?: unknown[][] } }[] }).widgets;
      for (const widget of widgets) {
        for (const row of widget.properties.metrics ?? []) {
          const [namespace, metric, ...rest] = row;
          if (namespace !== 'AWS/ApiGateway') continue;
          const pairs = rest.filter((v) => typeof v === 'string') as string[];
          const dimensions: Record<string, unknown> = {};
          for (let i = 0; i + 1 < pairs.length; i += 2) dimensions[pairs[i]!] = pairs[i + 1];
          found.push({ where: `${id}: ${widget.properties.title}`, metric: String(metric), dimensions });
        }
      }
    }
  }
  return found;
}

/** Metrics the template watches that API Gateway does not publish with those dimensions, as `where: metric by A, B`. */
export function unpublishedMetrics(template: Template, kind: ApiKind): string[] {
  return watchedMetrics(template)
    .filter((m) => !isPublished(kind, m.metric, Object.keys(m.dimensions)))
    .map((m) => `${m.where}: ${m.metric} by ${Object.keys(m.dimensions).join(', ')}`);
}

/**
 * Logical ids of the resources units refer to across concerns (functions, roles, stages,
 * log groups), decided once before any unit runs, so every unit and the API Gateway
 * document agree on them.
 */
import type { Api } from '../../../ir/types.js';
import type { TemplateBuilder } from './builder.js';

export interface TemplateNames {
  readonly api: string;
  function(handler: string): string;
  /** The role created for a route's AWS service integration (routes that name no role of their own). */
  integrationRole(routeId: string): string;
  stage(stage: string): string;
  logGroup(stage: string): string;
}

export function decideNames(api: Api, builder: TemplateBuilder): TemplateNames {
  const apiId = builder.ids.fixed('Api');
  const functions = new Map(api.handlers.map((h) => [h.name, builder.ids.get('Function', h.name)]));
  const stages = new Map(api.gateway.stages.map((s) => [s.name, builder.ids.get('Stage', s.name === '$default' ? 'default' : s.name)]));
  const logGroups = new Map(api.gateway.stages.map((s) => [s.name, builder.ids.get('AccessLogs', s.name === '$default' ? 'default' : s.name)]));
  const roles = new Map(
    api.routes
      .filter((r) => r.integration.type === 'aws' && r.integration.roleArn === undefined && r.shadowedBy === undefined)
      .map((r) => [r.id, builder.ids.get('IntegrationRole', r.id)]),
  );
  const known = (map: Map<string, string>, key: string, what: string): string => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`no ${what} named ${key}`);
    return id;
  };
  return {
    api: apiId,
    function: (handler) => known(functions, handler, 'handler'),
    integrationRole: (routeId) => known(roles, routeId, 'route with a created integration role'),
    stage: (stage) => known(stages, stage, 'stage'),
    logGroup: (stage) => known(logGroups, stage, 'stage'),
  };
}

/** Outputs: the API id, the URL of every stage (and of the custom domain), and API key ids. */
import { escapeSub, ref, sub } from '../../cfn.js';
import { pascal } from '../../logical-ids.js';
import type { UnitContext } from '../context.js';
import { apiKeyId } from './usage-plans.js';

export function addOutputs(ctx: UnitContext): void {
  const { api, template } = ctx;
  template.output('ApiId', { Description: `Id of the ${api.kind === 'rest' ? 'REST' : api.kind === 'http' ? 'HTTP' : 'WebSocket'} API ${api.name}`, Value: ref(ctx.names.api) });
  const scheme = api.kind === 'websocket' ? 'wss' : 'https';
  const used = new Set<string>();
  const unique = (base: string): string => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return name;
  };
  for (const stage of api.gateway.stages) {
    const path = stage.name === '$default' ? '' : `${escapeSub(stage.name)}${api.kind === 'websocket' ? '' : '/'}`;
    template.output(unique(`${pascal(stage.name) || 'Default'}StageUrl`), {
      Description: `URL of stage ${stage.name}`,
      Value: sub(`${scheme}://\${${ctx.names.api}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${path}`),
    });
  }
  if (api.gateway.domain) {
    const { name, basePath } = api.gateway.domain;
    template.output('CustomDomainUrl', { Description: 'URL of the API on its custom domain', Value: `${scheme}://${name}/${basePath}` });
  }
  const keys = [...new Set(api.gateway.usagePlans.flatMap((p) => p.apiKeys))];
  for (const key of keys) {
    template.output(unique(`${pascal(key)}ApiKeyId`), {
      Description: `Id of API key ${key}; read its value with: aws apigateway get-api-key --include-value --api-key <id>`,
      Value: ref(apiKeyId(ctx, key)),
    });
  }
}

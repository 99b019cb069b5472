import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-kind-features',
  family: 'apigateway',
  summary: 'Settings that exist only for some kinds of API are not used on the others (beyond what the compiler refuses).',
  docs: {
    why: 'HTTP APIs validate nothing at the gateway, so `defaults.validation` there is silently ignored and requests reach handlers unchecked by the gateway (WebSocket APIs check message bodies against route models, so the setting means something there). (Caching, usage plans, per-operation validation, authorizer kinds, custom domain endpoints and TLS versions are checked by the compiler as `x-gateway-kind-mismatch`.)',
    bad: `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
  defaults: {validation: all}
paths: {}
`,
    good: `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
paths: {}
`,
  },
  check({ api, spec, report }) {
    if (api.kind === 'rest') return;
    const kind = api.kind === 'http' ? 'HTTP APIs' : 'WebSocket APIs';
    // The IR drops this setting for HTTP APIs, so read what was written.
    const validationOrigin = below(api.gateway.origin, 'defaults', 'validation');
    const validation = spec.at(validationOrigin);
    if (api.kind === 'http' && validation !== undefined && validation !== 'none') {
      report({
        message: `${kind} do not validate requests at the gateway, so defaults.validation: ${JSON.stringify(validation)} is ignored and only the generated handlers check requests. Remove it, or use kind: rest.`,
        origin: validationOrigin,
      });
    }
  },
};

import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-kind-features',
  family: 'apigateway',
  summary: 'Settings that exist only for some kinds of API are not used on the others (beyond what the compiler refuses).',
  docs: {
    why: 'Request validation is a REST feature, so `defaults.validation` on another kind of API is silently ignored and requests reach handlers unchecked by the gateway. (Caching, usage plans, per-operation validation, authorizer kinds and custom domain endpoints and TLS versions are checked by the compiler as `x-gateway-kind-mismatch`.)',
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
    // The IR drops this setting for kinds that cannot have it, so read what was written.
    const validationOrigin = below(api.gateway.origin, 'defaults', 'validation');
    const validation = spec.at(validationOrigin);
    if (validation !== undefined && validation !== 'none') {
      report({
        message: `${kind} do not validate requests at the gateway, so defaults.validation: ${JSON.stringify(validation)} is ignored and only the generated handlers check requests. Remove it, or use kind: rest.`,
        origin: validationOrigin,
      });
    }
  },
};

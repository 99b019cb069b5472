import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-kind-features',
  family: 'apigateway',
  summary: 'Settings that exist only for some kinds of API are not used on the others (beyond what the compiler refuses).',
  docs: {
    why: 'HTTP and WebSocket APIs have only Regional custom domains, and HTTP APIs only TLS 1.2: an edge domain or a TLS 1.0 policy there fails at deploy. Request validation is a REST feature, so `defaults.validation` on another kind of API is silently ignored and requests reach handlers unchecked by the gateway. (Caching, usage plans, per-operation validation and authorizer kinds are checked by the compiler as `x-gateway-kind-mismatch`.)',
    bad: `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
  domain: {name: notes.example.com, certificateArn: {parameter: CertificateArn}, endpoint: edge}
paths: {}
`,
    good: `openapi: 3.0.3
info: {title: Notes, version: '1'}
x-gateway:
  kind: http
  domain: {name: notes.example.com, certificateArn: {parameter: CertificateArn}, endpoint: regional}
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
    const domain = api.gateway.domain;
    if (!domain) return;
    if (domain.endpoint === 'edge') {
      report({ message: `${kind} have only Regional custom domains; set domain.endpoint: regional (put CloudFront in front yourself if you need the edge).`, origin: below(domain.origin, 'endpoint') });
    }
    if (domain.securityPolicy === 'TLS_1_0' && api.kind === 'http') {
      report({ message: `${kind} accept only TLS 1.2 on custom domains; set domain.securityPolicy: TLS_1_2.`, origin: below(domain.origin, 'securityPolicy') });
    }
  },
};

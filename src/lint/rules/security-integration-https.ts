import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'security-integration-https',
  family: 'security',
  summary: 'HTTP integrations call their backend over HTTPS.',
  docs: {
    why: 'Clients reach API Gateway over TLS, but an `http://` integration sends their requests, credentials and data on to the backend in clear text, across networks you do not control.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /stock:
    get:
      operationId: getStock
      x-gateway: {http: {uri: 'http://inventory.example.com/stock'}}
      responses: {'200': {description: Stock levels.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /stock:
    get:
      operationId: getStock
      x-gateway: {http: {uri: 'https://inventory.example.com/stock'}}
      responses: {'200': {description: Stock levels.}}
`,
  },
  check({ api, report }) {
    const seen = new Set<string>();
    for (const route of [...api.routes, ...api.messageRoutes]) {
      const integration = route.integration;
      if (integration.type !== 'http' || !/^http:\/\//i.test(integration.uri)) continue;
      const origin = below(integration.origin, 'uri');
      const key = `${origin.file}#${origin.pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({ message: `This integration sends requests to ${integration.uri} in clear text; use https:// (API Gateway checks the backend's certificate).`, origin });
    }
  },
};

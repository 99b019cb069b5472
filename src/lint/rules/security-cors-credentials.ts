import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'security-cors-credentials',
  family: 'security',
  summary: 'CORS never allows credentials together with any origin (`*`).',
  docs: {
    why: 'With credentials allowed, a browser sends the user\'s cookies and Authorization header on cross-origin calls. Browsers refuse `Access-Control-Allow-Origin: *` with credentials, and HTTP APIs refuse to deploy it; reflecting every origin instead hands the user\'s session to any website. List the origins that may call with credentials.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  cors: {origins: ['*'], credentials: true}
paths: {}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  cors: {origins: ['https://shop.example.com'], credentials: true}
paths: {}
`,
  },
  check({ api, report }) {
    const cors = api.gateway.cors;
    if (cors?.credentials && cors.origins.includes('*')) {
      report({
        message: 'CORS allows credentials from any origin ("*"): browsers refuse that combination (HTTP APIs refuse to deploy it), and reflecting every origin would hand users\' sessions to any website. List the origins that may call with credentials, or set credentials: false.',
        origin: below(cors.origin, 'origins', cors.origins.indexOf('*')),
      });
    }
    for (const response of api.gateway.gatewayResponses) {
      const headers = lowerKeys(response.headers);
      if (allowsAnyOriginWithCredentials(headers)) {
        report({
          message: `The gateway response ${response.type} sends Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true, which browsers refuse; send the calling origin or drop credentials.`,
          origin: below(api.gateway.origin, 'gatewayResponses', response.type, 'headers'),
        });
      }
    }
    for (const route of api.routes) {
      if (route.integration.type !== 'mock') continue;
      const headers = lowerKeys(route.integration.headers);
      if (allowsAnyOriginWithCredentials(headers)) {
        report({
          message: 'This mock answers Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true, which browsers refuse; send a listed origin or drop credentials.',
          origin: below(route.integration.origin, 'headers'),
        });
      }
    }
  },
};

function lowerKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * Header values in the IR are the literal text sent (back ends quote them as static values),
 * compared as browsers do: the origin must be exactly `*`, credentials exactly `true`.
 */
function allowsAnyOriginWithCredentials(headers: Readonly<Record<string, string>>): boolean {
  return headers['access-control-allow-origin']?.trim() === '*' && headers['access-control-allow-credentials']?.trim() === 'true';
}

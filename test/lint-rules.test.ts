import { describe, expect, test } from 'vitest';
import { codes } from '../src/diagnostics/codes.js';
import type { LintRule } from '../src/lint/rule.js';
import { rules } from '../src/lint/rules/index.js';
import { lintText } from './helpers/lint.js';

/**
 * Each rule's docs carry a spec that breaks it and the same spec fixed; docs/lint.md is
 * rendered from them. Here both run with every rule on: the bad one must report the rule
 * first at this pointer and line:col, the good one must not report it at all.
 */
const firstProblem: [string, { pointer: string; at: string }][] = [
  ['operation-id', { pointer: '/paths/~1orders/get', at: '5:5' }],
  ['operation-id-identifier', { pointer: '/paths/~1orders/get/operationId', at: '6:20' }],
  ['path-overlap', { pointer: '/paths/~1admins~1{id}', at: '9:3' }],
  ['operation-success-response', { pointer: '/paths/~1orders/post/responses', at: '8:9' }],
  ['response-status-code', { pointer: '/paths/~1orders~1{id}/delete/responses/204/content', at: '11:11' }],
  ['example-valid', { pointer: '/paths/~1orders/get/parameters/0/schema/default', at: '8:83' }],
  ['schema-enum-type', { pointer: '/components/schemas/Priority/enum/2', at: '6:44' }],
  ['schema-required-defined', { pointer: '/components/schemas/Customer/required/0', at: '8:18' }],
  ['x-gateway-stage-variable', { pointer: '/paths/~1stock/get/x-gateway/http/uri', at: '12:21' }],
  ['x-gateway-integration-parameter', { pointer: '/paths/~1orders~1{orderId}/get/x-gateway/http/requestParameters/integration.request.header.x-tenant', at: '12:68' }],
  ['x-gateway-api-key-usage-plan', { pointer: '/x-gateway/stages/staging', at: '4:22' }],
  ['x-gateway-usage-plan-unused', { pointer: '/x-gateway/usagePlans/partners', at: '5:5' }],
  ['x-gateway-handler-timeout', { pointer: '/x-gateway/handlers/reports/timeoutS', at: '5:25' }],
  ['apigw-model-keywords', { pointer: '/paths/~1events/post/requestBody/content/application~1json/schema/dependentRequired', at: '13:15' }],
  ['apigw-openapi-31', { pointer: '/webhooks', at: '4:1' }],
  ['apigw-path-names', { pointer: '/paths/~1ping', at: '6:3' }],
  ['apigw-quotas', { pointer: '/x-gateway/stages/prod/throttle', at: '5:22' }],
  ['apigw-integration-timeout', { pointer: '/paths/~1reports/post/x-gateway/lambda/timeoutMs', at: '8:57' }],
  ['apigw-payload-size', { pointer: '/paths/~1files/post/requestBody/content/application~1octet-stream/schema/maxLength', at: '11:63' }],
  ['apigw-binary-media-types', { pointer: '/paths/~1images/post/requestBody/content/image~1png', at: '9:11' }],
  ['apigw-kind-features', { pointer: '/x-gateway/domain/endpoint', at: '5:92' }],
  ['apigw-endpoint-reachable', { pointer: '/x-gateway/endpoint', at: '4:13' }],
  ['apigw-cache-cluster', { pointer: '/paths/~1products/get/x-gateway/cache', at: '9:40' }],
  ['security-defined', { pointer: '/paths/~1orders/get', at: '5:5' }],
  ['security-credentials-in-query', { pointer: '/paths/~1orders/get/parameters/0/name', at: '8:18' }],
  ['security-cors-credentials', { pointer: '/x-gateway/cors/origins/0', at: '4:20' }],
  ['security-authorizer-cache', { pointer: '/components/securitySchemes/tenantAuth/x-gateway/lambdaAuthorizer/identitySources', at: '16:91' }],
  ['security-response-cache', { pointer: '/paths/~1orders/get/x-gateway/cache', at: '10:26' }],
  ['security-public-throttle', { pointer: '/paths/~1products/get', at: '7:5' }],
  ['security-secrets', { pointer: '/x-gateway/handlers/orders/environment/PAYMENT_API_KEY', at: '6:38' }],
  ['security-integration-https', { pointer: '/paths/~1stock/get/x-gateway/http/uri', at: '7:31' }],
  ['operation-summary', { pointer: '/paths/~1orders/get', at: '5:5' }],
  ['operation-tags', { pointer: '/paths/~1orders/get/tags/0', at: '9:14' }],
  ['unused-components', { pointer: '/components/schemas/OrderV1', at: '6:5' }],
  ['server-url', { pointer: '/servers/0/url', at: '4:10' }],
];

const byId = new Map<string, LintRule>(rules.map((rule) => [rule.id, rule]));

describe('every rule, on the bad and good specs of its docs', () => {
  test('the table covers every rule, in the order of the rule list', () => {
    expect(firstProblem.map(([id]) => id)).toEqual(rules.map((rule) => rule.id));
  });

  test.each(firstProblem)('%s', (id, want) => {
    const rule = byId.get(id) as LintRule;
    const bad = lintText(rule.docs.bad);
    const found = bad.filter((d) => d.code === id);
    expect(found[0], JSON.stringify(bad, null, 1)).toMatchObject({ pointer: want.pointer, at: want.at });
    // The examples are otherwise sound specs: the compiler has nothing to refuse in them.
    expect(bad.filter((d) => d.code in codes && d.severity === 'error')).toEqual([]);
    const good = lintText(rule.docs.good);
    expect(good.filter((d) => d.code === id || (d.code in codes && d.severity === 'error'))).toEqual([]);
  });
});

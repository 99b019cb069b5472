import fc from 'fast-check';
import semver from 'semver';
import { expect, test } from 'vitest';
import { packageVersion, planSdk } from '../src/targets/sdk-ts/plan.js';
import { apiOf } from './helpers/apigw.js';

// npm takes only semver as a package's version; semver (npm's own parser) is the judge. It
// also takes a leading `v` and keeps build metadata out of `.version`; the package writes neither form.
const isValid = (version: string): boolean => !version.startsWith('v') && semver.parse(version)?.version === version.split('+')[0];

test.each([
  ['semver as it is', { given: '2.4.1', want: '2.4.1' }],
  ['prerelease and build metadata kept', { given: '1.0.0-rc.1+build.5', want: '1.0.0-rc.1+build.5' }],
  ['a leading v dropped', { given: 'v3.0.0', want: '3.0.0' }],
  ['major.minor filled up', { given: '1.0', want: '1.0.0' }],
  ['major alone filled up', { given: 'v2', want: '2.0.0' }],
  ['a date', { given: '2024-01-01', want: '0.0.0-2024-01-01' }],
  ["Stripe's info.version", { given: 'Wed Oct 15 2025 13:53:19 GMT+0000 (Coordinated Universal Time)', want: '0.0.0-Wed-Oct-15-2025-13-53-19-GMT-0000-Coordinated-Universal-Time' }],
  ['leading zeros in numeric identifiers', { given: '01.002.3', want: '0.0.0-1.2.3' }],
  ['a major beyond safe integers', { given: '99999999999999999999.0.0', want: '0.0.0-99999999999999999999.0.0' }],
  ['nothing usable', { given: ' (?) ', want: '0.0.0' }],
  ['empty', { given: '', want: '0.0.0' }],
])('package.json version: %s', (_name, { given, want }) => {
  expect(packageVersion(given)).toBe(want);
  expect(isValid(want)).toBe(true);
});

test('every API version gives a version npm accepts', () => {
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^v?\d{1,20}(\.\d{1,20}){0,3}([-+][\w.+-]{0,30})?$/)), (version) => isValid(packageVersion(version))));
  expect(isValid(packageVersion('x'.repeat(1000)))).toBe(true);
});

const keyedSpec = (apiKeySource: string): string => `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway: {kind: rest, apiKeySource: ${apiKeySource}, usagePlans: {basic: {apiKeys: [k]}}}
paths:
  /gated: {get: {operationId: gated, security: [{gate: [], key: []}], responses: {'200': {description: ok}}}}
  /keyed: {get: {operationId: keyed, security: [{key: []}], responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
    gate: {type: apiKey, in: header, name: X-Token, x-gateway: {lambdaAuthorizer: {handler: auth}}}
`;

test.each([
  ['keys from the header: callers give the API key, sent in x-api-key', { given: 'header', want: { schemes: ['key', 'gate'], gated: [['gate', 'key']], keyed: [['key']] } }],
  ['keys from the authorizer: callers give no API key; the authorizer supplies it', { given: 'authorizer', want: { schemes: ['gate'], gated: [['gate']], keyed: [[]] } }],
])('the SDK asks for an API key only where the gateway reads it from x-api-key: %s', (_name, { given, want }) => {
  const plan = planSdk(apiOf(keyedSpec(given)), { errors: 'throw', groupByTag: false });
  const security = (id: string) => plan.operations.find((o) => o.name === id)?.data.security;
  expect({ schemes: plan.schemes.map((s) => s.name), gated: security('gated'), keyed: security('keyed') }).toEqual(want);
});

/**
 * Files that cannot import `src/ir/apigateway-limits.ts` (the x-gateway JSON Schema, the SDK
 * runtime copied into generated SDKs) write some of its numbers as literals: these tests
 * hold each literal to the constant, so a limit AWS changes is not changed in one place only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cache, integrationTimeoutMs, payloadBytes, stageVariables } from '../src/ir/apigateway-limits.js';
import { repoRoot } from './helpers/diagnostics.js';

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/x-gateway.schema.json'), 'utf8')) as unknown;

function at(pointer: string): Record<string, unknown> {
  return pointer
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')], schema) as Record<string, unknown>;
}

describe('the x-gateway schema bounds are the limits of apigateway-limits.ts', () => {
  const cases: [string, { given: { pointer: string; keyword: string }; want: number }][] = [
    ['defaults.timeoutMs: the longest timeout any quota allows', { given: { pointer: '#/$defs/root/properties/defaults/properties/timeoutMs', keyword: 'maximum' }, want: integrationTimeoutMs.rest.raisedMax }],
    ['lambda.timeoutMs', { given: { pointer: '#/$defs/lambdaIntegration/properties/timeoutMs', keyword: 'maximum' }, want: integrationTimeoutMs.rest.raisedMax }],
    ['http.timeoutMs', { given: { pointer: '#/$defs/httpIntegration/properties/timeoutMs', keyword: 'maximum' }, want: integrationTimeoutMs.rest.raisedMax }],
    ['aws.timeoutMs', { given: { pointer: '#/$defs/awsIntegration/properties/timeoutMs', keyword: 'maximum' }, want: integrationTimeoutMs.rest.raisedMax }],
    ['integration timeouts at least', { given: { pointer: '#/$defs/lambdaIntegration/properties/timeoutMs', keyword: 'minimum' }, want: integrationTimeoutMs.min }],
    ['minimumCompressionSize: up to the largest payload', { given: { pointer: '#/$defs/root/properties/minimumCompressionSize', keyword: 'maximum' }, want: payloadBytes.http }],
    ['method cache ttl', { given: { pointer: '#/$defs/cache/oneOf/1/properties/ttl', keyword: 'maximum' }, want: cache.maxTtlS }],
    ['stage cache ttl', { given: { pointer: '#/$defs/stage/properties/cache/properties/ttl', keyword: 'maximum' }, want: cache.maxTtlS }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect(at(given.pointer)[given.keyword]).toBe(want);
  });

  test('stage variable names and values are as long as API Gateway allows', () => {
    const variables = at('#/$defs/stage/properties/variables') as { propertyNames: { pattern: string }; additionalProperties: { pattern: string } };
    expect(variables.propertyNames.pattern).toContain(`{1,${stageVariables.keyChars}}$`);
    expect(variables.additionalProperties.pattern).toContain(`{0,${stageVariables.valueChars}}$`);
  });
});

test('the SDK waits per attempt as long as the longest integration timeout API Gateway allows by default', () => {
  const source = fs.readFileSync(path.join(repoRoot, 'sdk-runtime/typescript/http.ts'), 'utf8');
  const written = /options\.timeoutMs \?\? ([\d_]+);/.exec(source)?.[1];
  expect(written, 'the default timeout of sdk-runtime/typescript/http.ts').toBeDefined();
  const longest = Math.max(...(['rest', 'http', 'websocket'] as const).map((kind) => integrationTimeoutMs[kind].value));
  expect(Number(written!.replace(/_/g, ''))).toBe(longest);
});

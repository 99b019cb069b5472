import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { compileOpenApiValidator } from '../src/frontend/validate-document.js';
import { compileXGatewayValidators, readXGatewaySchema, xGatewayPlaces } from '../src/frontend/x-gateway/validate-x-gateway.js';
import { repoRoot } from './helpers/diagnostics.js';

// The build precompiles the schemas to standalone code (scripts/build-validators.mjs); the
// CLI must then report exactly what the validators compiled at run time report.
const require = createRequire(import.meta.url);
const standalone = (standaloneCode as unknown as { default?: typeof standaloneCode }).default ?? standaloneCode;
const folder = path.join(repoRoot, 'test', '.tmp', `validators-${process.pid}`);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function buildStandalone(name: string, code: string): Record<string, ValidateFunction> {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.cjs`);
  fs.writeFileSync(file, code);
  return require(file) as Record<string, ValidateFunction>;
}

const fixture = (name: string): Record<string, unknown> => parse(fs.readFileSync(path.join(repoRoot, 'fixtures', name), 'utf8')) as Record<string, unknown>;

describe('precompiled validators', () => {
  test.each([
    ['3.0', 'shop.yaml'],
    ['3.0', 'mistakes.yaml'],
    ['3.1', 'events-31.yaml'],
  ] as const)('OpenAPI %s: standalone code reports what the runtime validator reports (%s, and broken copies)', (version, name) => {
    const runtime = compileOpenApiValidator(version);
    const compiled = compileOpenApiValidator(version, { code: { source: true } });
    const built = buildStandalone(`openapi-${version}`, standalone(compiled.ajv, compiled.ids));
    const document = fixture(name);
    const broken = { ...document, info: { title: 42 }, paths: { noSlash: { get: { responses: 'none' } } }, extra: true };
    const operation = { summry: 'typo', responses: { '200': { description: 'ok' } } };
    for (const [which, input] of [['validate', document], ['validate', broken], ['operation', operation]] as const) {
      const run = which === 'validate' ? runtime.document : runtime.operation;
      const expected = run(input);
      expect(built[which]!(input)).toBe(expected);
      expect(JSON.parse(JSON.stringify(built[which]!.errors ?? null))).toEqual(JSON.parse(JSON.stringify(run.errors ?? null)));
    }
    expect(runtime.document(broken)).toBe(false);
    expect(runtime.operation(operation)).toBe(false);
  });

  test('x-gateway: standalone code reports what the runtime validators report, for each place', () => {
    const schema = readXGatewaySchema();
    const runtime = compileXGatewayValidators(schema.text).validators;
    const compiled = compileXGatewayValidators(schema.text, { code: { source: true } });
    const built = buildStandalone('x-gateway', standalone(compiled.ajv, compiled.ids));
    const mistakes = fixture('mistakes.yaml') as { 'x-gateway': unknown };
    const samples = [mistakes['x-gateway'], { kind: 'rest', stages: { prod: { throttle: { rate: 'fast' } } } }, { lambda: { handler: 7 }, mock: {} }, {}];
    let failures = 0;
    for (const place of xGatewayPlaces) {
      for (const sample of samples) {
        const ok = runtime[place](sample);
        if (!ok) failures++;
        expect(built[place]!(sample)).toBe(ok);
        expect(JSON.parse(JSON.stringify(built[place]!.errors ?? null))).toEqual(JSON.parse(JSON.stringify(runtime[place].errors ?? null)));
      }
    }
    expect(failures).toBeGreaterThan(0);
  });
});

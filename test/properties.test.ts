// Property tests: random specs, many with hostile names and strings, through the whole
// pipeline. A fixed seed in CI; GATEWRIGHT_PROPERTY_RUNS=1000 (and GATEWRIGHT_PROPERTY_SEED)
// for a longer hunt locally.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile } from '../src/compile.js';
import { generateSdk } from '../src/sdk.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { snapshotTree, tempDir, writeFiles } from './helpers/temp.js';
import { typecheck } from './helpers/typescript.js';

const runs = Number(process.env['GATEWRIGHT_PROPERTY_RUNS'] ?? 60);
const seed = Number(process.env['GATEWRIGHT_PROPERTY_SEED'] ?? 20_251_125);
const settings = { numRuns: runs, seed } as const;

/** Strings that have broken code generators, file writers and template engines elsewhere. */
const hostileStrings = [
  '../../../etc/passwd', '..', '.', '/absolute', 'C:\\Windows', 'a/b', 'a\\b', '__proto__', 'constructor', 'prototype',
  'hasOwnProperty', 'toString', '', ' ', '\u0000', '\u0007bell', 'line\nbreak', 'tab\there', '\r\n', '*/ eval("x") /*',
  '${process.exit(1)}', '`whoami`', "'; DROP TABLE x; --", '"quoted"', '<script>alert(1)</script>', '{{resolve:ssm:/secret}}',
  '{{constructor.constructor("x")()}}', '#{x}', '%2e%2e%2f', '~0~1', 'con', 'NUL', 'aux.txt', 'é', '日本語', '🦄', '\u202eevil',
  'x'.repeat(300), 'Fn::Sub', '!Ref', 'class', 'default', 'await', 'null', 'true', '123', '-1', 'a b', 'a-b', 'a.b',
];

const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/);
const anyText = fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 20, unit: 'binary' }), identifier);
const name = fc.oneof({ weight: 3, arbitrary: identifier }, { weight: 2, arbitrary: fc.constantFrom(...hostileStrings) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }) });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const schemaLeaf: fc.Arbitrary<Record<string, Json>> = fc.oneof(
  fc.record({ type: fc.constant('string'), maxLength: fc.nat(100), description: anyText }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constantFrom('integer', 'number'), minimum: fc.integer({ min: -5, max: 5 }), nullable: fc.boolean() }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('boolean'), default: fc.boolean() }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('string'), enum: fc.uniqueArray(anyText, { minLength: 1, maxLength: 4 }) }),
);

const { schema } = fc.letrec<{ schema: Record<string, Json> }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    schemaLeaf,
    fc.record({ type: fc.constant('object'), properties: fc.dictionary(name, tie('schema'), { maxKeys: 4 }), additionalProperties: fc.boolean() }),
    fc.record({ type: fc.constant('array'), items: tie('schema') }),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
  ),
}));

const pathSegment = fc.oneof(identifier, fc.constantFrom('{id}', '{proxy+}', 'v1', 'a.b', 'a-b', '{x}', '$count', 'sp ace'));
const method = fc.constantFrom('get', 'put', 'post', 'delete', 'patch', 'head', 'options');

interface SpecShape {
  readonly title: string;
  readonly description: string;
  readonly schemas: Record<string, Record<string, Json>>;
  readonly operations: { segments: string[]; method: string; operationId: string; handler: string; summary: string; ref: number; header: string }[];
  readonly version: '3.0.3' | '3.1.0';
}

const specShape: fc.Arbitrary<SpecShape> = fc.record({
  title: anyText,
  description: anyText,
  schemas: fc.dictionary(name, schema, { maxKeys: 5 }),
  operations: fc.array(
    fc.record({
      segments: fc.array(pathSegment, { minLength: 1, maxLength: 3 }),
      method,
      operationId: name,
      handler: name,
      summary: anyText,
      ref: fc.nat(10),
      header: name,
    }),
    { minLength: 1, maxLength: 6 },
  ),
  version: fc.constantFrom('3.0.3', '3.1.0'),
});

/** Builds the spec as data; invalid pieces (duplicate ids, bad handler names) are welcome. */
function toSpec(shape: SpecShape): Record<string, Json> {
  const schemaNames = Object.keys(shape.schemas);
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of shape.operations) {
    const pathKey = '/' + op.segments.join('/');
    const params = [...pathKey.matchAll(/\{([^}]+?)\+?\}/g)].map((m) => ({ name: m[1] as string, in: 'path', required: true, schema: { type: 'string' } }));
    const target = schemaNames.length > 0 ? { $ref: `#/components/schemas/${escapeToken(schemaNames[op.ref % schemaNames.length] as string)}` } : { type: 'string' };
    const item = (paths[pathKey] ??= {});
    item[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      parameters: [...params, { name: op.header, in: 'header', schema: { type: 'string' } }],
      'x-gateway': { lambda: { handler: op.handler } },
      ...(op.method === 'post' || op.method === 'put' ? { requestBody: { content: { 'application/json': { schema: target } } } } : {}),
      responses: { '200': { description: op.summary, content: { 'application/json': { schema: target } } } },
    };
  }
  return {
    openapi: shape.version,
    info: { title: shape.title, version: '1.0.0', description: shape.description },
    'x-gateway': { kind: 'rest', name: shape.title },
    paths,
    components: { schemas: shape.schemas },
  } as Record<string, Json>;
}

/** Every path to a node below the root, in document order. */
function nodePaths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)) {
    out.push([...at, key]);
    nodePaths(child as Json, [...at, key], out);
  }
  return out;
}

function replaceAt(value: Json, place: readonly (string | number)[], replacement: Json): Json {
  if (place.length === 0) return replacement;
  const [head, ...rest] = place as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === head ? replaceAt(v as Json, rest, replacement) : v]));
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Maps keyed by user-chosen names: their order is meaning (routes keep spec order), keywords' is not. */
const nameMaps = new Set(['paths', 'properties', 'schemas', 'responses', 'content', 'headers', 'securitySchemes']);

/** The same document with the keys of every keyword object in another order. */
function reorderKeywords(value: Json, random: () => number, isNameMap = false): Json {
  if (Array.isArray(value)) return value.map((v) => reorderKeywords(v, random));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (!isNameMap) {
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
    }
  }
  // fromEntries defines "__proto__" as an own key, as JSON.parse does; assignment would not.
  return Object.fromEntries(keys.map((key) => [key, reorderKeywords(value[key] as Json, random, !isNameMap && nameMaps.has(key))]));
}

function seededRandom(start: number): () => number {
  let state = start >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

interface Compiled {
  readonly tree: Record<string, string>;
  readonly diagnostics: readonly Diagnostic[];
  readonly unresolved: string[];
}

/** Compiles a spec from its own folder into `<folder>/out`, checking that nothing else in the folder changed. */
function compileInFolder(document: Json, text = JSON.stringify(document, null, 2)): Compiled {
  const folder = writeFiles({ 'api/openapi.json': text });
  const before = snapshotTree(folder);
  const result = compile(path.join(folder, 'api', 'openapi.json'), path.join(folder, 'out'), {});
  const after = snapshotTree(folder);
  for (const [file, bytes] of Object.entries(after)) {
    if (!file.startsWith('out/')) expect(before[file], `only out/ may change, not ${file}`).toBe(bytes);
  }
  for (const file of Object.keys(before)) expect(after[file], `${file} was removed`).toBeDefined();
  const unresolved = result.diagnostics
    .flatMap((d) => [d.origin, ...(d.related ?? []).map((r) => r.origin)])
    .filter((o): o is NonNullable<typeof o> => o !== undefined && o.offset === undefined)
    .filter((o) => !result.sources.resolves(o))
    .map((o) => `${o.file}#${o.pointer}`);
  const tree = Object.fromEntries(Object.entries(snapshotTree(path.join(folder, 'out'))));
  fs.rmSync(folder, { recursive: true, force: true });
  return { tree, diagnostics: result.diagnostics, unresolved };
}

describe('properties of compile over random specs', () => {
  test('never crashes, writes only into the output folder, and every diagnostic points at a node of the input', () => {
    const outcomes = { compiled: 0, refused: 0 };
    fc.assert(
      fc.property(specShape, (shape) => {
        const { unresolved, tree, diagnostics } = compileInFolder(toSpec(shape));
        expect(unresolved).toEqual([]);
        if (diagnostics.some((d) => d.severity === 'error')) outcomes.refused++;
        else if (Object.keys(tree).length > 0) outcomes.compiled++;
      }),
      settings,
    );
    // The generator reaches both sides: specs that compile and specs that are refused.
    if (runs >= 20) {
      expect(outcomes.compiled).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    }
  });

  test('a spec with any one node replaced by other JSON (wrong types, nulls, junk) is refused or compiled, never a crash, with every pointer real', () => {
    const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...hostileStrings), fc.constant(null), fc.constant({ $ref: '#/nowhere' }), fc.constant({ $ref: '#' }));
    fc.assert(
      fc.property(specShape, fc.nat(), junk, (shape, pick, replacement) => {
        const document = toSpec(shape);
        const places = nodePaths(document);
        const place = places[pick % places.length] as (string | number)[];
        const { unresolved } = compileInFolder(replaceAt(document, place, replacement as Json));
        expect(unresolved).toEqual([]);
      }),
      settings,
    );
  });

  test('the same spec gives the same bytes: again, from another folder, and with its keywords in another order', () => {
    fc.assert(
      fc.property(specShape, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (shape, reorderSeed) => {
        const document = toSpec(shape);
        const first = compileInFolder(document);
        const again = compileInFolder(document);
        const reordered = compileInFolder(reorderKeywords(document, seededRandom(reorderSeed)));
        expect(again.tree).toEqual(first.tree);
        expect(reordered.tree).toEqual(first.tree);
        const codes = (c: Compiled) => c.diagnostics.map((d) => `${d.code} ${d.origin?.pointer ?? ''}`).sort();
        expect(codes(reordered)).toEqual(codes(first));
      }),
      { ...settings, numRuns: Math.max(1, Math.round(runs / 2)) },
    );
  });

  test('$refs that leave the spec folder are refused and no file outside it is read', () => {
    const escape = fc.constantFrom('../secret.json', '../../secret.json', 'sub/../../secret.json', '%2e%2e/secret.json', '/etc/passwd', 'file:///etc/passwd', 'http://127.0.0.1/x.json', 'link/secret.json', '..%2fsecret.json');
    fc.assert(
      fc.property(escape, fc.constantFrom('#/Thing', ''), (target, fragment) => {
        const root = tempDir();
        fs.writeFileSync(path.join(root, 'secret.json'), JSON.stringify({ Thing: { type: 'string' } }));
        const api = path.join(root, 'api');
        fs.mkdirSync(path.join(api, 'sub'), { recursive: true });
        fs.symlinkSync(root, path.join(api, 'link'));
        const document = {
          openapi: '3.0.3',
          info: { title: 'refs', version: '1' },
          paths: { '/a': { get: { 'x-gateway': { lambda: { handler: 'a' } }, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: target + fragment } } } } } } } },
        };
        fs.writeFileSync(path.join(api, 'openapi.json'), JSON.stringify(document));
        const result = compile(path.join(api, 'openapi.json'), path.join(root, 'out'), {});
        expect(result.sources.files).toEqual(['openapi.json']);
        expect(result.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('ref-'))).toBe(true);
      }),
      { ...settings, numRuns: Math.min(runs, 30) },
    );
  });

  test('the SDK of every spec gatewright accepts type-checks strictly, and is the same bytes on a second run', async () => {
    const packages = tempDir('gatewright-sdk-properties-');
    let generated = 0;
    fc.assert(
      fc.property(specShape, (shape) => {
        const folder = writeFiles({ 'openapi.json': JSON.stringify(toSpec(shape), null, 2) });
        const out = path.join(packages, `sdk-${generated}`);
        const first = generateSdk(path.join(folder, 'openapi.json'), out);
        if (first.diagnostics.some((d) => d.severity === 'error')) return;
        const again = generateSdk(path.join(folder, 'openapi.json'), path.join(folder, 'again'));
        expect(snapshotTree(path.join(folder, 'again'))).toEqual(snapshotTree(out));
        // Each package has its own tsconfig; the one run below checks them all together.
        fs.rmSync(path.join(out, 'tsconfig.json'));
        fs.rmSync(path.join(out, '.gatewright'), { recursive: true, force: true });
        generated++;
      }),
      { ...settings, numRuns: Math.max(1, Math.round(runs / 3)) },
    );
    expect(generated).toBeGreaterThan(0);
    const { errors } = await typecheck(packages, { lib: ['ES2022', 'DOM'], types: [] });
    expect(errors).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { compileSpec } from '../src/compile.js';
import { repoRoot } from './helpers/diagnostics.js';
import { writeFiles } from './helpers/temp.js';

/**
 * Holds docs/x-gateway.md to the schema and the compiler: every key of the schema is
 * documented, every YAML example parses, every complete spec on the page compiles cleanly,
 * and the complete specs together use every key, so the page cannot fall behind either.
 */

const doc = fs.readFileSync(path.join(repoRoot, 'docs/x-gateway.md'), 'utf8');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/x-gateway.schema.json'), 'utf8')) as SchemaNode;

interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Record<string, SchemaNode>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly allOf?: SchemaNode[];
  readonly oneOf?: SchemaNode[];
  readonly anyOf?: SchemaNode[];
  readonly $defs?: Record<string, SchemaNode>;
}

const yamlBlocks = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
const completeSpecs = yamlBlocks.filter((block) => block.startsWith('openapi:'));

/** The JSON pointer of every property the schema defines, e.g. `#/$defs/stage/properties/logging/properties/level`. */
function schemaProperties(): string[] {
  const found: string[] = [];
  const walk = (node: SchemaNode | boolean | undefined, pointer: string): void => {
    if (node === undefined || typeof node === 'boolean') return;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      found.push(`${pointer}/properties/${key}`);
      walk(child, `${pointer}/properties/${key}`);
    }
    walk(node.additionalProperties, `${pointer}/additionalProperties`);
    walk(node.items, `${pointer}/items`);
    for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) node[keyword]?.forEach((branch, i) => walk(branch, `${pointer}/${keyword}/${i}`));
  };
  for (const [name, definition] of Object.entries(schema.$defs ?? {})) walk(definition, `#/$defs/${name}`);
  return found;
}

/** The schema properties a value uses, found by walking the value and the schema together. */
function usedProperties(value: unknown, pointer: string, used: Set<string>): void {
  const node = resolve(pointer);
  if (node.$ref) return usedProperties(value, node.$ref, used);
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) node[keyword]?.forEach((_, i) => usedProperties(value, `${pointer}/${keyword}/${i}`, used));
  if (Array.isArray(value)) {
    if (node.items) value.forEach((item) => usedProperties(item, `${pointer}/items`, used));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (node.properties && key in node.properties) {
      used.add(`${pointer}/properties/${key}`);
      usedProperties(child, `${pointer}/properties/${key}`, used);
    } else if (typeof node.additionalProperties === 'object') {
      usedProperties(child, `${pointer}/additionalProperties`, used);
    }
  }
}

function resolve(pointer: string): SchemaNode {
  let node: unknown = schema;
  for (const part of pointer.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node as SchemaNode;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/** Every x-gateway object of a spec, with the schema definition it is checked against. */
function xGatewayObjects(spec: Record<string, any>): [unknown, string][] {
  const found: [unknown, string][] = [];
  if (spec['x-gateway']) found.push([spec['x-gateway'], '#/$defs/root']);
  for (const item of Object.values<Record<string, any>>(spec['paths'] ?? {})) {
    if (item['x-gateway']) found.push([item['x-gateway'], '#/$defs/pathItem']);
    if (item['x-gateway']?.['any']?.['x-gateway']) found.push([item['x-gateway']['any']['x-gateway'], '#/$defs/operation']);
    for (const method of methods) if (item[method]?.['x-gateway']) found.push([item[method]['x-gateway'], '#/$defs/operation']);
  }
  for (const scheme of Object.values<Record<string, any>>(spec['components']?.['securitySchemes'] ?? {})) {
    if (scheme['x-gateway']) found.push([scheme['x-gateway'], '#/$defs/securityScheme']);
  }
  return found;
}

describe('docs/x-gateway.md', () => {
  test('documents every key of the schema', () => {
    const names = new Set(schemaProperties().map((pointer) => pointer.split('/').pop() as string));
    expect([...names].filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });

  test('every YAML example parses', () => {
    expect(yamlBlocks.length).toBeGreaterThan(10);
    for (const block of yamlBlocks) expect(() => parse(block)).not.toThrow();
  });

  test('has complete specs for REST, HTTP and WebSocket APIs', () => {
    const kinds = completeSpecs.map((spec) => (parse(spec) as { 'x-gateway'?: { kind?: string } })['x-gateway']?.kind ?? 'rest');
    expect(new Set(kinds)).toEqual(new Set(['rest', 'http', 'websocket']));
  });

  test.each(completeSpecs.map((spec) => [(parse(spec) as { info: { title: string } }).info.title, spec]))(
    'the complete spec "%s" compiles without errors or warnings',
    (_title, spec) => {
      const dir = writeFiles({ 'openapi.yaml': spec });
      const result = compileSpec(path.join(dir, 'openapi.yaml'));
      expect(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      expect(result.api).toBeDefined();
    },
  );

  test('the complete specs together use every key of the schema', () => {
    const used = new Set<string>();
    for (const spec of completeSpecs) {
      for (const [value, definition] of xGatewayObjects(parse(spec) as Record<string, any>)) usedProperties(value, definition, used);
    }
    expect(schemaProperties().filter((pointer) => !used.has(pointer))).toEqual([]);
  });
});

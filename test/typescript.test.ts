import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileSpec } from '../src/compile.js';
import type { NamedSchema, SchemaOrBoolean } from '../src/ir/schema.js';
import { camelIdentifier, docComment, pascalIdentifier, propertyKey, stringLiteral, valueLiteral } from '../src/targets/typescript/encode.js';
import { SchemaTypes, type SchemaTypeOptions, type SchemaView } from '../src/targets/typescript/schema-to-type.js';
import { TypeNames } from '../src/targets/typescript/type-names.js';
import { fixtures } from '../scripts/fixtures.mjs';
import { repoRoot } from './helpers/diagnostics.js';
import { tempDir } from './helpers/temp.js';
import { typecheck } from './helpers/typescript.js';

const origin = { file: 'test.yaml', pointer: '' };
const handlerTypes: SchemaTypeOptions = { binary: { request: 'Buffer', response: 'Uint8Array' } };

/** Evaluates a JavaScript expression the way generated code would see it. */
const evaluate = (expression: string): unknown => new Function(`return (${expression});`)();

describe('encoders', () => {
  const awkward = ["it's", 'back\\slash', 'line\nbreak', 'tab\there', '\u2028\u2029', '*/ /* end', '${injected}', '`tick`', '\u0000\u001f\u007f', '\ud800 lone', 'pair \ud83d\ude00', "'); process.exit(1); ('"];

  test.each(awkward.map((s) => [JSON.stringify(s), { given: s }] as const))('stringLiteral(%s) evaluates back to the same text on one line', (_name, { given }) => {
    const literal = stringLiteral(given);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(evaluate(literal)).toBe(given);
  });

  test('stringLiteral round-trips any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => evaluate(stringLiteral(s)) === s));
  });

  test('a doc comment never ends early, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }), (lines) => {
        const code = `${docComment([...lines, '*/ throw 1; /*'])}0`;
        return evaluate(code) === 0;
      }),
    );
  });

  test.each([
    ['identifier', { given: 'name', want: 'name' }],
    ['reserved word (allowed as a property name)', { given: 'default', want: 'default' }],
    ['dash', { given: 'content-type', want: "'content-type'" }],
    ['leading digit', { given: '0day', want: "'0day'" }],
    ['space', { given: 'a b', want: "'a b'" }],
    ['quote', { given: "it's", want: "'it\\'s'" }],
    ['empty', { given: '', want: "''" }],
  ])('propertyKey: %s', (_name, { given, want }) => {
    expect(propertyKey(given)).toBe(want);
    expect(Object.keys(evaluate(`{ ${propertyKey(given)}: 1 }`) as object)).toEqual([given]);
  });

  test.each([
    ['kebab case', { given: 'order-line', want: ['orderLine', 'OrderLine'] }],
    ['reserved word', { given: 'delete', want: ['delete_', 'Delete'] }],
    ['leading digit', { given: '2fa', want: ['_2fa', '_2fa'] }],
    ['nothing usable', { given: '--', want: ['value', 'Type'] }],
    ['non-ASCII', { given: 'café au lait', want: ['cafAuLait', 'CafAuLait'] }],
  ])('identifiers: %s', (_name, { given, want }) => {
    expect([camelIdentifier(given), pascalIdentifier(given)]).toEqual(want);
  });

  test('valueLiteral writes JSON values as literals that evaluate back', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => JSON.stringify(evaluate(valueLiteral(value))) === JSON.stringify(value)));
  });
});

describe('TypeNames', () => {
  test.each([
    ['taken names get a number', { given: ['Order', 'order', 'ORDER'], want: ['Order', 'Order2', 'ORDER3'] }],
    ['reserved names are never handed out', { given: ['Buffer', 'Pet'], want: ['Buffer2', 'Pet'] }],
    ['names differing only in case are distinct files on no system, but still kept apart', { given: ['PetId', 'petID'], want: ['PetId', 'PetID2'] }],
    ['spec text becomes an identifier', { given: ['pet-store.v1', '200'], want: ['PetStoreV1', '_200'] }],
  ])('%s', (_name, { given, want }) => {
    const names = new TypeNames(['Buffer']);
    expect(given.map((g) => names.allocate(g))).toEqual(want);
  });
});

interface RenderCase {
  readonly given: { readonly schema: SchemaOrBoolean; readonly schemas?: Record<string, SchemaOrBoolean>; readonly view?: SchemaView; readonly options?: Partial<SchemaTypeOptions>; readonly qualifier?: string };
  readonly want: string;
}

const pet = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' }, secret: { type: 'string', writeOnly: true } } } as const;

describe('schema to type', () => {
  test.each<[string, RenderCase]>([
    ['string', { given: { schema: { type: 'string' } }, want: 'string' }],
    ['integer', { given: { schema: { type: 'integer', format: 'int64' } }, want: 'number' }],
    ['date-time stays a string', { given: { schema: { type: 'string', format: 'date-time' } }, want: 'string' }],
    ['binary in a request', { given: { schema: { type: 'string', format: 'binary' }, view: 'request' }, want: 'Buffer' }],
    ['binary in a response', { given: { schema: { type: 'string', format: 'binary' }, view: 'response' }, want: 'Uint8Array' }],
    ['binary as a union type', { given: { schema: { type: 'array', items: { type: 'string', format: 'binary' } }, options: { binary: { request: 'Blob | Uint8Array', response: 'Blob' } }, view: 'request' }, want: '(Blob | Uint8Array)[]' }],
    ['true', { given: { schema: true }, want: 'unknown' }],
    ['false', { given: { schema: false }, want: 'never' }],
    ['empty schema', { given: { schema: { description: 'anything' } }, want: 'unknown' }],
    ['enum', { given: { schema: { type: 'string', enum: ['a', "b'c"] } }, want: "'a' | 'b\\'c'" }],
    ['nullable enum (3.0 nullable)', { given: { schema: { type: ['string', 'null'], enum: ['a', null] } }, want: "'a' | null" }],
    ['mixed enum', { given: { schema: { enum: [1, true, null, { a: [1] }] } }, want: '1 | true | null | { a: [1] }' }],
    ['const', { given: { schema: { const: 'meeting' } }, want: "'meeting'" }],
    ['3.1 type list with null', { given: { schema: { type: ['string', 'null'] } }, want: 'string | null' }],
    ['type list', { given: { schema: { type: ['integer', 'boolean'] } }, want: 'number | boolean' }],
    ['array', { given: { schema: { type: 'array', items: { type: 'string' } } }, want: 'string[]' }],
    ['array of a union', { given: { schema: { type: 'array', items: { type: ['string', 'number'] } } }, want: '(string | number)[]' }],
    ['array without items', { given: { schema: { type: 'array' } }, want: 'unknown[]' }],
    ['open tuple', { given: { schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], minItems: 1 } }, want: '[string, number?, ...unknown[]]' }],
    ['closed tuple', { given: { schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'string' }], minItems: 2, maxItems: 2 } }, want: '[string, string]' }],
    ['tuple with typed rest', { given: { schema: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'integer' } } }, want: '[string?, ...number[]]' }],
    ['required and optional properties', { given: { schema: { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } } }, want: '{\n  a: string;\n  b?: number;\n}' }],
    ['property names that are not identifiers are quoted', { given: { schema: { type: 'object', properties: { 'content-type': { type: 'string' }, '0': { type: 'string' }, "it's": { type: 'string' } } } }, want: "{\n  '0'?: string;\n  'content-type'?: string;\n  'it\\'s'?: string;\n}" }],
    ['required property without a schema', { given: { schema: { type: 'object', required: ['x'] } }, want: '{\n  x: unknown;\n  [key: string]: unknown;\n}' }],
    ['additionalProperties alone', { given: { schema: { type: 'object', additionalProperties: { type: 'integer' } } }, want: '{ [key: string]: number }' }],
    ['additionalProperties beside properties admits their types', { given: { schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' }, s: { type: 'string' } }, additionalProperties: { type: 'boolean' } } }, want: '{\n  n: number;\n  s?: string;\n  [key: string]: boolean | number | string | undefined;\n}' }],
    ['additionalProperties: true', { given: { schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true } }, want: '{\n  a?: string;\n  [key: string]: unknown;\n}' }],
    ['patternProperties', { given: { schema: { type: 'object', patternProperties: { '^x-': { type: 'string' } } } }, want: '{ [key: string]: string }' }],
    ['an object that says nothing of its properties', { given: { schema: { type: 'object' } }, want: '{ [key: string]: unknown }' }],
    ['an object with no properties at all', { given: { schema: { type: 'object', additionalProperties: false } }, want: '{ [key: string]: never }' }],
    ['properties imply an object', { given: { schema: { properties: { a: { type: 'boolean' } } } }, want: '{\n  a?: boolean;\n}' }],
    ['reference', { given: { schema: { $ref: '#/components/schemas/Money' }, schemas: { Money: { type: 'integer' } } }, want: 'Money' }],
    ['qualified reference', { given: { schema: { type: 'array', items: { $ref: '#/components/schemas/Money' } }, schemas: { Money: { type: 'integer' } }, qualifier: 'schemas.' }, want: 'schemas.Money[]' }],
    ['schema names that are not identifiers', { given: { schema: { $ref: '#/components/schemas/pet-store.Pet~1v2' }, schemas: { 'pet-store.Pet/v2': { type: 'integer' } } }, want: 'PetStorePetV2' }],
    ['allOf', { given: { schema: { allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object', properties: { b: { type: 'string' } } }] }, schemas: { A: { type: 'object' } } }, want: 'A & {\n  b?: string;\n}' }],
    ['oneOf', { given: { schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } }, want: 'string | string[]' }],
    ['anyOf beside properties', { given: { schema: { type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ required: ['a'] }, { $ref: '#/components/schemas/B' }] }, schemas: { B: { type: 'object' } } }, want: '{\n  a?: string;\n} & ({\n  a: unknown;\n  [key: string]: unknown;\n} | B)' }],
    ['nullable reference (3.0 nullable beside $ref)', { given: { schema: { anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] }, schemas: { A: { type: 'string' } } }, want: 'A | null' }],
    [
      'discriminator pins the tag of variants that do not',
      {
        given: {
          schema: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', kitty: '#/components/schemas/Cat' } } },
          schemas: { Cat: { type: 'object', properties: { kind: { type: 'string' } } }, Dog: { type: 'object', properties: { kind: { const: 'Dog' } } } },
        },
        want: "Cat & {\n  kind: 'cat' | 'kitty';\n} | Dog",
      },
    ],
    ['request view leaves out readOnly properties', { given: { schema: pet, view: 'request' }, want: '{\n  name: string;\n  secret?: string;\n}' }],
    ['response view leaves out writeOnly properties', { given: { schema: pet, view: 'response' }, want: '{\n  id: string;\n  name: string;\n}' }],
    ['a reference takes the view’s name', { given: { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } }, schemas: { Pet: pet }, view: 'request' }, want: 'PetRequest[]' }],
    ['readOnly through a reference', { given: { schema: { type: 'object', properties: { id: { $ref: '#/components/schemas/Id' } } }, schemas: { Id: { type: 'string', readOnly: true } }, view: 'request' }, want: 'unknown' }],
    ['unknown enum values in the tolerant view', { given: { schema: { type: 'string', enum: ['a', 'b'] }, options: { unknownVariants: { enums: ['response'] } } }, want: "'a' | 'b' | (string & {})" }],
    ['no unknown enum values in the strict view', { given: { schema: { type: 'string', enum: ['a', 'b'] }, options: { unknownVariants: { enums: ['response'] } }, view: 'request' }, want: "'a' | 'b'" }],
    ['unknown union variants in the tolerant view', { given: { schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, options: { unknownVariants: { unions: ['response'] } } }, want: 'string | number | { [key: string]: unknown }' }],
    ['property documentation is encoded', { given: { schema: { type: 'object', properties: { a: { type: 'string', description: 'ends */ here', deprecated: true } } } }, want: '{\n  /**\n   * ends *\\/ here\n   * @deprecated\n   */\n  a?: string;\n}' }],
  ])('%s', (_name, { given, want }) => {
    const named: NamedSchema[] = Object.entries(given.schemas ?? {}).map(([name, schema]) => ({ name, schema, origin }));
    const types = new SchemaTypes(named, { ...handlerTypes, ...given.options });
    expect(types.typeOf(given.schema, given.view ?? 'response', given.qualifier !== undefined ? { qualifier: given.qualifier } : {})).toBe(want);
  });

  test('names are valid, unique and deterministic; a view-dependent schema gets a second name', () => {
    const schemas: NamedSchema[] = [
      { name: 'Pet', schema: pet, origin },
      { name: 'PetRequest', schema: { type: 'object' }, origin },
      { name: 'pet', schema: { type: 'string' }, origin },
      { name: 'Owner', schema: { type: 'object', properties: { pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } }, origin },
    ];
    const names = (types: SchemaTypes): string[][] => schemas.map((s) => [types.typeName(s.name, 'response'), types.typeName(s.name, 'request')]);
    const first = names(new SchemaTypes(schemas, handlerTypes));
    expect(first).toEqual([
      ['Pet', 'PetRequest2'],
      ['PetRequest', 'PetRequest'],
      ['Pet2', 'Pet2'],
      ['Owner', 'OwnerRequest'],
    ]);
    expect(names(new SchemaTypes(schemas, handlerTypes))).toEqual(first);
  });
});

describe('generated declarations compile under tsc --strict', () => {
  test('every fixture, the GitHub REST API, and the types behave as the schemas say', async () => {
    const dir = tempDir();
    const specs = [...fixtures.map((f) => ({ name: f.name, spec: path.join(repoRoot, f.spec) })), { name: 'github', spec: path.join(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.json') }];
    for (const { name, spec } of specs) {
      const { api } = compileSpec(spec, { emit: ['ir'] });
      expect(api, name).toBeDefined();
      fs.writeFileSync(path.join(dir, `${name}.ts`), new SchemaTypes(api?.schemas ?? [], handlerTypes).declarations());
    }
    const { api: shop } = compileSpec(path.join(repoRoot, 'fixtures/shop.yaml'), { emit: ['ir'] });
    fs.writeFileSync(path.join(dir, 'shop-sdk.ts'), new SchemaTypes(shop?.schemas ?? [], { binary: { request: 'Blob | Uint8Array', response: 'Blob' }, unknownVariants: { enums: ['response'], unions: ['response'] } }).declarations());
    fs.writeFileSync(path.join(dir, 'expectations.ts'), shopExpectations);
    const { errors } = await typecheck(dir);
    expect(errors).toEqual([]);
  });
});

// Each `@ts-expect-error` fails the check when its line compiles, so every one proves a rejection.
const shopExpectations = `
import type * as shop from './shop.js';
import type * as sdk from './shop-sdk.js';
import type * as library from './library.js';
import type * as events from './events-31.js';

const address: shop.Address = { line1: '1 Main St', city: 'Springfield', country: 'US' };
const home: shop.Delivery = { method: 'home', address };
// @ts-expect-error a pickup has a storeId, not an address
const wrongPickup: shop.Delivery = { method: 'pickup', address };
export function addressOf(delivery: shop.Delivery): shop.Address | undefined {
  return delivery.method === 'home' ? delivery.address : undefined;
}

const draft: shop.ProductRequest = { name: 'Lamp', price: { amount: 1999, currency: 'EUR' }, category: 'kitchen', imageUrl: null };
// @ts-expect-error readOnly properties are not part of a request
const draftWithId: shop.ProductRequest = { ...draft, id: 'prd_1' };
// @ts-expect-error a response carries the readOnly properties
const product: shop.Product = draft;
const stored: shop.Product = { ...draft, id: 'prd_1', createdAt: '2024-01-01T00:00:00Z' };

const order: shop.NewOrderRequest = { lines: [{ productId: 'p', quantity: 1 }], delivery: home, note: 'ring twice' };
// @ts-expect-error writeOnly properties are not part of a response
const echoed: shop.NewOrder = { lines: [], delivery: home, note: 'ring twice' };
// @ts-expect-error an enum is its values
const toys: shop.Category = 'toys';
const metadata: shop.Order['metadata'] = { gift: 'yes' };
// @ts-expect-error additionalProperties are strings
const badMetadata: shop.Order['metadata'] = { gift: true };

const tolerant: sdk.Category = 'toys';
// @ts-expect-error requests stay strict in the tolerant SDK types
const strict: sdk.CategoryRequest = 'toys';
const future: sdk.Delivery = { method: 'drone', pad: 7 };
const upload: sdk.Error = { message: 'x' };

const series: library.Series = { name: 'Discworld', previous: { isbn: '9780552166591', title: 'Mort', authors: [{ name: 'Terry Pratchett' }] } };
// @ts-expect-error a book needs authors
const authorless: library.Book = { isbn: '1', title: 'Anonymous' };

const event: events.EventRequest = { title: 'Standup', start: '2024-01-01T09:00:00Z', end: null, kind: 'meeting', labels: { team: 'core' } };
// @ts-expect-error kind is a const
const party: events.EventInput = { title: 'Party', start: '2024-01-01T20:00:00Z', kind: 'party' };
const window: events.Attendee[] = [{ email: 'a@example.com' }, { group: 'core' }];

export const used = [wrongPickup, draftWithId, product, stored, order, echoed, toys, metadata, badMetadata, tolerant, strict, future, upload, series, authorless, event, party, window];
`;

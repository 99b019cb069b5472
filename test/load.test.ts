import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../src/load/load-spec.js';
import { check } from './helpers/diagnostics.js';
import { tempDir, writeFiles } from './helpers/temp.js';

const minimal = (extra = '') => `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
${extra}`;

const withSchemaRef = (ref: string) => `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '${ref}'}
`;

interface LoaderCase {
  /** Files of the spec folder; the spec is `spec/openapi.yaml` unless `entry` says otherwise. */
  readonly given: { readonly files: Record<string, string | Uint8Array>; readonly entry?: string; readonly setup?: (dir: string) => void };
  readonly want: { readonly code: string; readonly file: string; readonly at: string; readonly pointer?: string };
}

const cases: [string, LoaderCase][] = [
  [
    'a $ref that climbs out of the root folder',
    {
      given: { files: { 'spec/openapi.yaml': withSchemaRef('../secret.yaml#/Secret'), 'secret.yaml': 'Secret: {type: string}\n' } },
      want: { code: 'ref-outside-root', file: 'openapi.yaml', at: '11:30', pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/$ref' },
    },
  ],
  [
    'a $ref to an absolute path',
    {
      given: { files: { 'spec/openapi.yaml': withSchemaRef('/etc/passwd') } },
      want: { code: 'ref-absolute', file: 'openapi.yaml', at: '11:30' },
    },
  ],
  [
    'a $ref to an https URL',
    {
      given: { files: { 'spec/openapi.yaml': withSchemaRef('https://example.com/schemas.yaml#/Order') } },
      want: { code: 'ref-url', file: 'openapi.yaml', at: '11:30' },
    },
  ],
  [
    'a $ref to a file: URL',
    {
      given: { files: { 'spec/openapi.yaml': withSchemaRef('file:///etc/passwd') } },
      want: { code: 'ref-url', file: 'openapi.yaml', at: '11:30' },
    },
  ],
  [
    'a $ref through a symlink that leaves the root folder',
    {
      given: {
        files: { 'spec/openapi.yaml': withSchemaRef('linked/outside.yaml#/Secret'), 'outside/outside.yaml': 'Secret: {type: string}\n' },
        setup: (dir) => fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'spec', 'linked')),
      },
      want: { code: 'ref-outside-root', file: 'openapi.yaml', at: '11:30' },
    },
  ],
  [
    'a $ref to a missing file',
    {
      given: { files: { 'spec/openapi.yaml': withSchemaRef('schemas/nope.yaml') } },
      want: { code: 'ref-file-not-found', file: 'openapi.yaml', at: '11:30' },
    },
  ],
  [
    'a $ref to a missing node',
    {
      given: { files: { 'spec/openapi.yaml': withSchemaRef('#/components/schemas/Nope') } },
      want: { code: 'ref-unresolved', file: 'openapi.yaml', at: '11:30' },
    },
  ],
  [
    'a YAML alias bomb',
    {
      given: {
        files: {
          'spec/openapi.yaml': `${minimal()}x-bomb:
  a: &a [x, x, x, x, x, x, x, x, x, x]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
`,
        },
      },
      want: { code: 'load-yaml-alias-limit', file: 'openapi.yaml', at: '11:10' },
    },
  ],
  [
    'a duplicate key',
    {
      given: { files: { 'spec/openapi.yaml': `openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ninfo: {title: U, version: '2'}\n` } },
      want: { code: 'load-yaml-duplicate-key', file: 'openapi.yaml', at: '4:1' },
    },
  ],
  [
    'bytes that are not UTF-8',
    {
      given: { files: { 'spec/openapi.yaml': Buffer.concat([Buffer.from('openapi: 3.0.3\ninfo: {title: "caf'), Buffer.from([0xe9]), Buffer.from('", version: "1"}\npaths: {}\n')]) } },
      want: { code: 'load-not-utf8', file: 'openapi.yaml', at: '2:19' },
    },
  ],
  [
    'an empty file',
    {
      given: { files: { 'spec/openapi.yaml': '\n  \n' } },
      want: { code: 'load-empty', file: 'openapi.yaml', at: '1:1' },
    },
  ],
  [
    'a root that is a list',
    {
      given: { files: { 'spec/openapi.yaml': '- openapi: 3.0.3\n' } },
      want: { code: 'load-root-not-object', file: 'openapi.yaml', at: '1:1' },
    },
  ],
  [
    'a root that is a JSON string',
    {
      given: { files: { 'spec/openapi.json': '"openapi"\n' }, entry: 'spec/openapi.json' },
      want: { code: 'load-root-not-object', file: 'openapi.json', at: '1:1' },
    },
  ],
  [
    'two YAML documents',
    {
      given: { files: { 'spec/openapi.yaml': `${minimal()}---\nopenapi: 3.1.0\n` } },
      want: { code: 'load-yaml-multiple-documents', file: 'openapi.yaml', at: '9:1' },
    },
  ],
  [
    'a YAML tag outside the core schema',
    {
      given: { files: { 'spec/openapi.yaml': `${minimal()}x-code: !!js/function 'function () {}'\n` } },
      want: { code: 'load-yaml-unknown-tag', file: 'openapi.yaml', at: '9:9' },
    },
  ],
  [
    'JSON with a syntax error',
    {
      given: { files: { 'spec/openapi.json': '{\n  "openapi": "3.0.3",\n  "info": {"title": "T",}\n}\n' }, entry: 'spec/openapi.json' },
      want: { code: 'load-json-syntax', file: 'openapi.json', at: '3:25' },
    },
  ],
  [
    'a Swagger 2.0 document',
    {
      given: { files: { 'spec/openapi.yaml': `swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n` } },
      want: { code: 'openapi-swagger-2', file: 'openapi.yaml', at: '1:1', pointer: '/swagger' },
    },
  ],
  [
    'an unsupported openapi version',
    {
      given: { files: { 'spec/openapi.yaml': `openapi: 3.2.0\ninfo: {title: T, version: '1'}\npaths: {}\n` } },
      want: { code: 'openapi-version-unsupported', file: 'openapi.yaml', at: '1:10', pointer: '/openapi' },
    },
  ],
];

describe('loader rules', () => {
  test.each(cases)('%s', (_name, { given, want }) => {
    const dir = writeFiles(given.files);
    given.setup?.(dir);
    const { diagnostics } = check(path.join(dir, given.entry ?? 'spec/openapi.yaml'));
    const found = diagnostics.find((d) => d.code === want.code);
    expect(found, JSON.stringify(diagnostics, null, 2)).toBeDefined();
    expect(found).toMatchObject({ file: want.file, at: want.at, ...(want.pointer ? { pointer: want.pointer } : {}) });
    expect(found?.severity).toBe('error');
  });

  test('a file larger than the cap is refused before it is read', () => {
    const dir = writeFiles({ 'openapi.yaml': minimal('x-padding: ' + 'x'.repeat(2000) + '\n') });
    const { diagnostics } = check(path.join(dir, 'openapi.yaml'), { maxFileBytes: 1000 });
    expect(diagnostics.map((d) => d.code)).toEqual(['load-file-too-large']);
  });

  test('a BOM at the start is fine', () => {
    const dir = writeFiles({ 'openapi.yaml': '\uFEFF' + minimal() });
    const { diagnostics, api } = check(path.join(dir, 'openapi.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(api?.routes).toHaveLength(1);
  });

  test('every broken $ref is reported in one run', () => {
    const dir = writeFiles({
      'spec/openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      parameters:
        - $ref: 'https://example.com/p.yaml'
        - $ref: '../p.yaml'
        - $ref: '/p.yaml'
      responses:
        '200': {$ref: '#/components/responses/Missing'}
`,
    });
    const { diagnostics } = check(path.join(dir, 'spec/openapi.yaml'));
    expect(diagnostics.filter((d) => d.code.startsWith('ref-')).map((d) => `${d.code} ${d.at}`)).toEqual([
      'ref-url 7:17',
      'ref-outside-root 8:17',
      'ref-absolute 9:17',
      'ref-unresolved 11:23',
    ]);
  });

  test('relative files inside the root load, and ".." that stays inside is fine', () => {
    const dir = writeFiles({
      'openapi.yaml': withSchemaRef('schemas/order.yaml#/Order'),
      'schemas/order.yaml': "Order:\n  type: object\n  properties:\n    line: {$ref: '../schemas/line.yaml'}\n",
      'schemas/line.yaml': 'type: object\nproperties:\n  sku: {type: string}\n',
    });
    const loaded = loadSpec(path.join(dir, 'openapi.yaml'));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.sources.files.sort()).toEqual(['openapi.yaml', 'schemas/line.yaml', 'schemas/order.yaml']);
  });

  test('a symlink that stays inside the root is followed', () => {
    const dir = writeFiles({ 'openapi.yaml': withSchemaRef('alias/order.yaml#/Order'), 'real/order.yaml': 'Order: {type: string}\n' });
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
    const { diagnostics, api } = check(path.join(dir, 'openapi.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(api?.schemas.map((s) => s.origin.file)).toEqual(['real/order.yaml']);
  });

  test('circular schemas load and stay recursive references', () => {
    const dir = writeFiles({
      'openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Node:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        parent: {$ref: 'tree.yaml#/Parent'}
`,
      'tree.yaml': "Parent:\n  type: object\n  properties:\n    node: {$ref: 'openapi.yaml#/components/schemas/Node'}\n",
    });
    const { diagnostics, api } = check(path.join(dir, 'openapi.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const node = api?.schemas.find((s) => s.name === 'Node')?.schema;
    expect(node).toMatchObject({ properties: { children: { items: { $ref: '#/components/schemas/Node' } }, parent: { $ref: '#/components/schemas/Parent' } } });
    expect(api?.schemas.find((s) => s.name === 'Parent')?.schema).toMatchObject({ properties: { node: { $ref: '#/components/schemas/Node' } } });
    expect(() => JSON.stringify(api)).not.toThrow();
  });

  test('references that loop without reaching an object are reported', () => {
    const dir = writeFiles({
      'openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      parameters: [{$ref: '#/components/parameters/A'}]
      responses: {'200': {description: ok}}
components:
  parameters:
    A: {$ref: '#/components/parameters/B'}
    B: {$ref: '#/components/parameters/A'}
`,
    });
    const { diagnostics } = check(path.join(dir, 'openapi.yaml'));
    expect(diagnostics.find((d) => d.code === 'ref-cycle')).toMatchObject({ at: '6:27' });
  });

  test('$ref-shaped data in examples and defaults is not followed', () => {
    const dir = writeFiles({
      'openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Doc:
      type: object
      example: {$ref: '/etc/passwd'}
      default: {$ref: 'https://example.com'}
      properties:
        example: {type: string}
`,
    });
    const { diagnostics } = check(path.join(dir, 'openapi.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('a missing spec file is reported, not thrown', () => {
    const { diagnostics } = check(path.join(tempDir(), 'nope.yaml'));
    expect(diagnostics.map((d) => d.code)).toEqual(['load-file-not-found']);
  });
});

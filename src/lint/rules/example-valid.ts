import type { Origin } from '../../diagnostics/diagnostic.js';
import type { Example, SchemaOrBoolean } from '../../ir/types.js';
import { below } from '../origins.js';
import type { LintRule } from '../rule.js';
import { ValueValidator } from '../validate-value.js';

export const rule: LintRule = {
  id: 'example-valid',
  family: 'spec',
  summary: 'Examples and defaults match their schemas.',
  docs: {
    why: 'The local gateway answers with examples, the docs show them, and the SDK and handlers treat defaults as real values. An example that breaks its own schema teaches clients to send requests the gateway then rejects.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - {name: limit, in: query, schema: {type: integer, maximum: 100, default: 500}}
      responses:
        '200':
          description: The orders.
          content:
            application/json:
              schema: {type: object, required: [orders], properties: {orders: {type: array}}}
              example: {items: []}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - {name: limit, in: query, schema: {type: integer, maximum: 100, default: 20}}
      responses:
        '200':
          description: The orders.
          content:
            application/json:
              schema: {type: object, required: [orders], properties: {orders: {type: array}}}
              example: {orders: []}
`,
  },
  check({ api, schemas, report }) {
    const validator = new ValueValidator(api.schemas);
    const reported = new Set<string>();
    const judge = (schema: SchemaOrBoolean, value: unknown, origin: Origin, what: string): void => {
      const key = `${origin.file}#${origin.pointer}`;
      if (reported.has(key)) return;
      reported.add(key);
      const problem = validator.check(schema, value);
      if (!problem) return;
      const where = problem.at === '' ? '' : ` at ${problem.at}`;
      report({
        message: `${what} does not match its schema: the value${where} ${problem.message}. Fix the ${what.startsWith('The default') ? 'default' : 'example'} or the schema.`,
        origin: problem.at === '' ? origin : { file: origin.file, pointer: origin.pointer + problem.at },
      });
    };
    const judgeAll = (schema: SchemaOrBoolean | undefined, examples: readonly Example[] | undefined): void => {
      if (schema === undefined || !examples) return;
      for (const example of examples) judge(schema, example.value, example.origin, example.name === undefined ? 'The example' : `The example "${example.name}"`);
    };

    // Examples and defaults written inside schemas.
    for (const site of schemas()) {
      if (site.schema.default === undefined && site.schema.examples === undefined) continue;
      const raw = site.raw !== null && typeof site.raw === 'object' ? (site.raw as Record<string, unknown>) : {};
      if (site.schema.default !== undefined && 'default' in raw) judge(site.schema, site.schema.default, below(site.origin, 'default'), 'The default');
      const examples = site.schema.examples;
      if (!examples) continue;
      if (Array.isArray(raw['examples'])) {
        examples.forEach((value, i) => judge(site.schema, value, below(site.origin, 'examples', i), 'The example'));
      } else if ('example' in raw) {
        judge(site.schema, examples[0], below(site.origin, 'example'), 'The example');
      }
    }
    // Examples of parameters, headers and media types.
    for (const route of api.routes) {
      for (const parameter of route.parameters) judgeAll(parameter.schema, parameter.examples);
      for (const content of route.requestBody?.content ?? []) if (isJsonLike(content.mediaType)) judgeAll(content.schema, content.examples);
      for (const response of route.responses) {
        for (const header of response.headers) judgeAll(header.schema, header.examples);
        for (const content of response.content) if (isJsonLike(content.mediaType)) judgeAll(content.schema, content.examples);
      }
    }
  },
};

/** Media types whose examples are written as the JSON value itself (others hold text, e.g. XML). */
function isJsonLike(mediaType: string): boolean {
  const type = mediaType.toLowerCase().split(';')[0]?.trim() ?? '';
  return type === 'application/json' || type.endsWith('+json') || type === '*/*' || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

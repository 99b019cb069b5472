import { schemaTypes, type SchemaType } from '../../ir/schema.js';
import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'schema-enum-type',
  family: 'spec',
  summary: 'Enum values have the schema\'s type and appear once.',
  docs: {
    why: 'An enum value of another type (`"1"` in an integer enum) can never be sent: the gateway\'s validation and the SDK\'s types both reject it. A repeated value makes generated union types and docs list it twice.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths: {}
components:
  schemas:
    Priority: {type: integer, enum: [1, 2, '3']}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths: {}
components:
  schemas:
    Priority: {type: integer, enum: [1, 2, 3]}
`,
  },
  check({ schemas, report }) {
    for (const site of schemas()) {
      const values = site.schema.enum;
      if (!values) continue;
      const raw = site.raw !== null && typeof site.raw === 'object' ? (site.raw as Record<string, unknown>) : {};
      // A 3.0 `nullable` enum gains `null` in the IR; only written values are judged.
      const written = Array.isArray(raw['enum']) ? (raw['enum'] as unknown[]) : [];
      const types = schemaTypes(site.schema);
      // Enums can list thousands of values (API versions, country codes): find repeats by key, not by pairs.
      const firstIndex = new Map<string, number>();
      written.forEach((value, index) => {
        const at = () => below(site.origin, 'enum', index);
        if (types && !types.some((t) => fits(value, t)) && !(value === null && raw['nullable'] === true)) {
          report({ message: `The enum value ${JSON.stringify(value)} is not ${types.join(' or ')}, so no valid request or response can carry it; fix its type or the schema's.`, origin: at() });
          return;
        }
        const key = value !== null && typeof value === 'object' ? `o${canonical(value)}` : `${typeof value}:${String(value)}`;
        const first = firstIndex.get(key);
        if (first === undefined) firstIndex.set(key, index);
        else report({ message: `The enum value ${JSON.stringify(value)} is listed twice (first at index ${first}); remove this one.`, origin: at() });
      });
    }
  },
};

function fits(value: unknown, type: SchemaType): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/** JSON with object keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

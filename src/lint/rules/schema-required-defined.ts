import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'schema-required-defined',
  family: 'spec',
  summary: 'Every required property of an object schema is declared under `properties`.',
  docs: {
    why: 'A required property with no declaration is usually a typo (`required: [email]` beside `properties: {e_mail: ...}`): the gateway then rejects every request that lacks the undeclared name, and the SDK type has no field to set it.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths: {}
components:
  schemas:
    Customer:
      type: object
      required: [email]
      properties:
        e_mail: {type: string}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths: {}
components:
  schemas:
    Customer:
      type: object
      required: [email]
      properties:
        email: {type: string}
`,
  },
  check({ schemas, report }) {
    for (const site of schemas()) {
      const schema = site.schema;
      if (!schema.required || !schema.properties) continue;
      // Properties may come from elsewhere (allOf, patternProperties, additionalProperties): only plain objects are judged.
      if (schema.allOf || schema.anyOf || schema.oneOf || schema.$ref || schema.patternProperties || (schema.additionalProperties !== undefined && schema.additionalProperties !== false)) continue;
      const raw = site.raw !== null && typeof site.raw === 'object' ? (site.raw as Record<string, unknown>) : {};
      if (!Array.isArray(raw['required'])) continue;
      schema.required.forEach((name, index) => {
        if (Object.hasOwn(schema.properties ?? {}, name)) return;
        report({
          message: `"${name}" is required but not declared under properties (declared: ${Object.keys(schema.properties ?? {}).join(', ') || 'none'}); declare it or fix the name.`,
          origin: below(site.origin, 'required', index),
        });
      });
    }
  },
};

import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

/** OpenAPI's own dialect, which is what gatewright reads schemas as. */
const baseDialect = 'https://spec.openapis.org/oas/3.1/dialect/base';
/** 2020-12 keywords the compiler cannot carry: they reach neither the gateway, the SDK nor the handlers. */
const droppedKeywords = ['$dynamicRef', '$dynamicAnchor', 'unevaluatedItems', 'minContains', 'maxContains', 'contentSchema', 'dependencies'];

export const rule: LintRule = {
  id: 'apigw-openapi-31',
  family: 'apigateway',
  summary: 'OpenAPI 3.1 features that API Gateway (which imports OpenAPI 3.0) and gatewright cannot carry are not relied on.',
  docs: {
    why: 'API Gateway imports OpenAPI 2.0 and 3.0 only; gatewright translates a 3.1 spec down to what the gateway holds. Webhooks are not deployed anywhere, a non-default `jsonSchemaDialect` is not honoured (schemas are read as 2020-12), and a few 2020-12 keywords are dropped by every back end.',
    bad: `openapi: 3.1.0
info: {title: Calendar, version: '1'}
paths: {}
webhooks:
  eventChanged:
    post:
      responses: {'200': {description: Received.}}
`,
    good: `openapi: 3.1.0
info: {title: Calendar, version: '1'}
paths: {}
`,
  },
  check({ api, spec, schemas, report }) {
    if (!api.openapiVersion.startsWith('3.1')) return;
    const root = spec.root !== null && typeof spec.root === 'object' ? (spec.root as Record<string, unknown>) : {};
    const at = (key: string) => keyOf({ file: spec.rootFile, pointer: `/${key}` });
    const webhooks = root['webhooks'];
    if (webhooks !== null && typeof webhooks === 'object' && Object.keys(webhooks).length > 0) {
      report({
        message: `"webhooks" describe calls this API makes, which API Gateway does not deploy and the SDK does not generate (${Object.keys(webhooks).join(', ')}); keep them for documentation, but implement and test the calls yourself.`,
        origin: at('webhooks'),
      });
    }
    const dialect = root['jsonSchemaDialect'];
    if (typeof dialect === 'string' && dialect !== baseDialect && dialect !== 'https://json-schema.org/draft/2020-12/schema') {
      report({ message: `gatewright reads every schema as JSON Schema 2020-12 with OpenAPI's vocabulary, not as "${dialect}"; remove jsonSchemaDialect or set it to ${baseDialect}.`, origin: below({ file: spec.rootFile, pointer: '' }, 'jsonSchemaDialect') });
    }
    for (const site of schemas()) {
      if (site.raw === null || typeof site.raw !== 'object') continue;
      const dropped = droppedKeywords.filter((k) => k in (site.raw as object));
      const first = dropped[0];
      if (first === undefined) continue;
      report({
        message: `${dropped.map((k) => `"${k}"`).join(', ')} cannot be carried to the gateway, the SDK or the handlers, so nothing enforces ${dropped.length > 1 ? 'them' : 'it'}; express the constraint with other keywords or remove ${dropped.length > 1 ? 'them' : 'it'}.`,
        origin: keyOf(below(site.origin, first)),
      });
    }
  },
};

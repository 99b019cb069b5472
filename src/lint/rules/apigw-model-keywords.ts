import type { Schema, SchemaOrBoolean } from '../../ir/schema.js';
import { modelUnsupportedKeywords } from '../../ir/apigateway-limits.js';
import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';
import { reachableNames } from '../schema-sites.js';

export const rule: LintRule = {
  id: 'apigw-model-keywords',
  family: 'apigateway',
  summary: 'Request bodies the gateway validates use only keywords API Gateway models (JSON Schema draft 4) can hold.',
  docs: {
    why: 'API Gateway validates request bodies against models written in JSON Schema draft 4. Keywords from later drafts (`prefixItems`, `if`/`then`, `dependentRequired`, `unevaluatedProperties`, ...) and OpenAPI\'s `discriminator` do not exist there: the gateway lets through bodies the spec forbids, and a `oneOf` whose branches overlap rejects bodies the discriminator would have accepted. Only the generated handler enforces those keywords.',
    bad: `openapi: 3.1.0
info: {title: Calendar, version: '1'}
paths:
  /events:
    post:
      operationId: createEvent
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties: {start: {type: string}, end: {type: string}}
              dependentRequired: {end: [start]}
      responses: {'201': {description: Created.}}
`,
    good: `openapi: 3.1.0
info: {title: Calendar, version: '1'}
paths:
  /events:
    post:
      operationId: createEvent
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [start]
              properties: {start: {type: string}, end: {type: string}}
      responses: {'201': {description: Created.}}
`,
  },
  check({ api, schemas, report }) {
    // Most specs use none of these keywords: find the schemas that do before working out
    // which schemas the gateway validates.
    const candidates = schemas().filter((site) => unsupportedIn(site.schema).length > 0);
    if (candidates.length === 0) return;
    const validatedRoots: SchemaOrBoolean[] = [];
    const validatedRoutes = new Set(api.routes.filter((r) => api.kind === 'rest' && r.validation.body && r.shadowedBy === undefined));
    for (const route of validatedRoutes) for (const content of route.requestBody?.content ?? []) if (content.schema !== undefined) validatedRoots.push(content.schema);
    for (const message of api.messageRoutes) if (message.body !== undefined) validatedRoots.push(message.body);
    if (validatedRoots.length === 0) return;
    const names = reachableNames(validatedRoots, api);
    for (const site of candidates) {
      const validated =
        site.place === 'component' ? site.name !== undefined && names.has(site.name)
        : site.place === 'request' ? site.route !== undefined && validatedRoutes.has(site.route)
        : site.place === 'message';
      if (!validated) continue;
      const raw = site.raw !== null && typeof site.raw === 'object' ? (site.raw as Record<string, unknown>) : {};
      const written = unsupportedIn(site.schema).filter((k) => k in raw);
      const first = written[0];
      if (first === undefined) continue;
      report({
        message: `API Gateway models cannot hold ${written.map((k) => `"${k}"`).join(', ')}, so the gateway's request validation ignores ${written.length > 1 ? 'them' : 'it'} and lets through bodies this schema forbids; only the generated handler checks ${written.length > 1 ? 'them' : 'it'}. Express the constraint with draft-4 keywords (required, properties, enum, allOf, oneOf), or accept that the handler rejects such bodies.`,
        origin: keyOf(below(site.origin, first)),
      });
    }
  },
};

function unsupportedIn(schema: Schema): readonly string[] {
  let found: string[] | undefined;
  for (const keyword of modelUnsupportedKeywords) {
    if ((schema as Record<string, unknown>)[keyword] !== undefined) (found ??= []).push(keyword);
  }
  return found ?? [];
}

import type { Origin } from '../../../diagnostics/diagnostic.js';
import { refName, schemaOrigin, type SchemaOrBoolean } from '../../../ir/schema.js';
import type { DocumentContext } from '../context.js';
import { lowerSchema, schemaRefs, type Draft4Schema } from '../lower-schema.js';
import { modelRef } from '../model-names.js';

/** REST APIs: every schema of the API as a model, lowered to what API Gateway models hold. */
export function addModels(ctx: DocumentContext): void {
  if (ctx.api.kind !== 'rest') return;
  const requests = requestSchemas(ctx);
  for (const named of ctx.api.schemas) {
    const model = ctx.models.of(named.name);
    ctx.draft.schemas.set(model, lowerFor(ctx, named.schema, `the model ${model}`, named.origin, requests.has(named.name)));
  }
}

/** Names of the schemas that request bodies use, directly or through other schemas. */
function requestSchemas(ctx: DocumentContext): Set<string> {
  const byName = new Map(ctx.api.schemas.map((s) => [s.name, s.schema]));
  const found = new Set<string>();
  const visit = (schema: SchemaOrBoolean): void => {
    for (const ref of schemaRefs(schema)) {
      const name = refName(ref);
      const target = byName.get(name);
      if (found.has(name) || target === undefined) continue;
      found.add(name);
      visit(target);
    }
  };
  for (const method of ctx.methods) for (const media of method.route.requestBody?.content ?? []) if (media.schema !== undefined) visit(media.schema);
  return found;
}

/**
 * A body schema as a reference to a model: a schema that is only a `$ref` names its model;
 * any other becomes a model of its own, since API Gateway checks bodies against models
 * and refuses inline schemas of primitive type in method responses.
 */
export function bodyModel(ctx: DocumentContext, schema: SchemaOrBoolean, baseName: string, origin: Origin, requests: boolean): { $ref: string } {
  if (typeof schema === 'object' && schema.$ref !== undefined && Object.keys(schema).length === 1) return { $ref: ctx.models.ref(schema.$ref) };
  const model = ctx.models.unique(baseName);
  ctx.draft.schemas.set(model, lowerFor(ctx, schema, `the model ${model} (the schema at this place)`, origin, requests));
  return { $ref: modelRef(model) };
}

/** A schema written inline in the document (parameters, headers), lowered the same way. */
export function inlineSchema(ctx: DocumentContext, schema: SchemaOrBoolean, what: string, origin: Origin): Draft4Schema {
  return lowerFor(ctx, schema, what, origin, false);
}

function lowerFor(ctx: DocumentContext, schema: SchemaOrBoolean, what: string, origin: Origin, requests: boolean): Draft4Schema {
  return lowerSchema(schema, {
    requests,
    modelRef: (irRef) => ctx.models.ref(irRef),
    moved: (keyword, path, reason) => {
      const where = path.length > 1 ? ` at ${pointer(path.slice(0, -1))}` : '';
      ctx.report(
        'apigw-schema-keyword-moved',
        `API Gateway does not check "${keyword}" in ${what}${where}: ${reason}. It is left out there; the generated handler checks it.`,
        schemaOrigin(origin, ...path),
      );
    },
  });
}

function pointer(path: readonly (string | number)[]): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

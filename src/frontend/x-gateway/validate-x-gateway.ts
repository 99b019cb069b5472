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
  placeKeys ??= JSON.parse(fs.readFileSync(xGatewaySchemaUrl, 'utf8')) as { $defs: Record<XGatewayPlace, { properties: object }> };
  return Object.keys(placeKeys.$defs[place].properties);
}

let placeKeys: { $defs: Record<XGatewayPlace, { properties: object }> } | undefined;

/** Checks one `x-gateway` value against the extension's schema; every problem is reported. */
export function validateXGateway(value: unknown, place: XGatewayPlace, origin: Origin): Diagnostic[] {
  // `x-gateway:` with nothing after it, usually because its keys are not indented under it.
  if (value === null) {
    return [diagnostic('x-gateway-invalid', 'x-gateway is empty; indent its keys under it (two more spaces), or remove it.', origin)];
  }
  validators ??= load();
  const validate = validators[place];
  if (validate(value)) return [];
  return schemaErrorsToDiagnostics(
    validate.errors ?? [],
    origin,
    `x-gateway`,
    {
      invalid: 'x-gateway-invalid',
      unknownKey: 'x-gateway-unknown-key',
      misplacedKey: (key, pointer) => (pointer === origin.pointer ? misplacedSetting(place, key, value) : place === 'root' ? misplacedInRoot(key, pointer.slice(origin.pointer.length)) : undefined),
    },
    value,
  );
}

/** Settings people write at the wrong level of x-gateway, and where each goes. */
const misplaced: Readonly<Record<XGatewayPlace, Readonly<Record<string, string>>>> = {
  root: {
    timeout: 'The integration timeout is defaults.timeoutMs (for every operation), or timeoutMs inside the integration of one operation.',
    timeoutMs: 'The integration timeout of every operation is defaults.timeoutMs; one operation sets timeoutMs inside its integration.',
    handler: 'The handler of operations that name none is defaults.lambda.handler.',
    lambda: 'Settings of every Lambda function go under defaults.lambda; one operation names its function with its own x-gateway.lambda.',
    runtime: 'Lambda settings go under defaults.lambda (every function) or handlers.NAME (one function).',
    memoryMb: 'Lambda settings go under defaults.lambda (every function) or handlers.NAME (one function).',
    timeoutS: 'Lambda settings go under defaults.lambda (every function) or handlers.NAME (one function).',
    environment: 'Lambda settings go under defaults.lambda (every function) or handlers.NAME (one function).',
    validation: 'Request validation of every operation is defaults.validation.',
    throttle: 'Throttling is set per stage (stages.NAME.throttle), per operation (its x-gateway.throttle) or per usage plan.',
    logging: 'Logging is set per stage: stages.NAME.logging.',
    stage: 'Stages are listed under stages, by name.',
    apiKeys: 'API keys belong to a usage plan: usagePlans.NAME.apiKeys.',
    authorizer: 'Authorizers are declared on a security scheme: components.securitySchemes.NAME.x-gateway.lambdaAuthorizer.',
    lambdaAuthorizer: 'Authorizers are declared on a security scheme: components.securitySchemes.NAME.x-gateway.lambdaAuthorizer.',
  },
  pathItem: {
    timeout: 'The integration timeout is timeoutMs inside the integration, e.g. lambda: {handler: NAME, timeoutMs: 10000}.',
    timeoutMs: 'The integration timeout is timeoutMs inside the integration, e.g. lambda: {handler: NAME, timeoutMs: 10000}.',
    handler: 'Name the function with lambda: {handler: NAME}.',
  },
  operation: {
    timeout: 'The integration timeout is timeoutMs inside the integration, e.g. lambda: {handler: NAME, timeoutMs: 10000}.',
    timeoutMs: 'The integration timeout is timeoutMs inside the integration, e.g. lambda: {handler: NAME, timeoutMs: 10000}.',
    handler: 'Name the function with lambda: {handler: NAME}.',
    security: 'security is standard OpenAPI: write it on the operation, beside x-gateway.',
  },
  securityScheme: {
    handler: 'Name the authorizer function with lambdaAuthorizer: {handler: NAME}.',
    userPoolArns: 'Cognito pools go under cognito: {userPoolArns: [...]}.',
    issuer: 'The issuer goes under jwt: {issuer: ..., audience: [...]}.',
    audience: 'The audience goes under jwt: {issuer: ..., audience: [...]}.',
  },
};

/** Where a key unknown at the top of one x-gateway object belongs, if people often put it there by mistake. */
function misplacedSetting(place: XGatewayPlace, key: string, value: unknown): string | undefined {
  const advice = misplaced[place][key];
  if (advice) return advice;
  const keys = (p: XGatewayPlace): readonly string[] => xGatewayKeys(p);
  if (place !== 'root' && place !== 'securityScheme' && keys('root').includes(key)) return `"${key}" is set in the x-gateway at the top of the document.`;
  if (place === 'root' && stageKeys().includes(key)) {
    const stages = isRecord(value) && isRecord(value['stages']) ? Object.keys(value['stages']) : [];
    const stage = stages[0] ?? 'prod';
    const perOperation = keys('operation').includes(key) ? `, or in the x-gateway of an operation` : '';
    return `"${key}" is a stage setting: set it on each stage, as stages.${stage}.${key}${perOperation}.`;
  }
  if (place === 'root' && keys('operation').includes(key)) return `"${key}" is set in the x-gateway of an operation or a path item.`;
  return undefined;
}

/** Advice for a key unknown inside the root x-gateway (`relative` is its object's pointer below x-gateway): API-wide settings written under a stage. */
function misplacedInRoot(key: string, relative: string): string | undefined {
  if (!/^\/stages\/[^/]+$/.test(relative) || !xGatewayKeys('root').includes(key)) return undefined;
  return `"${key}" applies to the whole API, not to one stage: move it to the top of x-gateway (x-gateway.${key}).`;
}

function stageKeys(): readonly string[] {
  stageProperties ??= Object.keys((JSON.parse(fs.readFileSync(xGatewaySchemaUrl, 'utf8')) as { $defs: { stage: { properties: object } } }).$defs.stage.properties);
  return stageProperties;
}

let stageProperties: readonly string[] | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

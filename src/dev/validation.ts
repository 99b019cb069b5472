import { createRequire } from 'node:module';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { Api, Route, SchemaOrBoolean } from '../ir/types.js';
import { schemaRefPrefix } from '../ir/schema.js';
import { GatewayError } from './gateway-responses.js';
import type { GatewayRequest } from './request.js';
import { mediaTypeOf } from './request.js';

const apiSchemaId = 'gatewright:api';

const require = createRequire(import.meta.url);

/**
 * The REST gateway's request validators. Parameters: every required path, query and
 * header parameter is present and not blank (the gateway checks nothing else about
 * them). Body: a JSON body matches the schema of its content type; a content type with
 * no schema is not validated. `format` is not checked, as the gateway's models do not.
 */
export class RequestValidator {
  readonly #api: Api;
  #ajv: Ajv2020 | undefined;
  readonly #compiled = new Map<SchemaOrBoolean, ValidateFunction>();

  constructor(api: Api) {
    this.#api = api;
  }

  /**
   * Made on the first body to validate, not at startup: loading ajv and compiling its
   * meta-schema took about half of dev's startup. The front end has already checked the
   * schemas, so ajv does not check them against the meta-schema again.
   */
  #validatorCompiler(): Ajv2020 {
    if (!this.#ajv) {
      const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      this.#ajv = new AjvClass({ strict: false, allErrors: false, validateFormats: false, discriminator: false, validateSchema: false });
      const schemas = Object.fromEntries(this.#api.schemas.map((s) => [s.name, s.schema]));
      this.#ajv.addSchema({ $id: apiSchemaId, components: { schemas } });
    }
    return this.#ajv;
  }

  check(route: Route, request: GatewayRequest, pathParameters: Readonly<Record<string, string>>): void {
    if (route.validation.parameters) this.#checkParameters(route, request, pathParameters);
    if (route.validation.body) this.#checkBody(route, request);
  }

  #checkParameters(route: Route, request: GatewayRequest, pathParameters: Readonly<Record<string, string>>): void {
    const missing: string[] = [];
    for (const parameter of route.parameters) {
      if (!parameter.required) continue;
      let value: string | undefined;
      if (parameter.in === 'query') value = request.queryValue(parameter.name);
      else if (parameter.in === 'header') value = request.header(parameter.name);
      else if (parameter.in === 'path') value = pathParameters[parameter.name] ?? Object.values(pathParameters)[0];
      else continue;
      if (value === undefined || value.trim() === '') missing.push(parameter.name);
    }
    if (missing.length > 0) throw new GatewayError('BAD_REQUEST_PARAMETERS', `Missing required request parameters: [${missing.join(', ')}]`);
  }

  #checkBody(route: Route, request: GatewayRequest): void {
    const body = route.requestBody;
    if (!body) return;
    // Without a Content-Type the gateway assumes JSON.
    const mediaType = mediaTypeOf(request.contentType) ?? 'application/json';
    const content = body.content.find((c) => c.mediaType.toLowerCase() === mediaType) ?? body.content.find((c) => c.mediaType === '$default');
    if (!content || content.schema === undefined || !isJson(mediaType)) return;
    let value: unknown;
    try {
      value = JSON.parse(request.body.toString('utf8'));
    } catch {
      throw new GatewayError('BAD_REQUEST_BODY', undefined, {}, 'the body is not JSON');
    }
    const validate = this.#validator(content.schema);
    if (!validate(value)) {
      const first = validate.errors?.[0];
      throw new GatewayError('BAD_REQUEST_BODY', undefined, {}, first ? `${first.instancePath || '/'} ${first.message ?? ''}` : 'schema mismatch');
    }
  }

  #validator(schema: SchemaOrBoolean): ValidateFunction {
    let validate = this.#compiled.get(schema);
    if (!validate) {
      validate = this.#validatorCompiler().compile(typeof schema === 'boolean' ? schema : (pointRefsAtApi(schema) as object));
      this.#compiled.set(schema, validate);
    }
    return validate;
  }
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** A route's schema names component schemas as `#/components/schemas/X`; point those at the API's schema document. */
function pointRefsAtApi(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointRefsAtApi);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof child === 'string' && child.startsWith(schemaRefPrefix) ? apiSchemaId + child : pointRefsAtApi(child);
  }
  return out;
}

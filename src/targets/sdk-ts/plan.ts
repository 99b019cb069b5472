/**
 * Plans the TypeScript SDK from the IR: names, the data that describes each operation to
 * the runtime, and the types of parameters, answers and errors. Rendering follows in
 * render.ts; nothing here produces text except type expressions.
 */
import type { ClientCredential, ClientOnlyScheme, Api, MediaTypeContent, Parameter, Response, Route, SecurityScheme } from '../../ir/types.js';
import { camelIdentifier, pascalIdentifier, propertyKey, stringLiteral, TypeNames } from '../typescript/index.js';
import { schemaTypes, type SchemaTypes } from './schema-types.js';

export interface SdkOptions {
  readonly errors: 'throw' | 'result';
  readonly groupByTag: boolean;
}

export type ResponseKind = 'json' | 'text' | 'binary' | 'empty';
type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

/** The runtime's `OperationSpec`, as plain data. */
export interface OperationData {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly params: readonly Record<string, unknown>[];
  readonly body?: { readonly required: boolean; readonly media: readonly Record<string, unknown>[] };
  readonly security: readonly (readonly string[])[];
  readonly responses: Readonly<Record<string, ResponseKind>>;
  readonly accept?: string;
  readonly pagination?: Record<string, unknown>;
}

export interface FieldPlan {
  readonly key: string;
  readonly type: string;
  readonly required: boolean;
  readonly doc: readonly (string | undefined)[];
  readonly deprecated: boolean;
}

export interface OperationPlan {
  /** The method name (Route.id). */
  readonly name: string;
  readonly group: string | undefined;
  readonly types: { readonly params: string; readonly success: string; readonly error: string; readonly result: string };
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly method: string;
  readonly path: string;
  readonly data: OperationData;
  readonly fields: readonly FieldPlan[];
  readonly paramsRequired: boolean;
  readonly successes: readonly { readonly status: string; readonly data: string }[];
  readonly errors: readonly { readonly status: string; readonly body: string }[];
  readonly pagination?: { readonly key: string; readonly itemsPath: readonly string[] };
}

export interface SchemeAuthPlan {
  readonly name: string;
  readonly spec: Record<string, unknown>;
  /** The type of `auth.<name>`. */
  readonly configType: string;
  readonly doc: readonly (string | undefined)[];
}

export interface SdkPlan {
  readonly options: SdkOptions;
  readonly api: { readonly title: string; readonly version: string; readonly description?: string; readonly kind: Api['kind'] };
  readonly packageName: string;
  /** Valid semver, from the API's version (which stays in the README and description). */
  readonly packageVersion: string;
  readonly clientClass: string;
  readonly authType: string;
  readonly optionsType: string;
  readonly operations: readonly OperationPlan[];
  /** Tag groups in tag order, when grouping; member name and the operations in it. */
  readonly groups: readonly { readonly member: string; readonly tag: string; readonly operations: readonly OperationPlan[] }[];
  readonly paginateMember: string;
  readonly schemes: readonly SchemeAuthPlan[];
  readonly usesIam: boolean;
  readonly servers: readonly { readonly url: string; readonly defaults: Readonly<Record<string, string>>; readonly description?: string }[];
  readonly defaultBaseUrl?: string;
  readonly stages: readonly string[];
  readonly customDomainUrl?: string;
  readonly typesModule: string;
}

/** Names the generated modules import from the runtime; declarations must not reuse them. */
export const runtimeImports = [
  'ApiError', 'ConfigurationError', 'NetworkError', 'ResponseDecodeError', 'TimeoutError', 'ErrorStatus', 'SuccessStatus', 'RedirectStatus', 'ClientErrorStatus', 'ServerErrorStatus',
  'GatewayErrorBody', 'CallOptions', 'ClientOptions', 'RetryOptions', 'Success', 'Failure', 'OperationSpec', 'ClientContext', 'createContext', 'send', 'orThrow',
  'Credential', 'CredentialProvider', 'IamAuth', 'AwsCredentials', 'SchemeSpec', 'BinaryBody', 'paginate', 'ItemsAt', 'signRequest', 'serverUrl', 'executeApiUrl',
  'T', 'operations', 'schemes', 'servers', 'stages', 'defaultBaseUrl', 'customDomainUrl', 'stageUrl',
];

export function planSdk(api: Api, options: SdkOptions, types: SchemaTypes = schemaTypes(api)): SdkPlan {
  const names = new TypeNames(runtimeImports);
  const base = pascalIdentifier(api.name, 'Api');
  const clientClass = names.claim(`${base}Client`);
  const authType = names.claim(`${base}Auth`);
  const optionsType = names.claim(`${base}ClientOptions`);

  const schemes = sentSchemes(api).map((scheme) => planScheme(scheme));
  const usedSchemes = new Set(api.routes.flatMap((r) => r.security.requirements.flatMap((req) => req.map((use) => use.scheme))));

  const routes = api.routes;
  const operations = routes.map((route) => planOperation(route, names, types, api, options));

  // Group members live on the client next to the ungrouped methods and `paginate`.
  const members = new TypeNames(['constructor', ...operations.filter((o) => o.group === undefined).map((o) => o.name)]);
  const paginateMember = members.claim('paginate');
  const groups: { member: string; tag: string; operations: OperationPlan[] }[] = [];
  if (options.groupByTag) {
    const tagOrder = [...api.tags.map((t) => t.name), ...routes.flatMap((r) => r.tags)];
    const byTag = new Map<string, OperationPlan[]>();
    for (const operation of operations) if (operation.group !== undefined) byTag.set(operation.group, [...(byTag.get(operation.group) ?? []), operation]);
    for (const tag of [...new Set(tagOrder)]) {
      const grouped = byTag.get(tag);
      if (grouped) groups.push({ member: members.claim(camelIdentifier(tag, 'untagged')), tag, operations: grouped });
    }
  }

  const servers = api.servers.map((server) => ({
    url: server.url,
    defaults: Object.fromEntries(server.variables.map((v) => [v.name, v.default])),
    ...(server.description !== undefined ? { description: server.description } : {}),
  }));
  const defaultBaseUrl = servers.map((s) => s.url.replace(/\{([^}]+)\}/g, (whole, name: string) => s.defaults[name] ?? whole)).find((url) => /^https?:\/\/[^{}]+$/.test(url));
  const domain = api.gateway.domain;
  return {
    options,
    api: { title: api.title, version: api.version, ...(api.description !== undefined ? { description: api.description } : {}), kind: api.kind },
    packageName: `${npmName(api.name)}-client`,
    packageVersion: packageVersion(api.version),
    clientClass,
    authType,
    optionsType,
    operations,
    groups,
    paginateMember,
    schemes: schemes.filter((s) => usedSchemes.has(s.name)),
    usesIam: api.securitySchemes.some((s) => s.type === 'iam' && usedSchemes.has(s.name)),
    servers,
    ...(defaultBaseUrl !== undefined ? { defaultBaseUrl } : {}),
    stages: api.gateway.stages.map((s) => s.name),
    ...(domain ? { customDomainUrl: `https://${domain.name}${domain.basePath ? `/${domain.basePath}` : ''}` } : {}),
    typesModule: types.module,
  };
}

function npmName(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|[-]+$/g, '');
  return cleaned === '' ? 'api' : cleaned.slice(0, 200);
}

// Semantic Versioning 2.0.0, as https://semver.org gives it.
const semverPattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

/** Whether npm takes `version` as it is: semver, no longer than npm's 256 characters, major.minor.patch safe integers. */
function isSemver(version: string): boolean {
  return version.length <= 256 && semverPattern.test(version) && (version.split(/[-+]/, 1)[0] ?? '').split('.').every((n) => Number.isSafeInteger(Number(n)));
}

/**
 * The package's version, which npm requires to be semver: the API's version where it is
 * (a leading `v` dropped), `1` or `1.2` filled up to `1.0.0` or `1.2.0`, else a prerelease
 * of 0.0.0 that keeps what it can (a date `2024-01-01` becomes `0.0.0-2024-01-01`).
 */
export function packageVersion(apiVersion: string): string {
  const written = apiVersion.trim().replace(/^v(?=\d)/i, '');
  if (isSemver(written)) return written;
  const short = /^(\d+)(?:\.(\d+))?$/.exec(written);
  if (short && isSemver(`${short[1]}.${short[2] ?? '0'}.0`)) return `${short[1]}.${short[2] ?? '0'}.0`;
  // Prerelease identifiers are dot-separated runs of [0-9A-Za-z-]; numeric ones have no leading zeros.
  const identifiers = written
    .replace(/[^0-9A-Za-z.-]+/g, '-')
    .slice(0, 240)
    .split('.')
    .map((id) => id.replace(/^-+|-+$/g, ''))
    .filter((id) => id !== '')
    .map((id) => (/^\d+$/.test(id) ? id.replace(/^0+(?=\d)/, '') : id));
  return identifiers.length === 0 ? '0.0.0' : `0.0.0-${identifiers.join('.')}`;
}

/**
 * The schemes whose credentials a caller gives the client. An API key is sent in `x-api-key`
 * only when the gateway reads it from there: with `apiKeySource` AUTHORIZER the Lambda
 * authorizer supplies the key of a route that requires one, and the header is not read.
 */
function sentSchemes(api: Api): (SecurityScheme | ClientOnlyScheme)[] {
  const fromAuthorizer = api.gateway.apiKeySource === 'AUTHORIZER';
  return [...api.securitySchemes, ...api.clientOnlySchemes].filter((scheme) => !(fromAuthorizer && scheme.type === 'apiKey'));
}

function planScheme(scheme: SecurityScheme | ClientOnlyScheme): SchemeAuthPlan {
  const doc = [scheme.description];
  switch (scheme.type) {
    case 'apiKey':
      return { name: scheme.name, spec: { type: 'apiKey', header: scheme.headerName }, configType: 'Credential', doc: [...doc, 'An API key from a usage plan, sent in `x-api-key`.'] };
    case 'iam':
      return { name: scheme.name, spec: { type: 'iam' }, configType: 'IamAuth', doc: [...doc, 'AWS credentials; every attempt is signed with SigV4 for `execute-api`.'] };
    case 'cognito':
    case 'jwt': {
      const header = scheme.identitySource.in === 'header' ? scheme.identitySource.name : 'Authorization';
      const what = scheme.type === 'cognito' ? 'A Cognito user pool token' : 'A JWT from the issuer';
      return {
        name: scheme.name,
        spec: { type: 'bearer', header },
        configType: 'Credential',
        doc: [...doc, `${what}, sent as \`${header}: Bearer <token>\`. A provider is asked again with \`forceRefresh\` once when the API answers 401.`],
      };
    }
    case 'lambda': {
      // The authorizer reads the header as the client sends it, so a bearer scheme's token goes with its `Bearer` prefix.
      const bearer = sendsBearer(scheme.client);
      const sources = scheme.identitySources
        .filter((s): s is typeof s & { in: 'header' | 'query' } => s.in === 'header' || s.in === 'query')
        .map((s) => ({ in: s.in, name: s.name, ...(bearer && s.in === 'header' && s.name.toLowerCase() === 'authorization' ? { bearer: true } : {}) }));
      const configType = sources.length > 1 ? `{ ${sources.map((s) => `readonly ${propertyKey(s.name)}?: Credential`).join('; ')} }` : 'Credential';
      const where = sources.map((s) => `the ${s.in} \`${s.name}\`${s.bearer ? ' as `Bearer <token>`' : ' as given'}`).join(' and ');
      return {
        name: scheme.name,
        spec: { type: 'credential', sources },
        configType,
        doc: [...doc, `Checked by a Lambda authorizer; sent in ${where || 'no request field'}.`],
      };
    }
    case 'clientOnly':
      return planClientCredential(scheme.name, scheme.client, doc);
  }
}

/** Whether the spec's scheme is a bearer token: HTTP bearer, or a token from an OAuth 2 or OpenID Connect flow. */
function sendsBearer(client: ClientCredential): boolean {
  return (client.kind === 'http' && client.scheme === 'bearer') || client.kind === 'oauth2' || client.kind === 'openIdConnect';
}

/** A scheme the gateway does not enforce: the client sends what the spec's scheme says. */
function planClientCredential(name: string, client: ClientCredential, doc: readonly (string | undefined)[]): SchemeAuthPlan {
  const bearerToken: SchemeAuthPlan = { name, spec: { type: 'bearer', header: 'Authorization' }, configType: 'Credential', doc: [...doc, 'A token, sent as `Authorization: Bearer <token>`.'] };
  switch (client.kind) {
    case 'sigv4':
      return { name, spec: { type: 'iam' }, configType: 'IamAuth', doc: [...doc, 'AWS credentials; every attempt is signed with SigV4.'] };
    case 'oauth2':
    case 'openIdConnect':
      return bearerToken;
    case 'http':
      if (sendsBearer(client)) return bearerToken;
      return {
        name,
        spec: { type: 'credential', sources: [{ in: 'header', name: 'Authorization' }] },
        configType: 'Credential',
        doc: [...doc, `Sent as given in \`Authorization\`, e.g. \`${client.scheme.charAt(0).toUpperCase()}${client.scheme.slice(1)} <credentials>\`.`],
      };
    case 'apiKey':
      return {
        name,
        spec: { type: 'credential', sources: client.in === 'cookie' ? [] : [{ in: client.in, name: client.name }] },
        configType: 'Credential',
        doc: [...doc, client.in === 'cookie' ? `Sent by the browser in the cookie \`${client.name}\`; the SDK sends nothing itself.` : `Sent as given in the ${client.in} \`${client.name}\`.`],
      };
    case 'mutualTLS':
      return { name, spec: { type: 'credential', sources: [] }, configType: 'Credential', doc: [...doc, 'Mutual TLS: configure the client certificate in your fetch implementation.'] };
  }
}

function planOperation(route: Route, names: TypeNames, types: SchemaTypes, api: Api, options: SdkOptions): OperationPlan {
  const typeNames = {
    params: names.allocate(route.id, 'Params'),
    success: names.allocate(route.id, 'Success'),
    error: names.allocate(route.id, 'Error'),
    result: names.allocate(route.id, 'Result'),
  };
  const reservedKeys = route.method === 'ANY' ? ['body', 'contentType', 'method'] : ['body', 'contentType'];
  // Parameter keys are the spec's names; a name used twice (a path `id` and a query `id`) gets its location appended.
  const seen = new Set<string>(reservedKeys);
  const renamed = new TypeNames(reservedKeys);
  const params = route.parameters.map((parameter) => {
    const key = seen.has(parameter.name) ? renamed.claim(`${parameter.name}In${pascalIdentifier(parameter.in)}`) : parameter.name;
    seen.add(key);
    renamed.reserve(key);
    return { parameter, key };
  });

  const fields: FieldPlan[] = params.map(({ parameter, key }) => ({
    key,
    type: parameterType(parameter, types),
    required: parameter.required,
    doc: [parameter.description, key !== parameter.name ? `Sent as the ${parameter.in} parameter \`${parameter.name}\`.` : undefined],
    deprecated: parameter.deprecated,
  }));
  const body = route.requestBody;
  const bodyMedia = body ? body.content.map((content) => ({ content, kind: bodyKind(content.mediaType) })) : [];
  if (body && bodyMedia.length > 0) {
    const bodyTypes = [...new Set(bodyMedia.map(({ content, kind }) => bodyType(content, kind, types)))];
    fields.push({ key: 'body', type: bodyTypes.join(' | '), required: body.required, doc: [body.description], deprecated: false });
    if (bodyMedia.length > 1) {
      fields.push({
        key: 'contentType',
        type: bodyMedia.map(({ content }) => stringLiteral(content.mediaType)).join(' | '),
        required: false,
        doc: [`The body's media type; default \`${bodyMedia[0]?.content.mediaType}\`.`],
        deprecated: false,
      });
    }
  }

  if (route.method === 'ANY') {
    fields.push({ key: 'method', type: "'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS'", required: false, doc: ['The route takes any method; default GET.'], deprecated: false });
  }
  const responses: Record<string, ResponseKind> = {};
  for (const response of route.responses) responses[response.status] = responseKind(response);
  const accept = acceptHeader(route.responses);
  const schemeNames = new Set(sentSchemes(api).map((s) => s.name));
  const security = route.security.public ? [] : route.security.requirements.map((req) => req.map((use) => use.scheme).filter((n) => schemeNames.has(n)));

  const paginationParameter = route.pagination ? params.find(({ parameter }) => parameter.in === 'query' && parameter.name === route.pagination?.param) : undefined;
  const data: OperationData = {
    id: route.id,
    method: route.method,
    path: route.path,
    params: params.map(({ parameter, key }) => parameterData(parameter, key, parameter.in === 'path' && route.path.includes(`{${parameter.name}+}`))),
    ...(body && bodyMedia.length > 0
      ? { body: { required: body.required, media: bodyMedia.map(({ content, kind }) => ({ type: content.mediaType, kind, ...encodingData(content) })) } }
      : {}),
    security,
    responses,
    ...(accept !== undefined ? { accept } : {}),
    ...(route.pagination && paginationParameter
      ? {
          pagination: {
            param: route.pagination.param,
            style: route.pagination.style,
            ...(route.pagination.nextPointer !== undefined ? { nextPointer: route.pagination.nextPointer } : {}),
            ...(route.pagination.nextHeader !== undefined ? { nextHeader: route.pagination.nextHeader } : {}),
            itemsPointer: route.pagination.itemsPointer,
          },
        }
      : {}),
  };

  return {
    name: route.id,
    group: options.groupByTag ? route.tags[0] : undefined,
    types: typeNames,
    ...(route.summary !== undefined ? { summary: route.summary } : {}),
    ...(route.description !== undefined ? { description: route.description } : {}),
    deprecated: route.deprecated,
    method: data.method,
    path: route.path,
    data,
    fields,
    paramsRequired: fields.some((f) => f.required),
    successes: successTypes(route.responses, types),
    errors: errorTypes(route.responses, types),
    ...(route.pagination && paginationParameter
      ? { pagination: { key: paginationParameter.key, itemsPath: route.pagination.itemsPointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')) } }
      : {}),
  };
}

function parameterData(parameter: Parameter, key: string, greedy: boolean): Record<string, unknown> {
  const defaultStyle = parameter.in === 'path' || parameter.in === 'header' ? 'simple' : 'form';
  const defaultExplode = parameter.style === 'form';
  return {
    name: parameter.name,
    ...(key !== parameter.name ? { key } : {}),
    in: parameter.in,
    ...(parameter.style !== defaultStyle ? { style: parameter.style } : {}),
    ...(parameter.explode !== defaultExplode ? { explode: parameter.explode } : {}),
    ...(parameter.allowReserved ? { allowReserved: true } : {}),
    ...(parameter.mediaType !== undefined ? { contentType: parameter.mediaType } : {}),
    ...(greedy ? { greedy: true } : {}),
  };
}

function encodingData(content: MediaTypeContent): Record<string, unknown> {
  if (!content.encoding) return {};
  const encoding: Record<string, Record<string, unknown>> = {};
  for (const [property, value] of Object.entries(content.encoding)) {
    encoding[property] = {
      ...(value.contentType !== undefined ? { contentType: value.contentType } : {}),
      ...(value.style !== undefined ? { style: value.style } : {}),
      ...(value.explode !== undefined ? { explode: value.explode } : {}),
    };
  }
  return { encoding };
}

function parameterType(parameter: Parameter, types: SchemaTypes): string {
  return types.typeOf(parameter.schema, 'write');
}

const jsonMedia = /^application\/(.+\+)?json\b|^[^/]+\/[^;]*\+json\b|^\*\/\*$/i;

function bodyKind(mediaType: string): BodyKind {
  if (jsonMedia.test(mediaType)) return 'json';
  if (/^application\/x-www-form-urlencoded\b/i.test(mediaType)) return 'form';
  if (/^multipart\//i.test(mediaType)) return 'multipart';
  if (/^text\//i.test(mediaType)) return 'text';
  return 'binary';
}

function bodyType(content: MediaTypeContent, kind: BodyKind, types: SchemaTypes): string {
  if (kind === 'binary') return 'BinaryBody';
  if (kind === 'text') return 'string';
  return types.typeOf(content.schema, 'write');
}

function preferredContent(response: Response): MediaTypeContent | undefined {
  return response.content.find((c) => jsonMedia.test(c.mediaType)) ?? response.content[0];
}

function responseKind(response: Response): ResponseKind {
  const content = preferredContent(response);
  if (!content) return 'empty';
  if (jsonMedia.test(content.mediaType)) return 'json';
  if (/^text\//i.test(content.mediaType)) return 'text';
  return 'binary';
}

function responseType(response: Response, types: SchemaTypes): string {
  const kind = responseKind(response);
  if (kind === 'empty') return 'undefined';
  if (kind === 'text') return 'string';
  if (kind === 'binary') return 'Blob';
  return types.typeOf(preferredContent(response)?.schema, 'read');
}

function acceptHeader(responses: readonly Response[]): string | undefined {
  const media = [...new Set(responses.flatMap((r) => r.content.map((c) => c.mediaType)))];
  if (media.length === 0) return undefined;
  return media.join(', ');
}

const ranges: Record<string, string> = { '2': 'SuccessStatus', '3': 'RedirectStatus', '4': 'ClientErrorStatus', '5': 'ServerErrorStatus' };

/** 2xx answers: exact statuses as literals, `2XX` (or `default`) as the 2xx statuses not listed. */
function successTypes(responses: readonly Response[], types: SchemaTypes): { status: string; data: string }[] {
  const exact = responses.filter((r) => /^2\d\d$/.test(r.status));
  const out = exact.map((r) => ({ status: r.status, data: responseType(r, types) }));
  const range = responses.find((r) => r.status.toUpperCase() === '2XX') ?? (out.length === 0 ? responses.find((r) => r.status === 'default') : undefined);
  if (range) out.push({ status: excluding('SuccessStatus', exact.map((r) => r.status)), data: responseType(range, types) });
  if (out.length === 0) out.push({ status: 'SuccessStatus', data: 'unknown' });
  return out;
}

/** Error answers: exact statuses, then ranges, then `default` (or `unknown`) for the rest. */
function errorTypes(responses: readonly Response[], types: SchemaTypes): { status: string; body: string }[] {
  const exact = responses.filter((r) => /^[345]\d\d$/.test(r.status));
  // A gateway error (throttling, auth) carries a JSON body even where the spec declares none.
  const errorBody = (response: Response): string => {
    const type = responseType(response, types);
    return type === 'undefined' ? 'unknown' : type;
  };
  const out = exact.map((r) => ({ status: r.status, body: errorBody(r) }));
  const coveredRanges: string[] = [];
  for (const response of responses) {
    const range = /^([345])XX$/i.exec(response.status)?.[1];
    if (!range) continue;
    coveredRanges.push(ranges[range] as string);
    out.push({ status: excluding(ranges[range] as string, exact.filter((r) => r.status.startsWith(range)).map((r) => r.status)), body: errorBody(response) });
  }
  if (coveredRanges.length < 3) {
    const fallback = responses.find((r) => r.status === 'default');
    out.push({ status: excluding('ErrorStatus', [...exact.map((r) => r.status), ...coveredRanges]), body: fallback ? errorBody(fallback) : 'unknown' });
  }
  return out;
}

function excluding(all: string, taken: readonly string[]): string {
  return taken.length === 0 ? all : `Exclude<${all}, ${taken.join(' | ')}>`;
}

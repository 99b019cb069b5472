import type { Origin } from '../diagnostics/diagnostic.js';
import { schemaOrigin } from '../ir/schema.js';
import type { Api, DeployValue, IdentitySource, MediaTypeContent, Parameter, Route, Security, Throttle } from '../ir/types.js';
import { appendPointer } from '../load/json-pointer.js';
import { changeKinds, type ChangeKind } from './changes.js';
import { SchemaComparer, type SchemaChange } from './compare-schemas.js';

/** One change between two versions of a spec. */
export interface Change {
  readonly kind: ChangeKind;
  /** Says what changed, for whom it breaks, and what to do. */
  readonly message: string;
  /** Which spec the origin points into: the head, or the base for what was removed. */
  readonly side: 'base' | 'head';
  readonly origin: Origin;
}

const below = (origin: Origin, ...path: (string | number)[]): Origin => ({ file: origin.file, pointer: appendPointer(origin.pointer, ...path) });
const keyOf = (origin: Origin): Origin => ({ ...origin, key: true });

/**
 * Compares two versions of an API, as the IR describes them, and lists every change
 * clients or the deployed gateway would notice. Operations are matched by method and
 * path with parameter names ignored (renaming `{id}` to `{orderId}` changes no URL).
 */
export function diffApis(base: Api, head: Api): Change[] {
  // A change in a shared parameter or schema is found once per operation that uses it;
  // it is reported once, naming the operations it affects.
  const found = new Map<string, { kind: ChangeKind; side: 'base' | 'head'; origin: Origin; message: Message; operations: string[] }>();
  const add: Add = (kind, side, origin, message, operation) => {
    const key = `${kind}|${side}|${origin.file}#${origin.pointer}`;
    const entry = found.get(key) ?? { kind, side, origin, message, operations: [] };
    found.set(key, entry);
    if (operation !== undefined && !entry.operations.includes(operation)) entry.operations.push(operation);
  };
  const schemas = new SchemaComparer(base.schemas, head.schemas);
  diffGateway(base, head, add);
  diffOperations(base, head, schemas, add);
  diffMessageRoutes(base, head, add);
  diffSecuritySchemes(base, head, add);
  return [...found.values()].map(({ kind, side, origin, message, operations }) => {
    const text = typeof message === 'string' ? message : message(listed(operations));
    const breaks = changeKinds[kind].breaks;
    const lead = breaks === 'clients' ? 'Breaks clients: ' : breaks === 'gateway' ? 'Breaks the deployed gateway: ' : '';
    return { kind, side, origin, message: lead ? lead + text : text.charAt(0).toUpperCase() + text.slice(1) };
  });
}

/** A message, or for a change found in several operations, one that names them (`GET /a and GET /b`). */
type Message = string | ((operations: string) => string);

type Add = (kind: ChangeKind, side: 'base' | 'head', origin: Origin, message: Message, operation?: string) => void;

const namedAtMost = 3;

/** `A`, `A and B`, `A, B and C`, or the first few and how many more. */
function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > namedAtMost) return `${names.slice(0, namedAtMost).join(', ')} and ${names.length - namedAtMost} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function routeKey(route: Route): string {
  return `${route.method} ${route.path.replace(/\/$/, '').replace(/\{[^}]*?(\+?)\}/g, '{$1}')}`;
}

function diffOperations(base: Api, head: Api, schemas: SchemaComparer, add: Add): void {
  const headRoutes = new Map(head.routes.map((r) => [routeKey(r), r]));
  const baseRoutes = new Map(base.routes.map((r) => [routeKey(r), r]));
  for (const [key, before] of baseRoutes) {
    const after = headRoutes.get(key);
    if (!after) {
      add('operation-removed', 'base', keyOf(before.origin), `${before.method} ${before.path} was removed; clients that call it get 404 or 403. Keep it (deprecated) until clients have moved, or publish this as a new major version.`);
      continue;
    }
    const name = `${after.method} ${after.path}`;
    if (before.operationId !== undefined && after.operationId !== undefined && before.operationId !== after.operationId) {
      add('operation-id-changed', 'head', below(after.origin, 'operationId'), `the operationId of ${name} changed from "${before.operationId}" to "${after.operationId}", which renames the SDK method ${before.id}() to ${after.id}(). Keep the old operationId.`);
    }
    if (!before.deprecated && after.deprecated) add('operation-deprecated', 'head', below(after.origin, 'deprecated'), `${name} is now deprecated.`);
    diffParameters(name, before, after, schemas, add);
    diffRequestBody(name, before, after, schemas, add);
    diffResponses(name, before, after, schemas, add);
    diffSecurity(name, before.security, after.security, after, add);
    diffThrottle(`${name}`, before.throttle, after.throttle, below(after.origin, 'x-gateway', 'throttle'), add);
  }
  for (const [key, after] of headRoutes) {
    if (!baseRoutes.has(key)) add('operation-added', 'head', keyOf(after.origin), `${after.method} ${after.path} was added.`);
  }
}

function parameterKey(parameter: Parameter, index: number): string {
  // Path parameters are matched by position: their names are not part of the URL.
  if (parameter.in === 'path') return `path#${index}`;
  return `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
}

function keyed(parameters: readonly Parameter[]): Map<string, Parameter> {
  let pathIndex = 0;
  return new Map(parameters.map((p) => [parameterKey(p, p.in === 'path' ? pathIndex++ : 0), p]));
}

function parameterSchemaOrigin(parameter: Parameter): Origin {
  return parameter.mediaType === undefined ? below(parameter.origin, 'schema') : below(parameter.origin, 'content', parameter.mediaType, 'schema');
}

function diffParameters(name: string, before: Route, after: Route, schemas: SchemaComparer, add: Add): void {
  const old = keyed(before.parameters);
  const now = keyed(after.parameters);
  for (const [key, parameter] of now) {
    const was = old.get(key);
    const what = (operations: string) => `the ${parameter.in} parameter "${parameter.name}" of ${operations}`;
    if (!was) {
      if (parameter.required) add('parameter-added-required', 'head', parameter.origin, (ops) => `${what(ops)} is new and required, so existing calls without it are refused. Make it optional with a default.`, name);
      else add('parameter-added-optional', 'head', parameter.origin, (ops) => `${what(ops)} was added (optional).`, name);
      continue;
    }
    if (!was.required && parameter.required) add('parameter-became-required', 'head', below(parameter.origin, 'required'), (ops) => `${what(ops)} is now required, so existing calls without it are refused. Keep it optional, with a default.`, name);
    if (was.required && !parameter.required && parameter.in !== 'path') add('parameter-became-optional', 'head', parameter.origin, (ops) => `${what(ops)} is now optional.`, name);
    for (const c of schemas.compare(was.schema, parameterSchemaOrigin(was), parameter.schema, parameterSchemaOrigin(parameter))) {
      const where = (ops: string) => `${what(ops)}${c.at === '' ? '' : ` at ${c.at}`}`;
      if (c.kind === 'type-changed' && c.types) {
        add('parameter-narrowed', 'head', c.origin, (ops) => `the type of the ${parameter.in} parameter "${parameter.name}"${c.at === '' ? '' : ` at ${c.at}`} changed from ${c.types?.from} to ${c.types?.to} in ${ops}, so existing calls that send a ${c.types?.from} are refused. Accept the old type too.`, name);
      } else if (c.kind === 'narrowed') add('parameter-narrowed', 'head', c.origin, (ops) => `${where(ops)} accepts fewer values (${c.detail}), so some existing calls are refused. Accept the old values too.`, name);
      else if (c.kind === 'widened') add('parameter-widened', 'head', c.origin, (ops) => `${where(ops)} accepts more values (${c.detail}).`, name);
    }
  }
  for (const [key, parameter] of old) {
    if (!now.has(key)) add('parameter-removed', 'base', parameter.origin, (ops) => `the ${parameter.in} parameter "${parameter.name}" of ${ops} was removed; clients that still send it are ignored, not refused.`, name);
  }
}

function contentByType(contents: readonly MediaTypeContent[]): Map<string, MediaTypeContent> {
  return new Map(contents.map((c) => [c.mediaType.toLowerCase(), c]));
}

function diffRequestBody(name: string, before: Route, after: Route, schemas: SchemaComparer, add: Add): void {
  const was = before.requestBody;
  const now = after.requestBody;
  if (!now) {
    if (was) add('request-body-removed', 'base', was.origin, `the request body of ${name} was removed; clients that still send one are not refused.`);
    return;
  }
  if (now.required && (!was || !was.required)) {
    add('request-body-added-required', 'head', now.origin, `${name} now requires a request body, so existing calls without one are refused. Make the body optional.`);
  }
  if (!was) return;
  const old = contentByType(was.content);
  const fresh = contentByType(now.content);
  for (const [type, content] of old) {
    const next = fresh.get(type);
    if (!next) {
      add('request-media-type-removed', 'base', keyOf(content.origin), `${name} no longer accepts ${content.mediaType} request bodies, so clients sending them are refused with 415. Keep accepting it.`);
      continue;
    }
    for (const c of schemas.compare(content.schema, schemaOrigin(content.origin, 'schema'), next.schema, schemaOrigin(next.origin, 'schema'))) {
      // A schema shared by operations may sit at another place in each body, so each is named with its own.
      requestChange(content.mediaType, `${name}${c.at === '' ? '' : ` (at ${c.at})`}`, c, add);
    }
  }
}

function requestChange(mediaType: string, operation: string, c: SchemaChange, add: Add): void {
  const where = (ops: string) => `the ${mediaType} request body of ${ops}`;
  switch (c.kind) {
    case 'type-changed':
      add('request-narrowed', c.side, c.origin, (ops) => `the type of a ${mediaType} request body value changed from ${c.types?.from} to ${c.types?.to} in ${ops}, so existing requests that send a ${c.types?.from} there are refused. Accept the old type too.`, operation);
      break;
    case 'narrowed':
      add('request-narrowed', c.side, c.origin, (ops) => `${where(ops)} accepts fewer values (${c.detail}), so some existing requests are refused. Accept the old values too.`, operation);
      break;
    case 'widened':
      add('request-widened', c.side, c.origin, (ops) => `${where(ops)} accepts more values (${c.detail}).`, operation);
      break;
    case 'required-added':
      add('request-property-added-required', c.side, c.origin, (ops) => `${where(ops)}: ${c.detail}, so existing requests without it are refused. Make it optional, with a default.`, operation);
      break;
    case 'property-removed':
      if (!c.openObject) add('request-property-removed', c.side, c.origin, (ops) => `${where(ops)}: ${c.detail}, and no other properties are allowed, so requests that still send it are refused. Keep the property, or allow additional properties.`, operation);
      break;
    default:
      break;
  }
}

function diffResponses(name: string, before: Route, after: Route, schemas: SchemaComparer, add: Add): void {
  const fresh = new Map(after.responses.map((r) => [r.status, r]));
  const old = new Map(before.responses.map((r) => [r.status, r]));
  for (const [status, response] of old) {
    const next = fresh.get(status);
    if (!next) {
      if (/^[23]/.test(status)) add('response-status-removed', 'base', keyOf(response.origin), `${name} no longer answers ${status}; clients waiting for it see a status they do not handle. Keep answering ${status}.`);
      else add('response-error-status-removed', 'base', keyOf(response.origin), `${name} no longer declares the ${status} response.`);
      continue;
    }
    for (const header of response.headers) {
      if (header.required && !next.headers.some((h) => h.name.toLowerCase() === header.name.toLowerCase())) {
        add('response-header-removed', 'base', header.origin, `the ${status} response of ${name} no longer sends the header ${header.name}, which clients could count on. Keep sending it.`);
      }
    }
    const nextContent = contentByType(next.content);
    for (const content of response.content) {
      const now = nextContent.get(content.mediaType.toLowerCase());
      if (!now) {
        add('response-media-type-removed', 'base', keyOf(content.origin), `the ${status} response of ${name} is no longer sent as ${content.mediaType}. Keep offering it.`);
        continue;
      }
      for (const c of schemas.compare(content.schema, schemaOrigin(content.origin, 'schema'), now.schema, schemaOrigin(now.origin, 'schema'))) {
        // Operations sharing a schema may answer it under another status, at another place in the body: each is named with its own.
        const operation = `${name} (${status}${c.at === '' ? '' : ` at ${c.at}`})`;
        const where = (ops: string) => `the response of ${ops}`;
        switch (c.kind) {
          case 'type-changed':
            add('response-widened', c.side, c.origin, (ops) => `the type of a response value changed from ${c.types?.from} to ${c.types?.to} in ${ops}; clients built on the old spec expect a ${c.types?.from} there. Keep the old type, or add a field with the new one.`, operation);
            break;
          case 'widened':
            add('response-widened', c.side, c.origin, (ops) => `${where(ops)} may now hold other values (${c.detail}), which clients built on the old spec do not expect. Version the field, or add values only where clients are told to expect more.`, operation);
            break;
          case 'property-removed':
            add('response-property-removed', c.side, c.origin, (ops) => `${where(ops)}: ${c.detail}; clients that read it break. Keep sending it (deprecated).`, operation);
            break;
          case 'became-optional':
            add('response-property-became-optional', c.side, c.origin, (ops) => `${where(ops)}: ${c.detail}; clients that read it unconditionally break. Keep it required.`, operation);
            break;
          case 'property-added':
          case 'required-added':
            add('response-property-added', c.side, c.origin, (ops) => `${where(ops)}: ${c.detail}.`, operation);
            break;
          default:
            break;
        }
      }
    }
  }
  for (const [status, response] of fresh) {
    if (!old.has(status)) add('response-status-added', 'head', keyOf(response.origin), `${name} may now answer ${status}.`);
  }
}

function requirementSets(security: Security): string[] {
  return security.requirements.map((uses) => uses.map((u) => `${u.scheme}[${[...u.scopes].sort().join(' ')}]`).sort().join(' + ')).sort();
}

function diffSecurity(name: string, before: Security, after: Security, route: Route, add: Add): void {
  const was = before.requirements.length > 0;
  const now = after.requirements.length > 0;
  if (!was && now) {
    add('security-added', 'head', after.origin.pointer === route.origin.pointer ? keyOf(route.origin) : after.origin, `${name} now requires ${requirementSets(after).join(' or ')}, so anonymous callers are refused with 401 or 403. Tell clients before you ship it.`);
    return;
  }
  if (was && !now) {
    add('security-removed', 'head', after.origin.pointer === route.origin.pointer ? keyOf(route.origin) : after.origin, `${name} no longer requires auth: it is now open to anyone, who can call it without credentials. If that is not intended, give it a security requirement again.`);
    return;
  }
  if (!was) return;
  // Each old alternative must still be accepted as it was (same schemes, no more scopes).
  const stillAccepted = before.requirements.every((uses) =>
    after.requirements.some((next) => next.length === uses.length && next.every((n) => uses.some((u) => u.scheme === n.scheme && n.scopes.every((s) => u.scopes.includes(s))))),
  );
  if (!stillAccepted) {
    add('security-changed', 'head', after.origin, `${name} now requires ${requirementSets(after).join(' or ')} instead of ${requirementSets(before).join(' or ')}, so clients with the old credentials or scopes are refused. Keep accepting them while clients move.`);
  }
}

function diffThrottle(what: string, before: Throttle | undefined, after: Throttle | undefined, origin: Origin, add: Add): void {
  if (!before || !after) return;
  if (after.rate < before.rate || after.burst < before.burst) {
    add('throttle-lowered', 'head', origin, `${what} is throttled harder (rate ${before.rate} → ${after.rate}, burst ${before.burst} → ${after.burst}); clients may see more 429 responses.`);
  }
}

function diffGateway(base: Api, head: Api, add: Add): void {
  const b = base.gateway;
  const h = head.gateway;
  if (base.title !== head.title) {
    const renamed = head.name === head.title ? ' The deployed API is renamed in place; its URL, stages and keys stay.' : '';
    add('api-title-changed', 'head', below(head.origin, 'info', 'title'), `the title changed from "${base.title}" to "${head.title}".${renamed}`);
  }
  if (base.kind !== head.kind) {
    add('api-kind-changed', 'head', below(h.origin, 'kind'), `the API changes from ${base.kind} to ${head.kind}: API Gateway creates a new API with a new URL, and its keys, plans and stages start empty. Deploy it beside the old one and move clients over.`);
  }
  if (base.kind === 'rest' && head.kind === 'rest' && b.endpoint !== h.endpoint) {
    add('endpoint-changed', 'head', below(h.origin, 'endpoint'), `the endpoint changes from ${b.endpoint} to ${h.endpoint}, which gives the API another host name; clients of the execute-api URL break (a custom domain hides this).`);
  }
  const headStages = new Map(h.stages.map((s) => [s.name, s]));
  for (const stage of b.stages) {
    const now = headStages.get(stage.name);
    if (!now) {
      add('stage-removed', 'base', keyOf(stage.origin), `the stage "${stage.name}" was removed, and with it its URL; clients calling it get 403. Keep the stage until clients have moved.`);
      continue;
    }
    diffThrottle(`the stage "${stage.name}"`, stage.throttle, now.throttle, below(now.origin, 'throttle'), add);
  }
  const baseStages = new Set(b.stages.map((s) => s.name));
  for (const stage of h.stages) if (!baseStages.has(stage.name)) add('stage-added', 'head', keyOf(stage.origin), `the stage "${stage.name}" was added.`);
  const headPlans = new Map(h.usagePlans.map((p) => [p.name, p]));
  const headKeys = new Set(h.usagePlans.flatMap((p) => p.apiKeys));
  for (const plan of b.usagePlans) {
    const now = headPlans.get(plan.name);
    if (!now) {
      add('usage-plan-removed', 'base', keyOf(plan.origin), `the usage plan "${plan.name}" was removed; its API keys are refused from the next deploy. Keep the plan, or move its keys to another plan first.`);
    } else {
      for (const stage of plan.stages) {
        // A stage that is gone altogether is reported as stage-removed.
        if (!now.stages.includes(stage) && headStages.has(stage)) add('usage-plan-stage-removed', 'head', below(now.origin, 'stages'), `the usage plan "${plan.name}" no longer covers the stage "${stage}"; its keys are refused there.`);
      }
      diffThrottle(`the usage plan "${plan.name}"`, plan.throttle, now.throttle, below(now.origin, 'throttle'), add);
      if (plan.quota && now.quota && (now.quota.limit < plan.quota.limit || now.quota.period !== plan.quota.period)) {
        add('throttle-lowered', 'head', below(now.origin, 'quota'), `the quota of the usage plan "${plan.name}" changes from ${plan.quota.limit} per ${plan.quota.period.toLowerCase()} to ${now.quota.limit} per ${now.quota.period.toLowerCase()}.`);
      }
    }
    plan.apiKeys.forEach((key, index) => {
      if (!headKeys.has(key)) add('api-key-removed', 'base', below(plan.origin, 'apiKeys', index), `the API key "${key}" was removed; callers using it are refused with 403 from the next deploy. Give them a new key (add it to a usage plan) and wait until they have switched before removing this one.`);
    });
  }
  if (b.apiKeySource !== h.apiKeySource && base.kind === 'rest' && head.kind === 'rest') {
    add('api-key-source-changed', 'head', below(h.origin, 'apiKeySource'), `API keys are now read from ${h.apiKeySource === 'AUTHORIZER' ? "the Lambda authorizer's answer" : 'the x-api-key header'} instead of ${b.apiKeySource === 'AUTHORIZER' ? "the authorizer's answer" : 'the x-api-key header'}; clients sending keys the old way are refused.`);
  }
  if (b.domain && (!h.domain || h.domain.name !== b.domain.name || h.domain.basePath !== b.domain.basePath)) {
    const was = `https://${b.domain.name}/${b.domain.basePath}`;
    add('domain-changed', h.domain ? 'head' : 'base', h.domain ? h.domain.origin : b.domain.origin, h.domain ? `the API moves from ${was} to https://${h.domain.name}/${h.domain.basePath}; clients of the old URL break. Map the API under both until they have moved.` : `the custom domain ${b.domain.name} was removed; clients of ${was} break.`);
  }
  if (b.cors && !(h.cors?.origins.includes('*') ?? false)) {
    b.cors.origins.forEach((origin, index) => {
      if (!(h.cors?.origins.includes(origin) ?? false)) add('cors-origin-removed', 'base', below(b.cors?.origin as Origin, 'origins', index), `browsers on ${origin} may no longer call the API (CORS); web apps served from there break.`);
    });
  }
  b.binaryMediaTypes.forEach((type, index) => {
    if (!h.binaryMediaTypes.includes(type)) add('binary-media-type-removed', 'base', below(b.origin, 'binaryMediaTypes', index), `${type} is no longer passed as binary, so such bodies arrive corrupted. Keep it in binaryMediaTypes.`);
  });
}

function diffMessageRoutes(base: Api, head: Api, add: Add): void {
  const headKeys = new Map(head.messageRoutes.map((r) => [r.routeKey, r]));
  const baseKeys = new Set(base.messageRoutes.map((r) => r.routeKey));
  for (const route of base.messageRoutes) {
    if (!headKeys.has(route.routeKey)) add('message-route-removed', 'base', keyOf(route.origin), `the WebSocket route ${route.routeKey} was removed; its messages now go to $default, or are dropped without one.`);
  }
  for (const route of head.messageRoutes) if (!baseKeys.has(route.routeKey)) add('message-route-added', 'head', keyOf(route.origin), `the WebSocket route ${route.routeKey} was added.`);
}

/** The operations (and WebSocket routes) that name a security scheme: whom a change to it affects. */
function schemeUsers(api: Api, scheme: string): string[] {
  const uses = (security: Security) => security.requirements.some((alternative) => alternative.some((use) => use.scheme === scheme));
  return [...api.routes.filter((r) => uses(r.security)).map((r) => `${r.method} ${r.path}`), ...api.messageRoutes.filter((r) => uses(r.security)).map((r) => r.routeKey)];
}

function shownValue(value: DeployValue): string {
  if ('literal' in value) return `"${value.literal}"`;
  return 'parameter' in value ? `the template parameter ${value.parameter}` : `the export ${value.import}`;
}

const sameValue = (a: DeployValue, b: DeployValue): boolean => JSON.stringify(a) === JSON.stringify(b);
const shownSource = (source: IdentitySource): string => `${source.in}.${source.name}`;

/**
 * Compares the authorizers behind the security schemes both versions define and some
 * operation of the head uses: a changed issuer, audience, user pool, identity source or
 * token pattern refuses credentials that worked before, though no operation changed.
 */
function diffSecuritySchemes(base: Api, head: Api, add: Add): void {
  const baseSchemes = new Map(base.securitySchemes.map((s) => [s.name, s]));
  for (const now of head.securitySchemes) {
    const was = baseSchemes.get(now.name);
    const users = schemeUsers(head, now.name);
    if (!was || was.type !== now.type || users.length === 0) continue;
    const who = `${listed(users)} ${users.length === 1 ? 'refuses' : 'refuse'}`;
    const x = below(now.origin, 'x-gateway');
    const wasX = below(was.origin, 'x-gateway');
    if (was.type === 'jwt' && now.type === 'jwt') {
      // A Cognito pool on an HTTP API is a JWT authorizer whose audience is the pool's client ids.
      const written = now.issuer !== undefined && 'literal' in now.issuer && now.issuer.literal.startsWith('https://cognito-idp.') ? 'cognito' : 'jwt';
      const audienceKey = written === 'cognito' ? 'clientIds' : 'audience';
      if (!sameValue(was.issuer, now.issuer)) {
        add('authorizer-issuer-changed', 'head', written === 'cognito' ? below(x, 'cognito', 'userPoolArns', 0) : below(x, 'jwt', 'issuer'), `the JWT authorizer "${now.name}" now trusts tokens issued by ${shownValue(now.issuer)} instead of ${shownValue(was.issuer)}, so ${who} every token clients hold with 401. Clients must sign in with the new issuer; to move them without an outage, add a second scheme for the new issuer and accept either.`);
      }
      was.audience.forEach((audience, index) => {
        if (now.audience.some((a) => sameValue(a, audience))) return;
        const instead = now.audience.length > 0 ? ` Clients must get tokens for ${now.audience.map(shownValue).join(' or ')};` : ' Clients must get tokens for an audience it accepts;';
        add('authorizer-audience-removed', 'base', below(wasX, written, audienceKey, index), `the JWT authorizer "${now.name}" no longer accepts tokens issued for the audience ${shownValue(audience)}, so ${who} them with 401.${instead} keep ${shownValue(audience)} in the audience until they have.`);
      });
      now.audience.forEach((audience, index) => {
        if (!was.audience.some((a) => sameValue(a, audience))) add('authorizer-audience-added', 'head', below(x, written, audienceKey, index), `the JWT authorizer "${now.name}" also accepts tokens issued for the audience ${shownValue(audience)}.`);
      });
    }
    if ((was.type === 'jwt' && now.type === 'jwt') || (was.type === 'cognito' && now.type === 'cognito')) {
      if (shownSource(was.identitySource) !== shownSource(now.identitySource)) {
        add('authorizer-identity-source-changed', 'head', now.origin, `the authorizer "${now.name}" now reads the token from ${shownSource(now.identitySource)} instead of ${shownSource(was.identitySource)}, so ${who} requests that send it the old way with 401. Clients must send the token in ${shownSource(now.identitySource)}.`);
      }
    }
    if (was.type === 'cognito' && now.type === 'cognito') {
      was.userPoolArns.forEach((pool, index) => {
        if (!now.userPoolArns.some((p) => sameValue(p, pool))) add('user-pool-removed', 'base', below(wasX, 'cognito', 'userPoolArns', index), `the Cognito authorizer "${now.name}" no longer trusts the user pool ${shownValue(pool)}, so ${who} the tokens of its users with 401. Its users must sign in through a pool it still trusts; keep the pool until they have.`);
      });
      now.userPoolArns.forEach((pool, index) => {
        if (!was.userPoolArns.some((p) => sameValue(p, pool))) add('user-pool-added', 'head', below(x, 'cognito', 'userPoolArns', index), `the Cognito authorizer "${now.name}" also trusts the user pool ${shownValue(pool)}.`);
      });
    }
    if (was.type === 'lambda' && now.type === 'lambda') {
      const before = was.identitySources.map(shownSource);
      const after = now.identitySources.map(shownSource);
      const needed = after.filter((s) => !before.includes(s));
      const dropped = before.filter((s) => !after.includes(s));
      const sources = below(x, 'lambdaAuthorizer', 'identitySources');
      if (needed.length > 0) {
        add('authorizer-identity-source-changed', 'head', sources, `the Lambda authorizer "${now.name}" now needs ${needed.join(' and ')} (it read ${before.join(' and ')}); API Gateway answers 401 without calling it when a request lacks one, so ${who} existing requests. Clients must send ${needed.join(' and ')}; keep the old identity sources until they do.`);
      } else if (dropped.length > 0) {
        add('authorizer-identity-source-removed', 'head', sources, `the Lambda authorizer "${now.name}" no longer needs ${dropped.join(' and ')}.`);
      }
      if (now.validationRegex !== undefined && now.validationRegex !== was.validationRegex) {
        const change = was.validationRegex === undefined ? `now only accepts tokens that match ${now.validationRegex}` : `now only accepts tokens that match ${now.validationRegex} instead of ${was.validationRegex}`;
        add('authorizer-validation-regex-changed', 'head', below(x, 'lambdaAuthorizer', 'validationRegex'), `the Lambda authorizer "${now.name}" ${change}, so ${who} other tokens with 401 without calling it. Make sure every token clients hold matches, or remove validationRegex.`);
      }
    }
  }
}

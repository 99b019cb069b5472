import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/codes.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { collectHandlers, completeCors, nameRoutes, resolveRouteConflicts, type HandlerSettings } from '../ir/passes/index.js';
import type { Api, ApiKind, ClientOnlyScheme, SecurityScheme, Server, Tag } from '../ir/types.js';
import { checkDuplicateOperationIds } from './checks/duplicate-operation-ids.js';
import { checkDynamicReferences } from './checks/dynamic-references.js';
import { checkMisspelledExtensions } from './checks/misspelled-extension.js';
import { BuildContext, child, entries, isObject, optional, stringAt, type Node, type OpenApiVersion } from './context.js';
import { readPaths } from './objects/paths-object.js';
import { readSecuritySchemes } from './objects/security-scheme-object.js';
import { validateDocument } from './validate-document.js';
import { decodeApiKeySource, decodeDefaults, decodeGateway } from './x-gateway/root.js';
import { validateXGateway } from './x-gateway/validate-x-gateway.js';
import { bool, num, obj, str, stringMap } from './x-gateway/values.js';
import { readMessageRoutes } from './x-gateway/websocket-routes.js';

export interface FrontEndResult {
  /** Present when the spec could be read; its diagnostics may still hold errors. */
  readonly api?: Api;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The front end: checks a loaded spec (OpenAPI schema, x-gateway schema, the rules the
 * OpenAPI schema cannot state) and builds the IR, reporting every problem in one run.
 */
export function buildApi(loaded: LoadedSpec): FrontEndResult {
  const root = loaded.root;
  if (!root || root.data === undefined) return { diagnostics: loaded.diagnostics };
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const document: Node = { value: root.data, origin: { file: root.file, pointer: '' } };
  const data = obj(root.data);

  const version = openApiVersion(data, root.file, diagnostics);
  if (!version) return { diagnostics };
  diagnostics.push(...validateDocument(root.data, version, document.origin));

  const xNode = child(document, 'x-gateway');
  let gatewayNode: Node | undefined;
  if (xNode.value !== undefined) {
    // Decoded even when invalid: the decoders skip what they cannot read, so the rest
    // of the spec is still checked against the settings that are right.
    diagnostics.push(...validateXGateway(xNode.value, 'root', xNode.origin));
    if (isObject(xNode.value)) gatewayNode = xNode;
  }
  // The kind is read even from an x-gateway with other problems, so later checks match it.
  const writtenKind = obj(xNode.value)['kind'];
  const kind: ApiKind = writtenKind === 'http' || writtenKind === 'websocket' ? writtenKind : 'rest';
  const ctx = new BuildContext(loaded.sources, root.file, version, kind);
  const defaults = decodeDefaults(ctx, gatewayNode);

  const components = child(document, 'components');
  ctx.schemas.reserveComponents(child(components, 'schemas'));
  const schemesNode = child(components, 'securitySchemes');
  const { schemes: securitySchemes, clientOnly: clientOnlySchemes } = readSecuritySchemes(ctx, schemesNode);
  const schemes = new Map<string, SecurityScheme | ClientOnlyScheme>([...securitySchemes, ...clientOnlySchemes].map((s) => [s.name, s]));
  const declaredSchemes = new Set(isObject(schemesNode.value) ? Object.keys(schemesNode.value) : []);
  const rootSecurity = data['security'] === undefined ? undefined : child(document, 'security');

  const pathsNode = child(document, 'paths');
  const apiKeySource = decodeApiKeySource(gatewayNode);
  const routes = kind === 'websocket' ? [] : readPaths(ctx, pathsNode, { rootSecurity, schemes, declaredSchemes, defaults, apiKeySource });
  const routesNode = gatewayNode ? child(gatewayNode, 'routes') : undefined;
  const messageRoutes =
    kind === 'websocket' && routesNode ? readMessageRoutes(ctx, routesNode, rootSecurity, schemes, declaredSchemes, defaults, apiKeySource) : [];
  if (kind === 'websocket') {
    if (entries(pathsNode).some(([key]) => !key.startsWith('x-'))) {
      ctx.report('websocket-route-invalid', 'A WebSocket API has no HTTP paths; declare its routes under x-gateway.routes and leave "paths" empty.', pathsNode.origin);
    }
    if (messageRoutes.length === 0) {
      ctx.report('websocket-route-invalid', 'A WebSocket API needs routes: add x-gateway.routes with at least $default or a custom route key.', xNode.origin);
    }
  }
  const gateway = decodeGateway(ctx, gatewayNode, document.origin);
  if (kind === 'websocket' && rootSecurity && Array.isArray(rootSecurity.value) && rootSecurity.value.length > 0 && !('$connect' in obj(routesNode?.value))) {
    ctx.report(
      'websocket-route-invalid',
      'On a WebSocket API the root security authorizes $connect, but there is no $connect route, so anyone can connect. Add one under x-gateway.routes (e.g. $connect: {lambda: {handler: connect}}), or remove security.',
      rootSecurity.origin,
      { gatewayOnly: true },
    );
  }
  ctx.schemas.convertPending();
  ctx.schemas.reportReferenceCycles();
  checkDuplicateOperationIds(ctx, routes);
  checkDynamicReferences(ctx, loaded.sources.files.flatMap((f) => loaded.sources.get(f) ?? []));
  const { rootMisspelled } = checkMisspelledExtensions(ctx, document);
  // Naming defaults.lambda.handler is the deliberate way to serve operations by one handler: say nothing then.
  // Nor when the root x-gateway is misspelled: its settings were ignored, and renaming it is the advice that matters.
  const defaultHandlerNamed = str(obj(obj(obj(gatewayNode?.value)['defaults'])['lambda'])['handler']) !== undefined;
  if (ctx.defaultedIntegrations.length > 0 && !defaultHandlerNamed && !rootMisspelled) {
    ctx.report(
      'integration-missing',
      `${ctx.defaultedIntegrations.length} operation(s) name no integration, so they are served by the Lambda handler "${defaults.handler}". Set x-gateway.lambda (or http, mock, aws) on each operation, or defaults.lambda.handler.`,
      ctx.defaultedIntegrations[0],
    );
  }

  const info = child(document, 'info');
  const title = stringAt(info, 'title') ?? 'API';
  const description = stringAt(info, 'description');
  let api: Api = {
    kind,
    name: str(obj(gatewayNode?.value)['name']) ?? title,
    title,
    version: stringAt(info, 'version') ?? '',
    ...optional('description', description),
    openapiVersion: String(data['openapi']),
    servers: readServers(child(document, 'servers')),
    tags: readTags(child(document, 'tags')),
    routes,
    messageRoutes,
    schemas: ctx.schemas.named,
    securitySchemes,
    clientOnlySchemes,
    handlers: [],
    gateway,
    origin: document.origin,
  };
  api = nameRoutes(api);
  api = resolveRouteConflicts(api, (code, message, origin, related) => ctx.report(code, message, origin, { related: [{ message: 'the other operation', origin: related }] }));
  api = collectHandlers(api, {
    defaults: defaults.lambda,
    settings: handlerSettings(gatewayNode),
    report: (code, message, origin, related) =>
      ctx.report(code, message, origin, related ? { related: [{ message: 'also used here', origin: related }] } : {}),
  });
  api = completeCors(api, (code, message, origin, related) => ctx.report(code, message, origin, { related }));
  diagnostics.push(...ctx.diagnostics);
  return { api, diagnostics };
}

function openApiVersion(data: Record<string, unknown>, file: string, diagnostics: Diagnostic[]): OpenApiVersion | undefined {
  const written = data['openapi'];
  if (typeof written === 'string' && /^3\.0\.\d+(-.+)?$/.test(written)) return '3.0';
  if (typeof written === 'string' && /^3\.1\.\d+(-.+)?$/.test(written)) return '3.1';
  if ('swagger' in data) {
    diagnostics.push(
      diagnostic(
        'openapi-swagger-2',
        `${file} is Swagger ${String(data['swagger'])}; gatewright reads OpenAPI 3.0 and 3.1. Convert it first, e.g. "npx swagger2openapi ${file} -o openapi.yaml", then review the result.`,
        { file, pointer: '/swagger', key: true },
      ),
    );
    return undefined;
  }
  diagnostics.push(
    diagnostic(
      'openapi-version-unsupported',
      written === undefined
        ? `${file} has no "openapi" field; start it with openapi: 3.1.0 (or 3.0.3).`
        : /^3\.[01]$/.test(String(written))
          ? `The openapi version must be written in full, as openapi: ${String(written)}.0 (or a later ${String(written)}.x)${typeof written === 'number' ? `; YAML reads ${String(written)} as a number` : ''}.`
          : `The openapi version "${String(written)}" is not supported; gatewright reads 3.0.x and 3.1.x.`,
      { file, pointer: written === undefined ? '' : '/openapi' },
    ),
  );
  return undefined;
}

function readServers(node: Node): Server[] {
  if (!Array.isArray(node.value)) return [];
  return node.value.flatMap((server, index): Server[] => {
    if (!isObject(server) || typeof server['url'] !== 'string') return [];
    const serverNode = child(node, index);
    return [
      {
        url: server['url'],
        ...optional('description', str(server['description'])),
        variables: Object.entries(obj(server['variables'])).map(([name, v]) => {
          const variable = obj(v);
          const enumValues = Array.isArray(variable['enum']) ? variable['enum'].filter((e): e is string => typeof e === 'string') : undefined;
          return {
            name,
            default: str(variable['default']) ?? '',
            ...optional('enum', enumValues),
            ...optional('description', str(variable['description'])),
          };
        }),
        origin: serverNode.origin,
      },
    ];
  });
}

function readTags(node: Node): Tag[] {
  if (!Array.isArray(node.value)) return [];
  return node.value.flatMap((tag): Tag[] =>
    isObject(tag) && typeof tag['name'] === 'string' ? [{ name: tag['name'], ...optional('description', str(tag['description'])) }] : [],
  );
}

function handlerSettings(gateway: Node | undefined): Map<string, HandlerSettings> {
  const handlers = gateway ? child(gateway, 'handlers') : undefined;
  const settings = new Map<string, HandlerSettings>();
  for (const [name, node] of entries(handlers)) {
    const v = obj(node.value);
    settings.set(name, {
      ...optional('runtime', str(v['runtime'])),
      ...optional('memoryMb', num(v['memoryMb'])),
      ...optional('timeoutS', num(v['timeoutS'])),
      ...optional('architecture', v['architecture'] === 'x86_64' ? 'x86_64' : v['architecture'] === 'arm64' ? 'arm64' : undefined),
      ...optional('environment', isObject(v['environment']) ? stringMap(v['environment']) : undefined),
      ...optional('policies', Array.isArray(v['policies']) ? v['policies'] : undefined),
      ...optional('reservedConcurrency', num(v['reservedConcurrency'])),
      ...optional('tracing', bool(v['tracing'])),
      origin: node.origin,
    } as HandlerSettings);
  }
  return settings;
}

/**
 * Renders a handler's Lambda entry point (`gatewright/entries/<name>.ts`): the stub's
 * implementation, the table of what the spec says about each operation, and the runtime
 * glue that joins them. It exports `handler(event, context)`, the Lambda contract.
 */
import { expression, RawCode, stringLiteral } from '../typescript/encode.js';
import { generatedHeader } from './contract.js';
import { contractPath, entryPath, importSpecifier, lambdaHandler, runtimeDir, stubPath, validatorsPath } from './layout.js';
import type { AuthorizerPlan, ContentPlan, HandlersPlan, MessageHandlerPlan, OperationPlan, RouteHandlerPlan } from './plan.js';

export function renderEntry(plan: HandlersPlan, handler: RouteHandlerPlan | MessageHandlerPlan | AuthorizerPlan): string {
  const name = handler.handler.name;
  const from = entryPath(name);
  const imports = [`import implementation from ${stringLiteral(importSpecifier(from, stubPath(name)))};`];
  const validatorsUsed = handler.validators.wanted.length > 0;
  const validator = (exported: string | undefined): RawCode | undefined => (exported === undefined ? undefined : new RawCode(`validators.${exported}`));
  let body: string;
  if (handler.role === 'route') {
    imports.push(
      `import type { Handlers } from ${stringLiteral(importSpecifier(from, contractPath(name)))};`,
      `import { httpHandler } from ${stringLiteral(importSpecifier(from, `${runtimeDir}/http.ts`))};`,
      `import type { HttpApiSpec } from ${stringLiteral(importSpecifier(from, `${runtimeDir}/spec.ts`))};`,
    );
    const cors = plan.api.kind === 'rest' ? plan.api.gateway.cors : undefined;
    const api = {
      kind: plan.api.kind === 'http' ? 'http' : 'rest',
      operations: handler.operations.map((operation) => operationTable(operation, validator)),
      cors: cors
        ? {
            origins: cors.origins,
            credentials: cors.credentials,
            exposeHeaders: cors.exposeHeaders,
            // A path whose spec routes OPTIONS gets no preflight mock from the gateway (docs/targets.md, "CORS").
            preflight: handler.operations.some((o) => o.route.method === 'OPTIONS') ? { methods: cors.methods, headers: cors.headers, maxAgeS: cors.maxAgeS } : undefined,
          }
        : undefined,
    };
    body = `const api: HttpApiSpec = ${expression(api)};\n\n/** The Lambda handler (\`${lambdaHandler(name)}\` once bundled). */\nexport const handler = httpHandler(implementation satisfies Handlers, api);\n`;
  } else if (handler.role === 'message') {
    imports.push(
      `import type { Handlers } from ${stringLiteral(importSpecifier(from, contractPath(name)))};`,
      `import type { MessageRouteSpec } from ${stringLiteral(importSpecifier(from, `${runtimeDir}/spec.ts`))};`,
      `import { webSocketHandler } from ${stringLiteral(importSpecifier(from, `${runtimeDir}/websocket.ts`))};`,
    );
    const routes = handler.routes.map((planned) => ({
      id: planned.route.id,
      routeKey: planned.route.routeKey,
      validate: validator(planned.validator),
      respond: planned.route.respond,
      security: planned.security,
    }));
    body = `const routes: readonly MessageRouteSpec[] = ${expression(routes)};\n\n/** The Lambda handler (\`${lambdaHandler(name)}\` once bundled). */\nexport const handler = webSocketHandler(implementation satisfies Handlers, routes);\n`;
  } else {
    imports.push(
      `import type { Authorizer } from ${stringLiteral(importSpecifier(from, contractPath(name)))};`,
      `import { authorizerHandler } from ${stringLiteral(importSpecifier(from, `${runtimeDir}/authorizer.ts`))};`,
      `import type { AuthorizerSpec } from ${stringLiteral(importSpecifier(from, `${runtimeDir}/spec.ts`))};`,
    );
    const spec = { kind: handler.kinds.includes('token') ? 'token' : 'request', simpleResponses: handler.simpleResponses, cached: handler.cached, headers: handler.headers, query: handler.query };
    body = `const spec: AuthorizerSpec = ${expression(spec)};\n\n/** The Lambda handler (\`${lambdaHandler(name)}\` once bundled). */\nexport const handler = authorizerHandler(implementation satisfies Authorizer, spec);\n`;
  }
  if (validatorsUsed) imports.push(`import * as validators from ${stringLiteral(importSpecifier(from, validatorsPath(name)))};`);
  return `${generatedHeader}${imports.join('\n')}\n\n${body}`;
}

function operationTable(operation: OperationPlan, validator: (name: string | undefined) => RawCode | undefined): unknown {
  const route = operation.route;
  return {
    id: route.id,
    method: route.method,
    gatewayPath: route.gatewayPath,
    path: route.path,
    pathSources: operation.pathSources,
    parameters: operation.parameters.map((p) => ({
      name: p.parameter.name,
      in: p.parameter.in,
      required: p.parameter.required,
      style: p.parameter.style,
      explode: p.parameter.explode,
      shape: p.shape,
      properties: p.properties,
      json: p.json ? true : undefined,
      default: p.default,
      validate: validator(p.validator),
    })),
    body: operation.body ? { required: operation.body.required, contents: operation.body.contents.map((c) => contentTable(c, validator)) } : undefined,
    responses: operation.responses.map((r) => ({ status: r.response.status, contents: r.contents.map((c) => ({ mediaType: c.mediaType, kind: c.kind })) })),
    security: operation.security,
  };
}

function contentTable(content: ContentPlan, validator: (name: string | undefined) => RawCode | undefined): unknown {
  return { mediaType: content.mediaType, kind: content.kind, validate: validator(content.validator), arrays: content.arrays };
}

/**
 * Renders a handler's stub (`handlers/<name>.ts`): written once, then the user's. Its
 * body compiles against the contract from the first build and returns a typed
 * placeholder, so that a later spec change it no longer matches is a compile error here.
 */
import { docComment, expression, RawCode, stringLiteral } from '../typescript/encode.js';
import { exampleValue } from '../typescript/example-value.js';
import { contractPath, importSpecifier, stubPath } from './layout.js';
import type { AuthorizerPlan, HandlersPlan, MessageHandlerPlan, OperationPlan, ResponsePlan, RouteHandlerPlan } from './plan.js';

const ownership = [
  'gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.',
  'The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code',
  'no longer matches, the compiler points here.',
];

export function renderStub(plan: HandlersPlan, handler: RouteHandlerPlan | MessageHandlerPlan | AuthorizerPlan): string {
  const name = handler.handler.name;
  const contract = stringLiteral(importSpecifier(stubPath(name), contractPath(name)));
  const binding = handler.binding;
  if (handler.role === 'authorizer') {
    const doc = docComment([`The "${name}" Lambda authorizer (${handler.schemes.map((s) => s.name).join(', ')}).`, '', ...ownership]);
    const reads = handler.kinds.includes('token') ? 'request.token' : 'request.headers and request.query';
    return [
      `import type { Authorizer } from ${contract};`,
      '',
      `${doc}const ${binding}: Authorizer = async (request, context) => {`,
      `  // Decide from ${reads}; until then every caller is refused.`,
      "  return { effect: 'deny' };",
      '};',
      '',
      `export default ${binding};`,
      '',
    ].join('\n');
  }
  const doc = docComment([`The "${name}" function.`, '', ...ownership]);
  if (handler.role === 'route') {
    // Each method declares its response type, so that a response the spec no longer allows is reported at the return itself.
    const members = handler.operations.map((operation) => method(operation.route.id, operationComment(operation), placeholderResponse(plan, operation), `Promise<${operation.responseType}>`));
    const types = ['Handlers', ...handler.operations.map((o) => o.responseType)].sort();
    return [`import type { ${types.join(', ')} } from ${contract};`, '', `${doc}const ${binding}: Handlers = {`, ...members, '};', '', `export default ${binding};`, ''].join('\n');
  }
  const members = handler.routes.map((planned) => method(planned.route.id, [planned.route.routeKey + (planned.route.summary !== undefined ? `: ${planned.route.summary}` : '')], '{ status: 200 }'));
  return [`import type { Handlers } from ${contract};`, '', `${doc}const ${binding}: Handlers = {`, ...members, '};', '', `export default ${binding};`, ''].join('\n');
}

function operationComment(operation: OperationPlan): string[] {
  const route = operation.route;
  return [`${route.method} ${route.path}${route.summary !== undefined ? `: ${route.summary}` : ''}`];
}

function method(id: string, doc: readonly string[], response: string, returns?: string): string {
  return `${docComment(doc, '  ')}  ${id}: async (request, context)${returns !== undefined ? `: ${returns}` : ''} => {\n    return ${response};\n  },`;
}

/** The first success the operation declares (else its first response), with the smallest body its type accepts. */
function placeholderResponse(plan: HandlersPlan, operation: OperationPlan): string {
  const explicit = new Set(operation.responses.map((r) => r.response.status));
  const candidates = operation.responses
    .map((response) => ({ response, status: statusFor(response.response.status, explicit) }))
    .filter((c): c is { response: ResponsePlan; status: number } => c.status !== undefined);
  const chosen = candidates.find((c) => c.status >= 200 && c.status < 300) ?? candidates[0];
  if (!chosen) return '{ status: 500 }';
  const { response, status } = chosen;
  const value: Record<string, unknown> = { status };
  const required = response.headers.filter((h) => h.required);
  if (required.length > 0) value['headers'] = Object.fromEntries(required.map((h) => [h.name, example(plan, h.schema)]));
  const content = response.contents[0];
  if (content) {
    if (response.contents.length > 1 || content.mediaType.includes('*')) value['contentType'] = content.mediaType.includes('*') ? 'application/octet-stream' : content.mediaType;
    value['body'] =
      content.kind === 'binary'
        ? new RawCode('new Uint8Array()')
        : content.schema === undefined
          ? content.kind === 'text'
            ? ''
            : null
          : example(plan, content.schema);
  }
  return expression(value, '    ');
}

function example(plan: HandlersPlan, schema: Parameters<typeof exampleValue>[0]): unknown {
  return exampleValue(schema, 'response', plan.types, { binary: 'new Uint8Array()' });
}

/** A status code a response of the spec stands for: the code itself, the first of its range, or for `default` the first unused of 200, 500. */
function statusFor(status: string, explicit: ReadonlySet<string>): number | undefined {
  if (/^[1-5][0-9][0-9]$/.test(status)) return Number(status);
  const range = /^([1-5])XX$/i.exec(status);
  if (range) {
    for (let code = Number(range[1]) * 100; code < Number(range[1]) * 100 + 100; code++) if (!explicit.has(String(code))) return code;
    return undefined;
  }
  if (status === 'default') {
    const ranges = [...explicit].filter((s) => /^[1-5]XX$/i.test(s)).map((s) => s[0]);
    return [200, 500, 400].find((code) => !explicit.has(String(code)) && !ranges.includes(String(code)[0] as string));
  }
  return undefined;
}

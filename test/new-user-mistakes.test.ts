import path from 'node:path';
import { expect, test } from 'vitest';
import { check } from './helpers/diagnostics.js';
import { writeFiles } from './helpers/temp.js';

/**
 * Slips a first-time user makes, and what they should read: one diagnostic per mistake,
 * at the place to fix, saying what to do.
 */

interface MistakeCase {
  readonly given: string;
  readonly want: readonly { readonly code: string; readonly at: string; readonly message: string }[];
}

const cases: [string, MistakeCase][] = [
  [
    'x-gateway misspelled: its settings would be ignored in silence',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
x-gatway: {kind: http}
paths:
  /a:
    get:
      X-Gateway: {lambda: {handler: a}}
      security: []
      responses: {'200': {description: ok}}
`,
      want: [
        { code: 'x-gateway-misspelled', at: '3:1', message: '"x-gatway" looks like a misspelling of x-gateway, so gatewright ignores its settings; rename it to x-gateway.' },
        { code: 'openapi-schema', at: '7:7', message: 'The OpenAPI 3.0 Operation Object at paths./a.get has no key "X-Gateway" here. Did you mean x-gateway? Extension keys start with a lowercase "x-".' },
      ],
    },
  ],
  [
    'x-gateway keys not indented under x-gateway',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  kind: http
stages:
  prod: {}
paths:
  /a:
    get:
      security: []
      x-gateway:
      lambda: {handler: a}
      responses: {'200': {description: ok}}
`,
      want: [
        {
          code: 'openapi-schema',
          at: '5:1',
          message: 'OpenAPI 3.0 document has no key "stages" here. "stages" is an x-gateway setting: indent it under x-gateway (at the top of the document).',
        },
        { code: 'x-gateway-invalid', at: '11:17', message: 'x-gateway is empty; indent its keys under it (two more spaces), or remove it.' },
        { code: 'openapi-schema', at: '12:7', message: 'The OpenAPI 3.0 Operation Object at paths./a.get has no key "lambda" here. "lambda" is an x-gateway setting: indent it under x-gateway.' },
      ],
    },
  ],
  [
    'a misspelled required key is reported once, as the misspelling',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      security: []
      x-gateway: {lambda: {handlr: a}}
      responses: {'200': {description: ok}}
`,
      want: [{ code: 'x-gateway-unknown-key', at: '7:28', message: 'x-gateway.lambda has no key "handlr". Did you mean "handler"? Allowed keys: handler, timeoutMs.' }],
    },
  ],
  [
    'a misspelled key deep in the document names the object it is in',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a.json:
    get:
      security: []
      parameters:
        - {name: q, in: query, schema: {type: string}, requried: true}
      responses: {'200': {description: ok}}
`,
      want: [
        {
          code: 'openapi-schema',
          at: '8:56',
          message:
            'The OpenAPI 3.0 Parameter Object at paths["/a.json"].get.parameters[0] has no key "requried". Did you mean "required"? Allowed keys: name, in, description, required, deprecated, allowEmptyValue, style, explode, allowReserved, schema, content, example, examples.',
        },
      ],
    },
  ],
  [
    'an unknown key in OpenAPI 3.1 (checked through unevaluatedProperties) is named too',
    {
      given: `openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /a:
    get:
      security: []
      respnses: {'200': {description: ok}}
`,
      want: [
        {
          code: 'openapi-schema',
          at: '7:7',
          message:
            'The OpenAPI 3.1 Operation Object at paths./a.get has no key "respnses". Did you mean "responses"? Allowed keys: tags, summary, description, externalDocs, operationId, parameters, requestBody, responses, callbacks, deprecated, security, servers.',
        },
      ],
    },
  ],
  [
    'an integration timeout written at the root of x-gateway',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  timeout: 10000
paths: {}
`,
      want: [
        {
          code: 'x-gateway-unknown-key',
          at: '4:3',
          message: 'x-gateway has no key "timeout" here. The integration timeout is defaults.timeoutMs (for every operation), or timeoutMs inside the integration of one operation.',
        },
      ],
    },
  ],
  [
    'a handler named beside the integration instead of in it',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      security: []
      x-gateway: {handler: a}
      responses: {'200': {description: ok}}
`,
      want: [{ code: 'x-gateway-unknown-key', at: '7:19', message: 'x-gateway has no key "handler" here. Name the function with lambda: {handler: NAME}.' }],
    },
  ],
  [
    'a root setting written on a path item',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    x-gateway: {stages: {prod: {}}}
    get:
      security: []
      responses: {'200': {description: ok}}
`,
      want: [{ code: 'x-gateway-unknown-key', at: '5:17', message: 'x-gateway has no key "stages" here. "stages" is set in the x-gateway at the top of the document.' }],
    },
  ],
  [
    'an API-wide setting written under a stage',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  stages:
    prod:
      cors: {origins: ['https://app.example.com']}
paths: {}
`,
      want: [
        {
          code: 'x-gateway-unknown-key',
          at: '6:7',
          message: 'x-gateway.stages.prod has no key "cors" here. "cors" applies to the whole API, not to one stage: move it to the top of x-gateway (x-gateway.cors).',
        },
      ],
    },
  ],
  [
    'stage settings written at the root of x-gateway',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  stages: {beta: {}}
  tracing: true
  cache: {sizeGb: 0.5}
paths: {}
`,
      want: [
        { code: 'x-gateway-unknown-key', at: '5:3', message: 'x-gateway has no key "tracing" here. "tracing" is a stage setting: set it on each stage, as stages.beta.tracing.' },
        { code: 'x-gateway-unknown-key', at: '6:3', message: 'x-gateway has no key "cache" here. "cache" is a stage setting: set it on each stage, as stages.beta.cache, or in the x-gateway of an operation.' },
      ],
    },
  ],
  [
    'usage plans on an HTTP API: the message names the kinds that have them',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  kind: http
  usagePlans: {free: {}}
paths: {}
`,
      want: [
        {
          code: 'x-gateway-kind-mismatch',
          at: '5:3',
          message: '"usagePlans" is a setting of REST and WebSocket APIs; HTTP APIs do not have it. Remove it or use kind: rest or kind: websocket.',
        },
      ],
    },
  ],
  [
    'openapi: 3.1 (YAML reads a number)',
    {
      given: `openapi: 3.1
info: {title: T, version: '1'}
paths: {}
`,
      want: [{ code: 'openapi-version-unsupported', at: '1:10', message: 'The openapi version must be written in full, as openapi: 3.1.0 (or a later 3.1.x); YAML reads 3.1 as a number.' }],
    },
  ],
  [
    'the same path written twice',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a: {get: {responses: {'200': {description: ok}}}}
  /a: {post: {responses: {'200': {description: ok}}}}
`,
      want: [
        {
          code: 'load-yaml-duplicate-key',
          at: '5:3',
          message: 'openapi.yaml has the key "/a" twice in one mapping; YAML 1.2 keys must be unique. Merge the two entries, or rename one.',
        },
      ],
    },
  ],
  [
    'a key indented one space too far: the caret is on the key, not the line start',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      responses: {'200': {description: ok}}
     post:
      responses: {'200': {description: ok}}
`,
      want: [
        {
          code: 'load-yaml-syntax',
          at: '7:6',
          message: 'openapi.yaml is not valid YAML 1.2: All mapping items must start at the same column. Check the indentation of this line against the lines above it.',
        },
      ],
    },
  ],
  [
    'settings for a handler whose name is one letter off the one the operations use',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  handlers:
    todo: {memoryMb: 512}
paths:
  /todos:
    get:
      security: []
      x-gateway: {lambda: {handler: todos}}
      responses: {'200': {description: ok}}
`,
      want: [
        {
          code: 'x-gateway-reference',
          at: '5:11',
          message: 'x-gateway.handlers has settings for "todo", but no operation, route or authorizer uses that handler; remove them or fix the name. Did you mean "todos"?',
        },
      ],
    },
  ],
  [
    'a JWT authorizer on a REST API is reported at the jwt key, the setting to change',
    {
      given: `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      security: [{auth: []}]
      x-gateway: {lambda: {handler: a}}
      responses: {'200': {description: ok}}
components:
  securitySchemes:
    auth:
      type: http
      scheme: bearer
      x-gateway:
        jwt: {issuer: 'https://auth.example.com', audience: [web]}
`,
      want: [
        {
          code: 'security-scheme-unsupported',
          at: '15:9',
          message: 'REST APIs have no JWT authorizers; use x-gateway.cognito for Cognito user pools, or a lambdaAuthorizer that verifies the token.',
        },
      ],
    },
  ],
];

test.each(cases)('%s', (_name, { given, want }) => {
  const dir = writeFiles({ 'openapi.yaml': given });
  const { diagnostics } = check(path.join(dir, 'openapi.yaml'));
  const position = (at: string | undefined) => (at ?? '0:0').split(':').map(Number) as [number, number];
  const found = diagnostics.filter((d) => d.severity !== 'info').sort((a, b) => position(a.at)[0] - position(b.at)[0] || position(a.at)[1] - position(b.at)[1]);
  expect(found.map((d) => ({ code: d.code, at: d.at, message: d.message }))).toEqual(want);
});

test.each([
  ['a misspelled root x-gateway', { given: 'x-gatway: {kind: http}\n', want: [] }],
  ['no root x-gateway at all', { given: '', want: ['integration-missing'] }],
])('operations without an integration, with %s: infos said', (_name, { given, want }) => {
  const dir = writeFiles({
    'openapi.yaml': `openapi: 3.0.3
info: {title: T, version: '1'}
${given}paths:
  /a: {get: {security: [], responses: {'200': {description: ok}}}}
`,
  });
  const { diagnostics } = check(path.join(dir, 'openapi.yaml'));
  expect(diagnostics.filter((d) => d.severity === 'info').map((d) => d.code)).toEqual(want);
});

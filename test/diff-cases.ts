/**
 * Pairs of specs for `gatewright diff`, one per change class: what the base says, what the
 * head says, and where the change must be reported (the head, or the base for removals).
 */
export interface DiffCase {
  readonly base: string;
  readonly head: string;
  readonly breaks: 'clients' | 'gateway' | false;
  /** Breaks nobody but opens the API up, so it is a warning. */
  readonly opens?: true;
  readonly side: 'base' | 'head';
  readonly pointer: string;
  readonly at: string;
}

const spec = (paths: string, gateway = '  stages: {prod: {}}', components = '') => `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
${gateway}
paths:
${paths}${components ? `components:\n${components}` : ''}`;

const ok = `responses: {'200': {description: ok}}`;
const get = (extra = '', responses = ok) => `    get: {operationId: listOrders, security: [], ${extra}${extra ? ', ' : ''}${responses}}\n`;
const orders = (operation: string) => `  /orders:\n${operation}`;
const post = (body: string, responses = ok) => orders(`    post: {operationId: createOrder, security: [], requestBody: ${body}, ${responses}}\n`);
const json = (schema: string) => `{content: {application/json: {schema: ${schema}}}}`;
const answers = (schema: string) => `responses: {'200': {description: ok, content: {application/json: {schema: ${schema}}}}}`;
const websocket = (routes: string) => `openapi: 3.1.0
info: {title: T, version: '1'}
x-gateway:
  kind: websocket
  routes:
${routes}paths: {}
`;
const withAuth = (security: string) =>
  spec(
    orders(`    get: {operationId: listOrders, security: ${security}, ${ok}}\n`),
    '  stages: {prod: {}}',
    `  securitySchemes:
    pool: {type: http, scheme: bearer, x-gateway: {cognito: {userPoolArns: [arn]}}}
`,
  );

const withScheme = (kind: 'rest' | 'http', scheme: string, security = '[{auth: []}]') =>
  spec(
    orders(`    get: {operationId: listOrders, security: ${security}, ${ok}}\n`),
    `  kind: ${kind}\n  stages: {prod: {}}`,
    `  securitySchemes:
    auth: ${scheme}
`,
  );
const jwt = (settings: string) => withScheme('http', `{type: http, scheme: bearer, x-gateway: {jwt: {${settings}}}}`);
const cognito = (pools: string) => withScheme('rest', `{type: http, scheme: bearer, x-gateway: {cognito: {userPoolArns: [${pools}]}}}`);
const lambda = (settings: string) => withScheme('rest', `{type: apiKey, in: header, name: Authorization, x-gateway: {lambdaAuthorizer: {handler: auth, ${settings}}}}`);

export const diffCases: [string, DiffCase][] = [
  ['operation-removed', { base: spec(orders(get()) + `  /carts:\n    get: {operationId: listCarts, security: [], ${ok}}\n`), head: spec(orders(get())), breaks: 'clients', side: 'base', pointer: '/paths/~1carts/get', at: '9:5' }],
  ['operation-added', { base: spec(orders(get())), head: spec(orders(get()) + `  /carts:\n    get: {operationId: listCarts, security: [], ${ok}}\n`), breaks: false, side: 'head', pointer: '/paths/~1carts/get', at: '9:5' }],
  ['operation-id-changed', { base: spec(orders(get())), head: spec(orders(get().replace('listOrders', 'getOrders'))), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/get/operationId', at: '7:24' }],
  ['operation-deprecated', { base: spec(orders(get())), head: spec(orders(get('deprecated: true'))), breaks: false, side: 'head', pointer: '/paths/~1orders/get/deprecated', at: '7:62' }],
  ['message-route-removed', { base: websocket('    $default: {lambda: {handler: m}}\n    join: {lambda: {handler: m}}\n'), head: websocket('    $default: {lambda: {handler: m}}\n'), breaks: 'clients', side: 'base', pointer: '/x-gateway/routes/join', at: '7:5' }],
  ['message-route-added', { base: websocket('    $default: {lambda: {handler: m}}\n'), head: websocket('    $default: {lambda: {handler: m}}\n    join: {lambda: {handler: m}}\n'), breaks: false, side: 'head', pointer: '/x-gateway/routes/join', at: '7:5' }],
  ['parameter-added-required', { base: spec(orders(get())), head: spec(orders(get('parameters: [{name: shop, in: query, required: true, schema: {type: string}}]'))), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/get/parameters/0', at: '7:63' }],
  ['parameter-added-optional', { base: spec(orders(get())), head: spec(orders(get('parameters: [{name: shop, in: query, schema: {type: string}}]'))), breaks: false, side: 'head', pointer: '/paths/~1orders/get/parameters/0', at: '7:63' }],
  ['parameter-removed', { base: spec(orders(get('parameters: [{name: shop, in: query, schema: {type: string}}]'))), head: spec(orders(get())), breaks: false, side: 'base', pointer: '/paths/~1orders/get/parameters/0', at: '7:63' }],
  ['parameter-became-required', { base: spec(orders(get('parameters: [{name: shop, in: query, schema: {type: string}}]'))), head: spec(orders(get('parameters: [{name: shop, in: query, required: true, schema: {type: string}}]'))), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/get/parameters/0/required', at: '7:97' }],
  ['parameter-became-optional', { base: spec(orders(get('parameters: [{name: shop, in: query, required: true, schema: {type: string}}]'))), head: spec(orders(get('parameters: [{name: shop, in: query, schema: {type: string}}]'))), breaks: false, side: 'head', pointer: '/paths/~1orders/get/parameters/0', at: '7:63' }],
  ['parameter-narrowed', { base: spec(orders(get('parameters: [{name: sort, in: query, schema: {enum: [asc, desc]}}]'))), head: spec(orders(get('parameters: [{name: sort, in: query, schema: {enum: [asc]}}]'))), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/get/parameters/0/schema/enum', at: '7:102' }],
  ['parameter-widened', { base: spec(orders(get('parameters: [{name: q, in: query, schema: {type: string, maxLength: 10}}]'))), head: spec(orders(get('parameters: [{name: q, in: query, schema: {type: string, maxLength: 99}}]'))), breaks: false, side: 'head', pointer: '/paths/~1orders/get/parameters/0/schema/maxLength', at: '7:118' }],
  ['request-body-added-required', { base: spec(post(`{content: {application/json: {schema: {type: object}}}}`)), head: spec(post(`{required: true, content: {application/json: {schema: {type: object}}}}`)), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/post/requestBody', at: '7:65' }],
  ['request-body-removed', { base: spec(post(json('{type: object}'))), head: spec(orders(`    post: {operationId: createOrder, security: [], ${ok}}\n`)), breaks: false, side: 'base', pointer: '/paths/~1orders/post/requestBody', at: '7:65' }],
  ['request-media-type-removed', { base: spec(post(`{content: {application/json: {schema: {type: object}}, application/xml: {schema: {type: object}}}}`)), head: spec(post(json('{type: object}'))), breaks: 'clients', side: 'base', pointer: '/paths/~1orders/post/requestBody/content/application~1xml', at: '7:120' }],
  ['request-property-added-required', { base: spec(post(json('{type: object, properties: {sku: {type: string}}}'))), head: spec(post(json('{type: object, required: [sku], properties: {sku: {type: string}}}'))), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/post/requestBody/content/application~1json/schema/required', at: '7:128' }],
  ['request-property-removed', { base: spec(post(json('{type: object, additionalProperties: false, properties: {sku: {type: string}, note: {type: string}}}'))), head: spec(post(json('{type: object, additionalProperties: false, properties: {sku: {type: string}}}'))), breaks: 'clients', side: 'base', pointer: '/paths/~1orders/post/requestBody/content/application~1json/schema', at: '7:103' }],
  ['request-narrowed', { base: spec(post(json('{type: object, properties: {qty: {type: number}}}'))), head: spec(post(json('{type: object, properties: {qty: {type: integer}}}'))), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/post/requestBody/content/application~1json/schema/properties/qty/type', at: '7:143' }],
  ['request-widened', { base: spec(post(json('{type: object, properties: {size: {enum: [s, m]}}}'))), head: spec(post(json('{type: object, properties: {size: {enum: [s, m, l]}}}'))), breaks: false, side: 'head', pointer: '/paths/~1orders/post/requestBody/content/application~1json/schema/properties/size/enum', at: '7:144' }],
  ['response-status-removed', { base: spec(orders(get('', `responses: {'200': {description: ok}, '404': {description: none}}`))), head: spec(orders(get('', `responses: {'404': {description: none}}`))), breaks: 'clients', side: 'base', pointer: '/paths/~1orders/get/responses/200', at: '7:62' }],
  ['response-error-status-removed', { base: spec(orders(get('', `responses: {'200': {description: ok}, '404': {description: none}}`))), head: spec(orders(get())), breaks: false, side: 'base', pointer: '/paths/~1orders/get/responses/404', at: '7:88' }],
  ['response-status-added', { base: spec(orders(get())), head: spec(orders(get('', `responses: {'200': {description: ok}, '429': {description: slow down}}`))), breaks: false, side: 'head', pointer: '/paths/~1orders/get/responses/429', at: '7:88' }],
  ['response-media-type-removed', { base: spec(orders(get('', `responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}, text/csv: {schema: {type: string}}}}}`))), head: spec(orders(get('', answers('{type: object}')))), breaks: 'clients', side: 'base', pointer: '/paths/~1orders/get/responses/200/content/text~1csv', at: '7:141' }],
  ['response-property-removed', { base: spec(orders(get('', answers('{type: object, properties: {id: {type: string}, total: {type: number}}}')))), head: spec(orders(get('', answers('{type: object, properties: {id: {type: string}}}')))), breaks: 'clients', side: 'base', pointer: '/paths/~1orders/get/responses/200/content/application~1json/schema', at: '7:124' }],
  ['response-property-became-optional', { base: spec(orders(get('', answers('{type: object, required: [id], properties: {id: {type: string}}}')))), head: spec(orders(get('', answers('{type: object, properties: {id: {type: string}}}')))), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/get/responses/200/content/application~1json/schema/properties/id', at: '7:156' }],
  ['response-widened', { base: spec(orders(get('', answers('{type: object, properties: {status: {enum: [open, paid]}}}')))), head: spec(orders(get('', answers('{type: object, properties: {status: {enum: [open, paid, refunded]}}}')))), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/get/responses/200/content/application~1json/schema/properties/status/enum', at: '7:167' }],
  ['response-property-added', { base: spec(orders(get('', answers('{type: object, properties: {id: {type: string}}}')))), head: spec(orders(get('', answers('{type: object, properties: {id: {type: string}, total: {type: number}}}')))), breaks: false, side: 'head', pointer: '/paths/~1orders/get/responses/200/content/application~1json/schema/properties/total', at: '7:179' }],
  ['response-header-removed', { base: spec(orders(get('', `responses: {'200': {description: ok, headers: {X-Total: {required: true, schema: {type: integer}}}}}`))), head: spec(orders(get())), breaks: 'clients', side: 'base', pointer: '/paths/~1orders/get/responses/200/headers/X-Total', at: '7:106' }],
  ['security-added', { base: withAuth('[]'), head: withAuth('[{pool: []}]'), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/get/security', at: '7:46' }],
  ['security-changed', { base: withAuth('[{pool: []}]'), head: withAuth('[{pool: [orders.read]}]'), breaks: 'clients', side: 'head', pointer: '/paths/~1orders/get/security', at: '7:46' }],
  ['security-removed', { base: withAuth('[{pool: []}]'), head: withAuth('[]'), breaks: false, opens: true, side: 'head', pointer: '/paths/~1orders/get/security', at: '7:46' }],
  ['authorizer-issuer-changed', { base: jwt("issuer: 'https://a.example.com', audience: [web]"), head: jwt("issuer: 'https://b.example.com', audience: [web]"), breaks: 'clients', side: 'head', pointer: '/components/securitySchemes/auth/x-gateway/jwt/issuer', at: '11:66' }],
  ['authorizer-audience-removed', { base: jwt("issuer: 'https://a.example.com', audience: [notes-web]"), head: jwt("issuer: 'https://a.example.com', audience: [notes-mobile]"), breaks: 'clients', side: 'base', pointer: '/components/securitySchemes/auth/x-gateway/jwt/audience/0', at: '11:102' }],
  ['authorizer-audience-added', { base: jwt("issuer: 'https://a.example.com', audience: [web]"), head: jwt("issuer: 'https://a.example.com', audience: [web, mobile]"), breaks: false, side: 'head', pointer: '/components/securitySchemes/auth/x-gateway/jwt/audience/1', at: '11:107' }],
  ['authorizer-identity-source-changed', { base: lambda('identitySources: [header.Authorization]'), head: lambda('identitySources: [header.X-Other]'), breaks: 'clients', side: 'head', pointer: '/components/securitySchemes/auth/x-gateway/lambdaAuthorizer/identitySources', at: '11:122' }],
  ['authorizer-identity-source-removed', { base: lambda('type: request, identitySources: [header.Authorization, query.key]'), head: lambda('type: request, identitySources: [header.Authorization]'), breaks: false, side: 'head', pointer: '/components/securitySchemes/auth/x-gateway/lambdaAuthorizer/identitySources', at: '11:137' }],
  ['authorizer-validation-regex-changed', { base: lambda('ttl: 60'), head: lambda("validationRegex: '^Bearer .+$'"), breaks: 'clients', side: 'head', pointer: '/components/securitySchemes/auth/x-gateway/lambdaAuthorizer/validationRegex', at: '11:122' }],
  ['user-pool-removed', { base: cognito('arn-a, arn-b'), head: cognito('arn-a'), breaks: 'clients', side: 'base', pointer: '/components/securitySchemes/auth/x-gateway/cognito/userPoolArns/1', at: '11:84' }],
  ['user-pool-added', { base: cognito('arn-a'), head: cognito('arn-a, arn-b'), breaks: false, side: 'head', pointer: '/components/securitySchemes/auth/x-gateway/cognito/userPoolArns/1', at: '11:84' }],
  ['api-title-changed', { base: spec(orders(get())), head: spec(orders(get())).replace('title: T,', 'title: Shop,'), breaks: false, side: 'head', pointer: '/info/title', at: '2:15' }],
  ['api-kind-changed', { base: spec(orders(get()), '  kind: rest'), head: spec(orders(get()), '  kind: http'), breaks: 'gateway', side: 'head', pointer: '/x-gateway/kind', at: '4:9' }],
  ['endpoint-changed', { base: spec(orders(get()), '  endpoint: edge'), head: spec(orders(get()), '  endpoint: regional'), breaks: 'gateway', side: 'head', pointer: '/x-gateway/endpoint', at: '4:13' }],
  ['stage-removed', { base: spec(orders(get()), '  stages: {prod: {}, beta: {}}'), head: spec(orders(get())), breaks: 'gateway', side: 'base', pointer: '/x-gateway/stages/beta', at: '4:22' }],
  ['stage-added', { base: spec(orders(get())), head: spec(orders(get()), '  stages: {prod: {}, beta: {}}'), breaks: false, side: 'head', pointer: '/x-gateway/stages/beta', at: '4:22' }],
  ['usage-plan-removed', { base: spec(orders(get()), '  usagePlans: {gold: {apiKeys: [acme]}, free: {apiKeys: [acme]}}'), head: spec(orders(get()), '  usagePlans: {gold: {apiKeys: [acme]}}'), breaks: 'gateway', side: 'base', pointer: '/x-gateway/usagePlans/free', at: '4:41' }],
  ['usage-plan-stage-removed', { base: spec(orders(get()), '  stages: {prod: {}, beta: {}}\n  usagePlans: {gold: {stages: [prod, beta], apiKeys: [acme]}}'), head: spec(orders(get()), '  stages: {prod: {}, beta: {}}\n  usagePlans: {gold: {stages: [prod], apiKeys: [acme]}}'), breaks: 'gateway', side: 'head', pointer: '/x-gateway/usagePlans/gold/stages', at: '5:31' }],
  ['api-key-removed', { base: spec(orders(get()), '  usagePlans: {gold: {apiKeys: [acme, globex]}}'), head: spec(orders(get()), '  usagePlans: {gold: {apiKeys: [acme]}}'), breaks: 'gateway', side: 'base', pointer: '/x-gateway/usagePlans/gold/apiKeys/1', at: '4:39' }],
  ['api-key-source-changed', { base: spec(orders(get())), head: spec(orders(get()), '  apiKeySource: authorizer'), breaks: 'gateway', side: 'head', pointer: '/x-gateway/apiKeySource', at: '4:17' }],
  ['domain-changed', { base: spec(orders(get()), '  domain: {name: api.example.com, certificateArn: arn, basePath: v1}'), head: spec(orders(get()), '  domain: {name: api.example.com, certificateArn: arn, basePath: v2}'), breaks: 'gateway', side: 'head', pointer: '/x-gateway/domain', at: '4:11' }],
  ['cors-origin-removed', { base: spec(orders(get()), "  cors: {origins: ['https://a.example.com', 'https://b.example.com']}"), head: spec(orders(get()), "  cors: {origins: ['https://a.example.com']}"), breaks: 'clients', side: 'base', pointer: '/x-gateway/cors/origins/1', at: '4:45' }],
  ['binary-media-type-removed', { base: spec(orders(get()), '  binaryMediaTypes: [image/png, image/jpeg]'), head: spec(orders(get()), '  binaryMediaTypes: [image/png]'), breaks: 'clients', side: 'base', pointer: '/x-gateway/binaryMediaTypes/1', at: '4:33' }],
  ['throttle-lowered', { base: spec(orders(get()), '  stages: {prod: {throttle: {rate: 100, burst: 200}}}'), head: spec(orders(get()), '  stages: {prod: {throttle: {rate: 10, burst: 200}}}'), breaks: false, side: 'head', pointer: '/x-gateway/stages/prod/throttle', at: '4:29' }],
];

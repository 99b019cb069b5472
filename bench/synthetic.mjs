// Synthetic specs of a chosen number of operations, for the scaling part of `npm run bench`.
// Deterministic: the same count always gives the same bytes. Each resource has five
// operations and two component schemas that reference each other and the previous
// resource, so references, schemas and routes all grow with the operation count.

const operationsPerResource = 5;
const handlerCount = 20;

/** An OpenAPI 3.0.3 document (plain data) with `operations` operations. */
export function syntheticSpec(operations) {
  const resources = Math.ceil(operations / operationsPerResource);
  const paths = {};
  const schemas = {
    Error: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' }, requestId: { type: 'string', format: 'uuid' } },
    },
  };
  let left = operations;
  const take = () => left-- > 0;
  for (let r = 0; r < resources; r++) {
    const name = `Thing${r}`;
    const collection = `/things${r}`;
    const item = `${collection}/{id}`;
    const handler = `things${r % handlerCount}`;
    const tag = `group${r % 50}`;
    const gateway = (extra = {}) => ({ lambda: { handler }, ...extra });
    const errors = { default: { description: 'Error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } };
    const one = { description: 'The thing.', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
    const body = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/New${name}` } } } };
    const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' } };
    const collectionItem = {};
    if (take()) {
      collectionItem.get = {
        operationId: `list${name}`,
        tags: [tag],
        summary: `Lists things of kind ${r}.`,
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
        ],
        'x-gateway': gateway(),
        responses: {
          200: {
            description: 'A page of things.',
            content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${name}` } }, next: { type: 'string', nullable: true } } } } },
          },
          ...errors,
        },
      };
    }
    if (take()) {
      collectionItem.post = { operationId: `create${name}`, tags: [tag], requestBody: body, 'x-gateway': gateway(), responses: { 201: one, ...errors } };
    }
    if (Object.keys(collectionItem).length > 0) paths[collection] = collectionItem;
    const itemPath = { parameters: [idParameter] };
    if (take()) itemPath.get = { operationId: `get${name}`, tags: [tag], 'x-gateway': gateway(), responses: { 200: one, ...errors } };
    if (take()) itemPath.put = { operationId: `replace${name}`, tags: [tag], requestBody: body, 'x-gateway': gateway(), responses: { 200: one, ...errors } };
    if (take()) itemPath.delete = { operationId: `delete${name}`, tags: [tag], 'x-gateway': gateway(), responses: { 204: { description: 'Deleted.' }, ...errors } };
    if (Object.keys(itemPath).length > 1) paths[item] = itemPath;

    schemas[`New${name}`] = {
      type: 'object',
      required: ['label'],
      properties: {
        label: { type: 'string', minLength: 1, maxLength: 200 },
        size: { type: 'integer', format: 'int32', minimum: 0 },
        status: { type: 'string', enum: ['active', 'archived', 'deleted'] },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        ...(r > 0 ? { parent: { $ref: `#/components/schemas/Thing${r - 1}` } } : {}),
      },
    };
    schemas[name] = {
      allOf: [
        { $ref: `#/components/schemas/New${name}` },
        { type: 'object', required: ['id', 'createdAt'], properties: { id: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } } },
      ],
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: `Synthetic API with ${operations} operations`, version: '1.0.0' },
    servers: [{ url: 'https://api.example.com/v1' }],
    'x-gateway': { kind: 'rest', name: `synthetic-${operations}`, defaults: { lambda: { runtime: 'nodejs22.x', memoryMb: 256, timeoutS: 10 } } },
    security: [{ apiKey: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
    },
  };
}

import type { Handlers } from '../gatewright/handlers/catalog.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const catalog: Handlers = {
  listProducts: async (request) => {
    record(request);
    const limit: number = request.query.limit;
    return { status: 200, headers: { 'X-Next-Cursor': `after-${limit}` }, body: { items: [], nextCursor: request.query.cursor ?? null } };
  },
  createProduct: async (request) => {
    record(request);
    const who = request.auth.shopperPool.claims['sub'] ?? 'nobody';
    return {
      status: 201,
      headers: { Location: '/products/prd_000000000001', 'X-Created-By': who },
      body: { ...request.body, id: 'prd_000000000001', createdAt: '2024-01-01T00:00:00Z' },
    };
  },
  getProduct: async (request) => {
    record(request);
    if (request.path.productId === 'prd_missing00000') return { status: 404, body: { message: 'No such product.' } };
    return { status: 200, body: { id: request.path.productId, name: 'Lamp', price: { amount: 1999, currency: 'EUR' }, category: 'kitchen', createdAt: '2024-01-01T00:00:00Z' } };
  },
};

export default catalog;

import type { Handlers } from '../gatewright/handlers/orders.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const orders: Handlers = {
  listOrders: async (request) => {
    record(request);
    return { status: 200, body: { orders: [] }, cookies: ['seen=1; Path=/; HttpOnly', `page=${request.query.page}`] };
  },
  placeOrder: async (request) => {
    record(request);
    if (request.body.lines.some((line) => line.productId === 'boom')) throw new Error('the warehouse is on fire');
    if (request.body.note === 'busy') return { status: 503, body: { message: 'Try again later.' } };
    return {
      status: 201,
      body: { id: 'ord_000000000001', status: 'pending', lines: request.body.lines, total: { amount: 0, currency: 'EUR' }, delivery: request.body.delivery, placedAt: '2024-01-01T00:00:00Z' },
    };
  },
  getOrder: async (request) => {
    record(request);
    const partner = request.auth.partnerAuth;
    return {
      status: 200,
      body: { id: request.path.orderId, status: 'paid', lines: [], total: { amount: 100, currency: 'EUR' }, placedAt: '2024-01-01T00:00:00Z', metadata: { partner: partner.principalId ?? '', tier: String(partner.context['tier']) } },
    };
  },
  cancelOrder: async (request) => {
    record(request);
    return { status: 409, body: { message: 'The order has shipped.' } };
  },
};

export default orders;

import type { CancelOrderResponse, GetOrderResponse, Handlers, ListOrdersResponse, PlaceOrderResponse } from '../gatewright/handlers/orders.js';

/**
 * The "orders" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const orders: Handlers = {
  /** GET /orders: The signed-in shopper's orders. */
  listOrders: async (request, context): Promise<ListOrdersResponse> => {
    return { status: 200, body: { orders: [] } };
  },
  /** POST /orders: Place an order. */
  placeOrder: async (request, context): Promise<PlaceOrderResponse> => {
    return {
      status: 201,
      body: {
        id: '',
        status: 'pending',
        lines: [],
        total: { amount: 0, currency: '' },
        placedAt: '',
      },
    };
  },
  /** GET /orders/{orderId}: One order. */
  getOrder: async (request, context): Promise<GetOrderResponse> => {
    return {
      status: 200,
      body: {
        id: '',
        status: 'pending',
        lines: [],
        total: { amount: 0, currency: '' },
        placedAt: '',
      },
    };
  },
  /** DELETE /orders/{orderId}: Cancel an order that has not shipped. */
  cancelOrder: async (request, context): Promise<CancelOrderResponse> => {
    return { status: 204 };
  },
};

export default orders;

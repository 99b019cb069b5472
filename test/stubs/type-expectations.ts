// Type tests: each `@ts-expect-error` fails the tsc run when the line below it compiles,
// so every one proves that the contract rejects a response the spec does not allow.
import type { CancelOrderResponse, GetOrderResponse, Handlers, ListOrdersRequest, PlaceOrderResponse } from '../gatewright/handlers/orders.js';
import type { CreateProductResponse } from '../gatewright/handlers/catalog.js';
import type * as schemas from '../gatewright/schemas.js';

const order: schemas.Order = { id: 'ord_1', status: 'paid', lines: [], total: { amount: 1, currency: 'EUR' }, placedAt: '2024-01-01T00:00:00Z' };
const problem: schemas.Error = { message: 'no' };

export const declared: PlaceOrderResponse[] = [
  { status: 201, body: order },
  { status: 400, body: problem },
  { status: 503, body: problem, headers: { 'Retry-After': 30 } },
];

// @ts-expect-error 200 is not a status placeOrder declares (it answers 201)
export const undeclaredStatus: PlaceOrderResponse = { status: 200, body: order };
// @ts-expect-error 5XX covers 500 to 599 only
export const outOfRange: PlaceOrderResponse = { status: 600, body: problem };
// @ts-expect-error the body of a 201 is an Order, not an Error
export const wrongBody: PlaceOrderResponse = { status: 201, body: problem };
// @ts-expect-error an Order has a status from its enum
export const wrongEnum: PlaceOrderResponse = { status: 201, body: { ...order, status: 'lost' } };
// @ts-expect-error a 204 has no body
export const bodyOnNoContent: CancelOrderResponse = { status: 204, body: problem };
// @ts-expect-error the response has one media type
export const wrongMediaType: CancelOrderResponse = { status: 409, contentType: 'text/plain', body: problem };
// @ts-expect-error createProduct's 201 must set the Location header
export const missingHeader: CreateProductResponse = { status: 201, body: { name: 'x', price: { amount: 1, currency: 'EUR' }, category: 'books', id: 'p', createdAt: 'now' } };

// `default` stands for every status not declared otherwise: 500 is fine, 200 and 404 keep their own bodies.
export const fallback: GetOrderResponse = { status: 500, body: problem };
// @ts-expect-error 404 is declared with its own variant, whose body is an Error
export const notFoundWithOrder: GetOrderResponse = { status: 404, body: order };

export function readQuery(request: ListOrdersRequest): number {
  const statuses: schemas.OrderStatus[] | undefined = request.query.status;
  void statuses;
  // @ts-expect-error query parameters the spec does not declare are not there
  void request.query.sort;
  return request.query.page;
}

export const wrongHandler: Pick<Handlers, 'cancelOrder'> = {
  // @ts-expect-error an implementation that returns an undeclared status does not compile
  cancelOrder: async () => ({ status: 200 as const }),
};

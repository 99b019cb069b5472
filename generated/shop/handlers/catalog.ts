import type { CreateProductResponse, GetProductResponse, Handlers, ListProductsResponse } from '../gatewright/handlers/catalog.js';

/**
 * The "catalog" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const catalog: Handlers = {
  /** GET /products: List products, a page at a time. */
  listProducts: async (request, context): Promise<ListProductsResponse> => {
    return { status: 200, body: { items: [] } };
  },
  /** POST /products: Add a product (staff only). */
  createProduct: async (request, context): Promise<CreateProductResponse> => {
    return {
      status: 201,
      headers: { Location: '' },
      body: {
        name: '',
        price: { amount: 0, currency: '' },
        category: 'books',
        id: '',
        createdAt: '',
      },
    };
  },
  /** GET /products/{productId}: One product. */
  getProduct: async (request, context): Promise<GetProductResponse> => {
    return {
      status: 200,
      body: {
        name: '',
        price: { amount: 0, currency: '' },
        category: 'books',
        id: '',
        createdAt: '',
      },
    };
  },
};

export default catalog;

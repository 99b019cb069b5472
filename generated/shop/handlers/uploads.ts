import type { Handlers, UploadProductImageResponse } from '../gatewright/handlers/uploads.js';

/**
 * The "uploads" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const uploads: Handlers = {
  /** PUT /products/{productId}/image: Upload the product's image. */
  uploadProductImage: async (request, context): Promise<UploadProductImageResponse> => {
    return { status: 204 };
  },
};

export default uploads;

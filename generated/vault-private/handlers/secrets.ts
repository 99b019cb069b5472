import type { Handlers, ReadSecretResponse, WriteSecretResponse } from '../gatewright/handlers/secrets.js';

/**
 * The "secrets" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const secrets: Handlers = {
  /** GET /secrets/{name} */
  readSecret: async (request, context): Promise<ReadSecretResponse> => {
    return { status: 200 };
  },
  /** PUT /secrets/{name} */
  writeSecret: async (request, context): Promise<WriteSecretResponse> => {
    return { status: 204 };
  },
};

export default secrets;

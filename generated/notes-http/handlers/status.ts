import type { GetStatusResponse, Handlers } from '../gatewright/handlers/status.js';

/**
 * The "status" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const status: Handlers = {
  /** GET /status */
  getStatus: async (request, context): Promise<GetStatusResponse> => {
    return { status: 200, body: '' };
  },
};

export default status;

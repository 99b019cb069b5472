import type { Handlers } from '../gatewright/handlers/connect.js';

/**
 * The "connect" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const connect: Handlers = {
  /** $connect: Join, with a token in the query string. */
  connect: async (request, context) => {
    return { status: 200 };
  },
  /** $disconnect: Leave. */
  disconnect: async (request, context) => {
    return { status: 200 };
  },
};

export default connect;

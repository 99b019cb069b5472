import type { Handlers } from '../gatewright/handlers/messages.js';

/**
 * The "messages" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const messages: Handlers = {
  /** $default: Anything without a known action. */
  default_: async (request, context) => {
    return { status: 200 };
  },
  /** sendMessage: Say something in a room. */
  sendMessage: async (request, context) => {
    return { status: 200 };
  },
  /** joinRoom: Join a room. */
  joinRoom: async (request, context) => {
    return { status: 200 };
  },
};

export default messages;

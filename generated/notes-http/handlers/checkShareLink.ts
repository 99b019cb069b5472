import type { Authorizer } from '../gatewright/handlers/checkShareLink.js';

/**
 * The "checkShareLink" Lambda authorizer (shareLink).
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const checkShareLink: Authorizer = async (request, context) => {
  // Decide from request.headers and request.query; until then every caller is refused.
  return { effect: 'deny' };
};

export default checkShareLink;

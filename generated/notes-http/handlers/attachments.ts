import type { Handlers, PutAttachmentResponse } from '../gatewright/handlers/attachments.js';

/**
 * The "attachments" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const attachments: Handlers = {
  /** PUT /notes/{noteId}/attachments/{name} */
  putAttachment: async (request, context): Promise<PutAttachmentResponse> => {
    return { status: 201 };
  },
};

export default attachments;

import type { CreateEventResponse, Handlers, ListEventsResponse, PutAttachmentResponse } from '../gatewright/handlers/events.js';

/**
 * The "events" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const events: Handlers = {
  /** GET /events */
  listEvents: async (request, context): Promise<ListEventsResponse> => {
    return { status: 200, body: [] };
  },
  /** POST /events */
  createEvent: async (request, context): Promise<CreateEventResponse> => {
    return { status: 201, body: { title: '', start: '', id: '' } };
  },
  /** PUT /events/{eventId}/attachment */
  putAttachment: async (request, context): Promise<PutAttachmentResponse> => {
    return { status: 204 };
  },
};

export default events;

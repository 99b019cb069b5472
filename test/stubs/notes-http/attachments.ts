import type { Handlers } from '../gatewright/handlers/attachments.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const attachments: Handlers = {
  putAttachment: async (request) => {
    record(request);
    return { status: 201, headers: { 'X-Bytes': request.body.length } };
  },
};

export default attachments;

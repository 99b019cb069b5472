import type { Handlers } from '../gatewright/handlers/uploads.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const uploads: Handlers = {
  uploadProductImage: async (request) => {
    record(request);
    const image: Buffer = request.body;
    if (image.length > 1024) return { status: 413, body: { message: `The image has ${image.length} bytes; at most 1024 are allowed.` } };
    return { status: 204 };
  },
};

export default uploads;

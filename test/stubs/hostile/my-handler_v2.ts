import type { Handlers } from '../gatewright/handlers/my-handler_v2.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const hostile: Handlers = {
  getThingsX: async (request) => {
    record(request);
    const echoed = { ...request.body, 'a\'b': request.query['we\'ird */ ${name}'] };
    return { status: 200, headers: { "X-Re'ply": request.headers["X-Ab'c"] ?? 'none' }, body: echoed };
  },
};

export default hostile;

import type { Handlers } from '../gatewright/handlers/connect.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const connect: Handlers = {
  connect: async (request) => {
    record(request);
    return request.auth.chatToken.context['banned'] === 'true' ? { status: 403 } : { status: 200 };
  },
  disconnect: async (request) => {
    record(request);
  },
};

export default connect;

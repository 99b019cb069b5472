import type { Handlers } from '../gatewright/handlers/messages.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const messages: Handlers = {
  default_: async (request) => {
    record(request);
    return { body: { error: 'Unknown action.', received: request.body } };
  },
  sendMessage: async (request, context) => {
    record(request);
    const reply: string | null | undefined = request.body.replyTo;
    void reply;
    void context.callbackUrl;
  },
  joinRoom: async (request) => {
    record(request);
    return { status: 200, body: { joined: request.body.roomId } };
  },
};

export default messages;

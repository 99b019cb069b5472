import type { Handlers } from '../gatewright/handlers/glue.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const glue: Handlers = {
  getFileByName: async (request) => {
    record(request);
    return request.path.name === 'missing' ? { status: 404 } : { status: 200, body: `${request.path.name} as ${request.path.ext}` };
  },
  getFileById: async (request) => {
    record(request);
    return { status: 200, body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, request.path.fileId]) };
  },
  search: async (request) => {
    record(request);
    const total = request.query.ids.length + request.path.label.length;
    return { status: 200, headers: { 'X-Total': total, 'X-List': ['a', 'b'] }, body: { request } };
  },
  createItem: async (request) => {
    record(request);
    if (request.contentType === 'text/plain') return { status: 201, contentType: 'text/csv', body: `name\n${request.body}` };
    const { secret: _secret, ...item } = request.body;
    return { status: 201, contentType: 'application/json', body: { ...item, id: 'item-1' } };
  },
  putBlob: async (request) => {
    record(request);
    return { status: 204, headers: { 'X-Length': request.body?.length ?? 0 } };
  },
};

export default glue;

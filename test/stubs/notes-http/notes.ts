import type { Handlers } from '../gatewright/handlers/notes.js';
import type * as schemas from '../gatewright/schemas.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const note = (id: string, input: schemas.NoteInput): schemas.Note => ({ ...input, id, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' });

const notes: Handlers = {
  listNotes: async (request) => {
    record(request);
    return { status: 200, headers: { 'X-Next-Cursor': 'n2' }, body: { notes: [note('00000000-0000-4000-8000-000000000001', { title: request.auth.oidc.claims['sub']?.toString() ?? '' })] } };
  },
  createNote: async (request) => {
    record(request);
    // Both media types carry a NoteInput; the form's fields arrive coerced to the schema's types.
    const input: schemas.NoteInput = request.contentType === 'application/json' ? request.body : { ...request.body, pinned: request.body.pinned ?? false };
    return { status: 201, body: note('00000000-0000-4000-8000-000000000002', input) };
  },
  getNote: async (request) => {
    record(request);
    return { status: 404, body: { title: 'Not found', status: 404, detail: `No note ${request.path.noteId}.` } };
  },
  updateNote: async (request) => {
    record(request);
    return { status: 200, body: note(request.path.noteId, { title: request.body.title ?? 'untitled' }) };
  },
  deleteNote: async (request) => {
    record(request);
    return { status: 204 };
  },
  openSharedNote: async (request) => {
    record(request);
    return { status: 200, body: note('00000000-0000-4000-8000-000000000003', { title: String(request.auth.shareLink.context['owner']) }) };
  },
};

export default notes;

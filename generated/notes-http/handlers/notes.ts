import type { CreateNoteResponse, DeleteNoteResponse, GetNoteResponse, Handlers, ListNotesResponse, OpenSharedNoteResponse, UpdateNoteResponse } from '../gatewright/handlers/notes.js';

/**
 * The "notes" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const notes: Handlers = {
  /** GET /notes: The caller's notes. */
  listNotes: async (request, context): Promise<ListNotesResponse> => {
    return { status: 200, body: { notes: [] } };
  },
  /** POST /notes: Write a note. */
  createNote: async (request, context): Promise<CreateNoteResponse> => {
    return { status: 201, body: { title: '', id: '', createdAt: '', updatedAt: '' } };
  },
  /** GET /notes/{noteId} */
  getNote: async (request, context): Promise<GetNoteResponse> => {
    return { status: 200, body: { title: '', id: '', createdAt: '', updatedAt: '' } };
  },
  /** PATCH /notes/{noteId} */
  updateNote: async (request, context): Promise<UpdateNoteResponse> => {
    return { status: 200, body: { title: '', id: '', createdAt: '', updatedAt: '' } };
  },
  /** DELETE /notes/{noteId} */
  deleteNote: async (request, context): Promise<DeleteNoteResponse> => {
    return { status: 204 };
  },
  /** GET /share/{token}: Read a note shared by link. */
  openSharedNote: async (request, context): Promise<OpenSharedNoteResponse> => {
    return { status: 200, body: { title: '', id: '', createdAt: '', updatedAt: '' } };
  },
};

export default notes;

import type { AddBookResponse, GetBookResponse, Handlers, ListBooksResponse, ListLoansResponse } from '../gatewright/handlers/library.js';

/**
 * The "library" function.
 *
 * gatewright wrote this file once and never rewrites it (unless you run `gatewright compile --force-stubs`): it is yours.
 * The types it implements are regenerated from the spec on every build, so when the spec changes in a way this code
 * no longer matches, the compiler points here.
 */
const library: Handlers = {
  /** GET /books: Books in the catalogue. */
  listBooks: async (request, context): Promise<ListBooksResponse> => {
    return { status: 200, body: [] };
  },
  /** POST /books */
  addBook: async (request, context): Promise<AddBookResponse> => {
    return { status: 201, body: { isbn: '', title: '', authors: [{ name: '' }] } };
  },
  /** GET /books/{isbn} */
  getBook: async (request, context): Promise<GetBookResponse> => {
    return { status: 200, body: { isbn: '', title: '', authors: [{ name: '' }] } };
  },
  /** GET /members/{memberId}/loans */
  listLoans: async (request, context): Promise<ListLoansResponse> => {
    return { status: 200, body: [] };
  },
};

export default library;

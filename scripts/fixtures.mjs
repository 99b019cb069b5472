// The fixtures and what is generated from each, shared by `npm run generate` and the golden tests.
export const fixtures = [
  { name: 'shop', spec: 'fixtures/shop.yaml' },
  { name: 'notes-http', spec: 'fixtures/notes-http.yaml' },
  { name: 'chat-websocket', spec: 'fixtures/chat-websocket.yaml' },
  { name: 'library', spec: 'fixtures/library.yaml' },
  { name: 'events-31', spec: 'fixtures/events-31.yaml' },
];

/** The mistakes fixture fails on purpose; its expected diagnostics are in fixtures/mistakes.expected.txt. */
export const mistakes = { spec: 'fixtures/mistakes.yaml', expected: 'fixtures/mistakes.expected.txt' };

/** Output folders per fixture: one compile per entry. */
export const outputs = [{ folder: '', options: { target: 'sam', emit: ['ir', 'handlers'] } }];

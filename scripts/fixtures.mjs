// The fixtures and what is generated from each, shared by `npm run generate` and the golden tests.
export const fixtures = [
  { name: 'shop', spec: 'fixtures/shop.yaml' },
  { name: 'notes-http', spec: 'fixtures/notes-http.yaml' },
  { name: 'chat-websocket', spec: 'fixtures/chat-websocket.yaml' },
  { name: 'library', spec: 'fixtures/library.yaml' },
  { name: 'events-31', spec: 'fixtures/events-31.yaml' },
  { name: 'signals-websocket', spec: 'fixtures/signals-websocket.yaml' },
  { name: 'vault-private', spec: 'fixtures/vault-private.yaml' },
];

/**
 * The mistakes fixture fails on purpose; fixtures/mistakes.expected.txt lists what `compile`
 * reports for it, and fixtures/mistakes.lint.expected.txt what `lint` reports (the same, plus
 * the lint rules of the recommended preset).
 */
export const mistakes = { spec: 'fixtures/mistakes.yaml', expected: 'fixtures/mistakes.expected.txt', lintExpected: 'fixtures/mistakes.lint.expected.txt' };

/** Output folders per fixture: one compile per entry; `cloudformation/` holds the second template flavour. */
export const outputs = [
  { folder: '', options: { target: 'sam', emit: ['ir', 'template', 'openapi', 'handlers'] } },
  { folder: 'cloudformation', options: { target: 'cloudformation', emit: ['template'] } },
];

/** SDK packages per fixture (`gatewright sdk`), written to generated/<fixture>/<folder>. */
export const sdkOutputs = [{ folder: 'sdk-ts', options: { lang: 'ts' } }];

/** Extra SDK variants for single fixtures: the other error mode and tag grouping. */
export const sdkVariants = [{ fixture: 'shop', folder: 'sdk-ts-tags-result', options: { lang: 'ts', groupByTag: true, errors: 'result' } }];

/** Every SDK golden folder: fixture name, spec, folder and generation options. */
export function sdkGoldens() {
  const all = [];
  for (const fixture of fixtures) for (const output of sdkOutputs) all.push({ name: fixture.name, spec: fixture.spec, folder: output.folder, options: output.options });
  for (const variant of sdkVariants) {
    const fixture = fixtures.find((f) => f.name === variant.fixture);
    all.push({ name: fixture.name, spec: fixture.spec, folder: variant.folder, options: variant.options });
  }
  return all;
}

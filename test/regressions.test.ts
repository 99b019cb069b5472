// Crashes and hangs found by the corpus run, the property tests and the benchmarks, each
// pinned by a minimal spec.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileSpec } from '../src/compile.js';
import { runCli } from './helpers/cli.js';
import { writeFiles } from './helpers/temp.js';

describe('regressions', () => {
  test('stylish output of a minified spec shows a window of the line, not all of it', async () => {
    // Microsoft Graph is 20 MB of JSON on one line: framing every problem with the whole
    // line ran out of string length ("Invalid string length", exit 2).
    const padding = 'p'.repeat(5000);
    const spec = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'One line', version: '1', description: padding },
      paths: { '/things/$count': { get: { responses: { 200: { description: 'ok' } } } } },
    });
    const dir = writeFiles({ 'openapi.json': spec });
    const result = await runCli(['lint', path.join(dir, 'openapi.json')], dir);
    expect(result.code).toBe(1);
    const frame = result.stdout.split('\n').filter((line) => /^ {2}[> ] \d+ \| |^ {4} +\| /.test(line));
    expect(frame.length).toBeGreaterThanOrEqual(2);
    for (const line of frame) expect(line.length).toBeLessThan(200);
    const source = frame.find((line) => line.startsWith('  > '));
    const caret = frame.find((line) => line.includes('^'));
    expect(source).toBeDefined();
    // The caret stands under the path key.
    const at = caret!.indexOf('^');
    expect(source!.slice(at, at + 16)).toBe('"/things/$count"');
  });

  test('a schema whose text reads like a require() call still gets its handler validators', () => {
    // The check for ajv runtime helpers gatewright does not inline read the code as text,
    // schema constants included, and so ended the build with an internal error.
    const note = { type: 'object', description: 'Runs require("child_process") and const func1 = require("x").default', properties: { text: { type: 'string', maxLength: 10 } } };
    const spec = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Notes', version: '1' },
      'x-gateway': { kind: 'rest' },
      paths: { '/notes': { post: { 'x-gateway': { lambda: { handler: 'notes' } }, requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } }, responses: { 204: { description: 'Saved.' } } } } },
      components: { schemas: { Note: note } },
    });
    const dir = writeFiles({ 'openapi.json': spec });
    const result = compileSpec(path.join(dir, 'openapi.json'), { emit: ['handlers'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const shared = result.files.find((f) => f.path === 'gatewright/validators/shared/strict.ts');
    // The spec's text stays data; maxLength counts code points with the inlined helper.
    expect(shared?.contents).toContain('function ucs2length(');
    expect(shared?.contents).not.toMatch(/const func\d+ = require\("/);
  });
});

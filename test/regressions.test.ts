// Crashes and hangs found by the corpus run, the property tests and the benchmarks, each
// pinned by a minimal spec.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
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
});

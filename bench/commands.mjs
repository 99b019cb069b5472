// The rows of `npm run bench`: gatewright's commands and the peers users would otherwise run.
//
// Adding a row is one entry here. `groups` says which work it is comparable to: each of
// our rows is shown as a ratio to the fastest peer of its group (and `load` rows to the
// floor). `available` reads the probe of gatewright's own help, so a row for a command
// that has not landed yet prints "n/a" and starts measuring by itself once it lands.
// A row whose work is not one process per spec (e.g. a server's throughput) can give
// `measure(ctx)` instead of `argv` and return { wallMs, peakKb, note }.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gatewright = path.join(repoRoot, 'bin', 'gatewright.js');
const peerBin = (name) => path.join(repoRoot, 'bench', 'peers', 'node_modules', '.bin', name);

/** @typedef {{ commands: string[], artifacts: string[] }} Probe */

export const groups = {
  load: 'load + IR, against the floor (read + JSON.parse + write)',
  generate: 'code generation, against the fastest of openapi-typescript and @hey-api/openapi-ts',
  sdk: 'SDK generation, against the fastest of @hey-api/openapi-ts and openapi-typescript',
  lint: 'linting, against the fastest of Redocly and Spectral',
};

export const commands = [
  {
    id: 'floor',
    label: 'floor: read + JSON.parse + write',
    role: 'floor',
    groups: ['load'],
    argv: ({ spec, out }) => [process.execPath, [path.join(repoRoot, 'bench', 'floor.mjs'), spec, out]],
  },
  {
    id: 'gatewright-ir',
    label: 'gatewright compile --emit ir',
    role: 'ours',
    groups: ['load'],
    argv: ({ spec, out }) => [process.execPath, [gatewright, 'compile', spec, '-o', out, '--emit', 'ir']],
  },
  {
    id: 'gatewright-compile',
    label: 'gatewright compile (all targets)',
    role: 'ours',
    groups: ['generate'],
    // Until a back end besides the IR lands, "all targets" is the row above.
    available: (probe) => probe.artifacts.some((a) => a !== 'ir'),
    argv: ({ spec, out }) => [process.execPath, [gatewright, 'compile', spec, '-o', out]],
  },
  {
    id: 'gatewright-sdk',
    label: 'gatewright sdk',
    role: 'ours',
    groups: ['sdk'],
    available: (probe) => probe.commands.includes('sdk'),
    argv: ({ spec, out }) => [process.execPath, [gatewright, 'sdk', spec, '-o', out]],
  },
  {
    id: 'gatewright-lint',
    label: 'gatewright lint',
    role: 'ours',
    groups: ['lint'],
    argv: ({ spec }) => [process.execPath, [gatewright, 'lint', spec]],
  },
  {
    id: 'openapi-typescript',
    label: 'openapi-typescript (types)',
    role: 'peer',
    groups: ['generate', 'sdk'],
    argv: ({ spec, out }) => [peerBin('openapi-typescript'), [spec, '-o', path.join(out, 'schema.d.ts')]],
  },
  {
    id: 'hey-api',
    label: '@hey-api/openapi-ts (types + SDK)',
    role: 'peer',
    groups: ['generate', 'sdk'],
    argv: ({ spec, out }) => [peerBin('openapi-ts'), ['-i', spec, '-o', out]],
  },
  {
    id: 'redocly-lint',
    label: '@redocly/cli lint',
    role: 'peer',
    groups: ['lint'],
    argv: ({ spec }) => [peerBin('redocly'), ['lint', spec]],
  },
  {
    id: 'spectral-lint',
    label: '@stoplight/spectral-cli lint',
    role: 'peer',
    groups: ['lint'],
    argv: ({ spec, scratch }) => [peerBin('spectral'), ['lint', '-r', path.join(scratch, '.spectral.yaml'), spec]],
  },
];

/** What the built gatewright offers: its commands and the artifacts `compile --emit` takes. */
export function parseProbe(mainHelp, compileHelp) {
  const commandsSection = /Commands:\n([\s\S]*)$/.exec(mainHelp)?.[1] ?? '';
  const found = [...commandsSection.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]).filter((c) => c !== 'help');
  const artifacts = (/artifacts: ([a-z-]+(?:, [a-z-]+)*)/.exec(compileHelp.replace(/\s+/g, ' '))?.[1] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return { commands: found, artifacts };
}

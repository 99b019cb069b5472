import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/main.js';
import { entry, readJson } from '../helpers/dev.js';
import { runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/temp.js';

const spec = `openapi: 3.0.3
info: {title: Cli, version: '1'}
x-gateway:
  kind: rest
  stages: {prod: {}, staging: {}}
  usagePlans: {basic: {apiKeys: [alice]}}
security: [{key: []}]
paths:
  /hello:
    get: {operationId: hello, x-gateway: {lambda: {handler: hello}}, responses: {'200': {description: ok}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
`;

describe('gatewright dev', () => {
  test('starts, prints the URL and local API keys, writes them to a file, serves, and stops cleanly', async () => {
    const dir = writeFiles({ 'api.yaml': spec, ...entry('hello', `export const handler = async () => ({ statusCode: 200, body: 'hi' });`) });
    let stdout = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const ready = new Promise<string>((resolve) => {
      const exit = run(['dev', `${dir}/api.yaml`, '--port', '0', '--stage', 'staging', '--no-watch'], {
        stdout: (text) => {
          stdout += text;
          const url = /(http:\/\/127\.0\.0\.1:\d+\/staging)/.exec(stdout)?.[1];
          if (url) resolve(url);
        },
        stderr: () => undefined,
        cwd: dir,
        color: false,
        untilStopped: () => stopped,
      });
      void exit.then((code) => (exitCode = code));
    });
    let exitCode: number | undefined;
    const url = await ready;
    const credentials = readJson(`${dir}/.gatewright-dev/credentials.json`) as { url: string; apiKeys: Record<string, string> };
    expect(credentials.url).toBe(url);
    expect(stdout).toContain(credentials.apiKeys['alice']);
    expect(await (await fetch(`${url}/hello`, { headers: { 'x-api-key': credentials.apiKeys['alice'] as string } })).text()).toBe('hi');
    stop();
    await new Promise((r) => setTimeout(r, 50));
    await expect.poll(() => exitCode).toBe(0);
  });

  test.each([
    ['an unknown stage is a usage error', { given: ['--stage', 'nope'], want: { code: 2, stderr: 'its stages are prod, staging' } }],
    ['a bad port is a usage error', { given: ['--port', 'http'], want: { code: 2, stderr: '--port must be a port number' } }],
    ['minting for a scheme that is not JWT is an error', { given: ['--mint-token', 'key'], want: { code: 1, stderr: 'is not a JWT or Cognito security scheme' } }],
  ])('%s', async (_name, { given, want }) => {
    const dir = writeFiles({ 'api.yaml': spec });
    const result = await runCli(['dev', `${dir}/api.yaml`, ...given], dir);
    expect(result.code).toBe(want.code);
    expect(result.stderr).toContain(want.stderr);
  });

  test('a spec with errors prints its diagnostics and exits 1 without a stack trace', async () => {
    const dir = writeFiles({ 'api.yaml': 'openapi: 3.0.3\ninfo: {title: T}\npaths: {/x: 12}\n' });
    const result = await runCli(['dev', `${dir}/api.yaml`, '--port', '0'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^api\.yaml\n\s+2:7\s+error/);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});

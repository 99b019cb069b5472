import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from './helpers/diagnostics.js';
import { writeFiles } from './helpers/temp.js';

/** How x-gateway values are decoded into the IR: defaults, inheritance and what each kind refuses. */

const build = (yaml: string) => {
  const dir = writeFiles({ 'openapi.yaml': yaml });
  const { api, diagnostics } = check(path.join(dir, 'openapi.yaml'));
  return { api, problems: diagnostics.filter((d) => d.severity !== 'info') };
};

const getHello = `paths:
  /hello:
    get:
      security: []
      responses: {'200': {description: ok}}
`;

describe('defaults.lambda', () => {
  test('policies and reservedConcurrency apply to every function; a handler adds its own policies and may override the concurrency', () => {
    const { api, problems } = build(`openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  defaults:
    lambda:
      policies: [arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess]
      reservedConcurrency: 5
  handlers:
    b: {policies: [{Effect: Allow, Action: 'sqs:SendMessage', Resource: '*'}], reservedConcurrency: 1}
paths:
  /a: {get: {security: [], x-gateway: {lambda: {handler: a}}, responses: {'200': {description: ok}}}}
  /b: {get: {security: [], x-gateway: {lambda: {handler: b}}, responses: {'200': {description: ok}}}}
`);
    expect(problems).toEqual([]);
    expect(api?.handlers.map((h) => [h.name, h.policies, h.reservedConcurrency])).toEqual([
      ['a', ['arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess'], 5],
      ['b', ['arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess', { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }], 1],
    ]);
  });
});

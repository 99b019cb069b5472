import fc from 'fast-check';
import semver from 'semver';
import { expect, test } from 'vitest';
import { packageVersion } from '../src/targets/sdk-ts/plan.js';

// npm takes only semver as a package's version; semver (npm's own parser) is the judge. It
// also takes a leading `v` and keeps build metadata out of `.version`; the package writes neither form.
const isValid = (version: string): boolean => !version.startsWith('v') && semver.parse(version)?.version === version.split('+')[0];

test.each([
  ['semver as it is', { given: '2.4.1', want: '2.4.1' }],
  ['prerelease and build metadata kept', { given: '1.0.0-rc.1+build.5', want: '1.0.0-rc.1+build.5' }],
  ['a leading v dropped', { given: 'v3.0.0', want: '3.0.0' }],
  ['major.minor filled up', { given: '1.0', want: '1.0.0' }],
  ['major alone filled up', { given: 'v2', want: '2.0.0' }],
  ['a date', { given: '2024-01-01', want: '0.0.0-2024-01-01' }],
  ["Stripe's info.version", { given: 'Wed Oct 15 2025 13:53:19 GMT+0000 (Coordinated Universal Time)', want: '0.0.0-Wed-Oct-15-2025-13-53-19-GMT-0000-Coordinated-Universal-Time' }],
  ['leading zeros in numeric identifiers', { given: '01.002.3', want: '0.0.0-1.2.3' }],
  ['a major beyond safe integers', { given: '99999999999999999999.0.0', want: '0.0.0-99999999999999999999.0.0' }],
  ['nothing usable', { given: ' (?) ', want: '0.0.0' }],
  ['empty', { given: '', want: '0.0.0' }],
])('package.json version: %s', (_name, { given, want }) => {
  expect(packageVersion(given)).toBe(want);
  expect(isValid(want)).toBe(true);
});

test('every API version gives a version npm accepts', () => {
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^v?\d{1,20}(\.\d{1,20}){0,3}([-+][\w.+-]{0,30})?$/)), (version) => isValid(packageVersion(version))));
  expect(isValid(packageVersion('x'.repeat(1000)))).toBe(true);
});

import type { Api } from '../../ir/types.js';
import { defineTarget } from '../target.js';

/** The IR itself, as JSON: for debugging a spec and for golden tests of the front end. */
export const irTarget = defineTarget<Api>({
  name: 'ir',
  artifact: 'ir',
  plan: (api) => api,
  render: (api) => [{ path: 'ir.json', contents: serializeIr(api) }],
});

export function serializeIr(api: Api): string {
  return JSON.stringify(api, null, 2) + '\n';
}

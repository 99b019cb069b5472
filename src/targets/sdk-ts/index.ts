import { diagnostic } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Api } from '../../ir/types.js';
import type { OutputFile } from '../../writer/file-set.js';
import { planSdk, type SdkOptions, type SdkPlan } from './plan.js';
import { renderSdk } from './render.js';

export type { SdkOptions, SdkPlan } from './plan.js';
export { planSdk } from './plan.js';
export { renderSdk } from './render.js';

/** Plans and renders the TypeScript SDK package, reporting what it cannot carry over. */
export function typescriptSdk(api: Api, options: SdkOptions, report: (d: Diagnostic) => void, folder = ''): OutputFile[] {
  if (api.kind === 'websocket') {
    report(diagnostic('sdk-websocket-no-client', 'This is a WebSocket API: the SDK has no operations for it (connect with a WebSocket client to the stage URL).', api.origin));
  }
  for (const scheme of api.securitySchemes) {
    if (scheme.type !== 'lambda') continue;
    const unsendable = scheme.identitySources.filter((s) => s.in !== 'header' && s.in !== 'query');
    if (unsendable.length > 0) {
      report(
        diagnostic(
          'sdk-credential-not-sendable',
          `The authorizer "${scheme.name}" also reads ${unsendable.map((s) => `${s.in}.${s.name}`).join(', ')}, which a client cannot send; the SDK sends only its header and query credentials.`,
          scheme.origin,
        ),
      );
    }
  }
  const plan: SdkPlan = planSdk(api, options);
  return renderSdk(plan, folder);
}

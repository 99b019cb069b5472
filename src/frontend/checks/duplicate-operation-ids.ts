import type { Route } from '../../ir/types.js';
import { appendPointer } from '../../load/json-pointer.js';
import type { BuildContext } from '../context.js';

export function checkDuplicateOperationIds(ctx: BuildContext, routes: readonly Route[]): void {
  const first = new Map<string, Route>();
  for (const route of routes) {
    if (route.operationId === undefined) continue;
    const earlier = first.get(route.operationId);
    const at = (r: Route) => ({ file: r.origin.file, pointer: appendPointer(r.origin.pointer, 'operationId') });
    if (earlier) {
      ctx.report('operation-id-duplicate', `The operationId "${route.operationId}" is already used by ${earlier.method} ${earlier.path}; operationIds must be unique, so rename one.`, at(route), {
        related: [{ message: 'first used here', origin: at(earlier) }],
      });
    } else {
      first.set(route.operationId, route);
    }
  }
}

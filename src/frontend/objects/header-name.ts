import type { Origin } from '../../diagnostics/diagnostic.js';
import type { BuildContext } from '../context.js';

/** RFC 9110 §5.1: a field name is a token. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHeaderName(name: string): boolean {
  return token.test(name);
}

export function checkHeaderName(ctx: BuildContext, name: string, origin: Origin, what: string): void {
  if (!isHeaderName(name)) {
    ctx.report(
      'header-name-invalid',
      `${what} "${name}" is not a valid HTTP header name (RFC 9110 token: letters, digits and !#$%&'*+-.^_\`|~, no spaces or colons); rename it.`,
      origin,
    );
  }
}

// Rewritten on every build; do not edit.
// The request validators of this handler, compiled by gatewright from the spec at build time.
export { v0 as strict2, v1 as strict4 } from './shared/strict.js';
export { v0 as coercing0, v1 as coercing1, v2 as coercing3 } from './shared/coercing.js';

// Rewritten on every build; do not edit.
// The request validators of this handler, compiled by gatewright from the spec at build time.
export { v1 as strict4 } from './shared/strict.js';
export { v5 as coercing0, v6 as coercing1, v7 as coercing2, v8 as coercing3, v9 as coercing5 } from './shared/coercing.js';

// Rewritten on every build; do not edit.
// The request validators of this handler, compiled by gatewright from the spec at build time.
export { v5 as coercing0, v3 as coercing1 } from './shared/coercing.js';

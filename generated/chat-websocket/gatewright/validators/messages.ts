// Rewritten on every build; do not edit.
// The request validators of this handler, compiled by gatewright from the spec at build time.
export { v0 as strict0, v1 as strict1 } from './shared/strict.js';

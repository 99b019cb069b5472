/**
 * The passes that reshape the IR after the front end built it, in the order they run.
 * Each takes an `Api` and returns a new one.
 */
export { nameRoutes } from './name-routes.js';
export { resolveRouteConflicts } from './resolve-route-conflicts.js';
export { collectHandlers, type HandlerDefaults, type HandlerSettings } from './collect-handlers.js';
export { completeCors } from './complete-cors.js';

import type { Authorizer } from '../gatewright/handlers/authorize.js';

const record = (request: unknown): void => void (globalThis as { handled?: unknown[] }).handled?.push(request);

const authorize: Authorizer = async (request) => {
  record(request);
  if (request.token === 'Bearer good-token') return { effect: 'allow', principalId: 'partner-7', context: { tier: 'gold', seats: 3, active: true } };
  if (request.token === 'Bearer expired') return { effect: 'unauthorized' };
  return { effect: 'deny', principalId: 'stranger' };
};

export default authorize;

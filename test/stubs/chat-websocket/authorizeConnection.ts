import type { Authorizer } from '../gatewright/handlers/authorizeConnection.js';

const authorizeConnection: Authorizer = async (request) =>
  request.query.token.startsWith('chat-') ? { effect: 'allow', principalId: request.query.token.slice(5), context: { banned: false } } : { effect: 'unauthorized' };

export default authorizeConnection;

import type { Authorizer } from '../gatewright/handlers/checkShareLink.js';

const checkShareLink: Authorizer = async (request) => {
  const token: string = request.headers['X-Share-Token'];
  return token === 'open-sesame' ? { effect: 'allow', principalId: 'link', context: { owner: 'ada' } } : { effect: 'deny' };
};

export default checkShareLink;

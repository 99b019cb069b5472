import type { Handlers } from '../gatewright/handlers/status.js';

const status: Handlers = {
  getStatus: async () => ({ status: 200, body: 'all good' }),
};

export default status;

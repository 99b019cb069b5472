// Stripe's spec as a gateway user would adapt it: its two schemes (basic OR bearer) become
// one Lambda-authorised bearer scheme, since API Gateway runs one authorizer per method.
// Used by the SDK type-check test and `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';

export function stripeForGateway(source, targetDir) {
  const spec = JSON.parse(fs.readFileSync(source, 'utf8'));
  spec.components.securitySchemes = { bearerAuth: { ...spec.components.securitySchemes.bearerAuth, 'x-gateway': { lambdaAuthorizer: { handler: 'stripeAuth', type: 'request', identitySources: ['header.Authorization'] } } } };
  spec.security = [{ bearerAuth: [] }];
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (operation && typeof operation === 'object' && Array.isArray(operation.security)) operation.security = operation.security.length === 0 ? [] : [{ bearerAuth: [] }];
    }
  }
  fs.mkdirSync(targetDir, { recursive: true });
  const target = path.join(targetDir, 'stripe.json');
  fs.writeFileSync(target, JSON.stringify(spec));
  return target;
}

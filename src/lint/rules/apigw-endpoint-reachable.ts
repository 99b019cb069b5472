import { below } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-endpoint-reachable',
  family: 'apigateway',
  summary: 'The API can be called: a private API has a resource policy, and the default endpoint is only disabled when a custom domain serves the API.',
  docs: {
    why: 'A private REST API answers 403 to everyone until a resource policy allows `execute-api:Invoke` from its VPC endpoints. Disabling the default execute-api endpoint without a custom domain leaves the API with no URL at all.',
    bad: `openapi: 3.0.3
info: {title: Internal, version: '1'}
x-gateway:
  endpoint: private
  vpcEndpointIds: [vpce-0123456789abcdef0]
paths: {}
`,
    good: `openapi: 3.0.3
info: {title: Internal, version: '1'}
x-gateway:
  endpoint: private
  vpcEndpointIds: [vpce-0123456789abcdef0]
  policy:
    Version: '2012-10-17'
    Statement:
      - Effect: Allow
        Principal: '*'
        Action: execute-api:Invoke
        Resource: execute-api:/*
        Condition: {StringEquals: {aws:SourceVpce: vpce-0123456789abcdef0}}
paths: {}
`,
  },
  check({ api, report }) {
    const gateway = api.gateway;
    if (api.kind === 'rest' && gateway.endpoint === 'private' && gateway.policy === undefined) {
      report({
        message: 'A private REST API refuses every call until a resource policy allows execute-api:Invoke; add x-gateway.policy allowing calls from your VPC endpoints (aws:SourceVpce).',
        origin: below(gateway.origin, 'endpoint'),
      });
    }
    if (gateway.disableExecuteApiEndpoint && !gateway.domain) {
      report({
        message: 'disableExecuteApiEndpoint turns off the execute-api URL, and there is no custom domain, so nothing can reach the API; add x-gateway.domain or keep the default endpoint.',
        origin: below(gateway.origin, 'disableExecuteApiEndpoint'),
      });
    }
  },
};

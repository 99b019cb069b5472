/**
 * The kinds of change `gatewright diff` reports, and whom each breaks: `clients` (code
 * written against the old spec stops working), `gateway` (what was deployed disappears or
 * moves: stages, keys, plans, URLs) or nobody. A change that breaks nobody but opens the
 * API up is marked `opens`: it is a warning, so a reviewer sees it. Kinds are stable ids,
 * like diagnostic codes.
 */
export type Breaks = 'clients' | 'gateway' | false;

export const changeKinds = {
  // operations
  'operation-removed': { breaks: 'clients', summary: 'An operation was removed.' },
  'operation-added': { breaks: false, summary: 'An operation was added.' },
  'operation-id-changed': { breaks: 'clients', summary: 'An operationId changed, which renames the SDK method.' },
  'operation-deprecated': { breaks: false, summary: 'An operation was marked deprecated.' },
  'message-route-removed': { breaks: 'clients', summary: 'A WebSocket route was removed.' },
  'message-route-added': { breaks: false, summary: 'A WebSocket route was added.' },
  // parameters
  'parameter-added-required': { breaks: 'clients', summary: 'A required parameter was added.' },
  'parameter-added-optional': { breaks: false, summary: 'An optional parameter was added.' },
  'parameter-removed': { breaks: false, summary: 'A parameter was removed; clients that still send it are not refused.' },
  'parameter-became-required': { breaks: 'clients', summary: 'An optional parameter became required.' },
  'parameter-became-optional': { breaks: false, summary: 'A required parameter became optional.' },
  'parameter-narrowed': { breaks: 'clients', summary: 'A parameter accepts fewer values (type, enum, length, range or pattern).' },
  'parameter-widened': { breaks: false, summary: 'A parameter accepts more values.' },
  // request bodies
  'request-body-added-required': { breaks: 'clients', summary: 'A required request body was added, or the body became required.' },
  'request-body-removed': { breaks: false, summary: 'The request body was removed.' },
  'request-media-type-removed': { breaks: 'clients', summary: 'A request media type is no longer accepted.' },
  'request-property-added-required': { breaks: 'clients', summary: 'A request body property became required.' },
  'request-property-removed': { breaks: 'clients', summary: 'A request body property was removed where no other properties are allowed.' },
  'request-narrowed': { breaks: 'clients', summary: 'A request body value accepts fewer values (type, enum, length, range or pattern).' },
  'request-widened': { breaks: false, summary: 'A request body value accepts more values.' },
  // responses
  'response-status-removed': { breaks: 'clients', summary: 'A success response status code was removed.' },
  'response-error-status-removed': { breaks: false, summary: 'An error response status code was removed.' },
  'response-status-added': { breaks: false, summary: 'A response status code was added.' },
  'response-media-type-removed': { breaks: 'clients', summary: 'A response media type is no longer sent.' },
  'response-property-removed': { breaks: 'clients', summary: 'A response body property was removed.' },
  'response-property-became-optional': { breaks: 'clients', summary: 'A response body property is no longer always sent.' },
  'response-widened': { breaks: 'clients', summary: 'A response value may now hold values clients were not told about (type or enum).' },
  'response-property-added': { breaks: false, summary: 'A response body property was added.' },
  'response-header-removed': { breaks: 'clients', summary: 'A required response header was removed.' },
  // auth
  'security-added': { breaks: 'clients', summary: 'An operation that was public now requires auth.' },
  'security-changed': { breaks: 'clients', summary: 'An operation requires other credentials or more scopes.' },
  'security-removed': { breaks: false, opens: true, summary: 'An operation no longer requires auth: anyone may call it.' },
  'authorizer-issuer-changed': { breaks: 'clients', summary: 'A JWT authorizer trusts another issuer; tokens of the old one are refused.' },
  'authorizer-audience-removed': { breaks: 'clients', summary: 'A JWT authorizer no longer accepts an audience; tokens issued for it are refused.' },
  'authorizer-audience-added': { breaks: false, summary: 'A JWT authorizer accepts another audience.' },
  'authorizer-identity-source-changed': { breaks: 'clients', summary: 'An authorizer reads the credential from another place, or needs one more; requests without it are refused.' },
  'authorizer-identity-source-removed': { breaks: false, summary: 'A Lambda authorizer no longer needs an identity source.' },
  'authorizer-validation-regex-changed': { breaks: 'clients', summary: 'A token authorizer\'s validationRegex was added or changed; tokens that do not match are refused.' },
  'user-pool-removed': { breaks: 'clients', summary: 'A Cognito authorizer no longer trusts a user pool; its users\' tokens are refused.' },
  'user-pool-added': { breaks: false, summary: 'A Cognito authorizer trusts another user pool.' },
  // the gateway
  'api-title-changed': { breaks: false, summary: 'The API\'s title (`info.title`) changed; without `x-gateway.name`, the deployed API is renamed in place.' },
  'api-kind-changed': { breaks: 'gateway', summary: 'The kind of API changed (REST, HTTP, WebSocket): a new API with a new URL.' },
  'endpoint-changed': { breaks: 'gateway', summary: 'The endpoint type changed, which changes the API\'s host name.' },
  'stage-removed': { breaks: 'gateway', summary: 'A stage was removed, with its URL.' },
  'stage-added': { breaks: false, summary: 'A stage was added.' },
  'usage-plan-removed': { breaks: 'gateway', summary: 'A usage plan was removed; its keys stop working.' },
  'usage-plan-stage-removed': { breaks: 'gateway', summary: 'A usage plan no longer covers a stage; its keys are refused there.' },
  'api-key-removed': { breaks: 'gateway', summary: 'An API key was removed; callers using it are refused.' },
  'api-key-source-changed': { breaks: 'gateway', summary: 'API keys are read from somewhere else.' },
  'domain-changed': { breaks: 'gateway', summary: 'The custom domain or its base path was removed or changed.' },
  'cors-origin-removed': { breaks: 'clients', summary: 'An origin may no longer call the API from a browser.' },
  'binary-media-type-removed': { breaks: 'clients', summary: 'A media type is no longer passed as binary.' },
  'throttle-lowered': { breaks: false, summary: 'A throttle or quota was lowered; clients may see more 429 responses.' },
} as const satisfies Record<string, { breaks: Breaks; opens?: true; summary: string }>;

export type ChangeKind = keyof typeof changeKinds;

export function isBreaking(kind: string): boolean {
  return Boolean((changeKinds as Record<string, { breaks: Breaks } | undefined>)[kind]?.breaks);
}

/** Whether a change breaks nobody but opens the API up, and is a warning so a reviewer sees it. */
export function opensApi(kind: string): boolean {
  return (changeKinds as Record<string, { opens?: true } | undefined>)[kind]?.opens === true;
}

export function describeChange(kind: string): string | undefined {
  return (changeKinds as Record<string, { summary: string } | undefined>)[kind]?.summary;
}

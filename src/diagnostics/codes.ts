import type { Diagnostic, Origin, RelatedLocation, Severity } from './diagnostic.js';

/**
 * The catalogue of diagnostic codes the compiler emits. Codes are stable: tools and
 * `ignore` entries depend on them. Lint rule ids live with their rules (`src/lint/rules`).
 */
export const codes = {
  // load: reading and parsing files
  'load-file-not-found': { severity: 'error', summary: 'The spec file does not exist or cannot be read.' },
  'load-file-too-large': { severity: 'error', summary: 'A file is larger than the size cap.' },
  'load-not-utf8': { severity: 'error', summary: 'A file is not valid UTF-8.' },
  'load-empty': { severity: 'error', summary: 'A file is empty.' },
  'load-json-syntax': { severity: 'error', summary: 'A JSON file does not parse.' },
  'load-yaml-syntax': { severity: 'error', summary: 'A YAML file does not parse as YAML 1.2.' },
  'load-yaml-duplicate-key': { severity: 'error', summary: 'A YAML mapping has the same key twice.' },
  'load-yaml-alias-limit': { severity: 'error', summary: 'A YAML file expands too many aliases (an alias bomb).' },
  'load-yaml-multiple-documents': { severity: 'error', summary: 'A YAML file holds more than one document.' },
  'load-yaml-unknown-tag': { severity: 'error', summary: 'A YAML file uses a tag outside the YAML 1.2 core schema.' },
  'load-root-not-object': { severity: 'error', summary: 'A file’s root is not a mapping.' },
  'load-too-many-files': { severity: 'error', summary: 'The spec references more files than the cap.' },
  // $ref resolution
  'ref-invalid': { severity: 'error', summary: 'A `$ref` is not a string holding a relative reference.' },
  'ref-url': { severity: 'error', summary: 'A `$ref` names a URL; gatewright never reads the network.' },
  'ref-absolute': { severity: 'error', summary: 'A `$ref` names an absolute path.' },
  'ref-outside-root': { severity: 'error', summary: 'A `$ref` leads outside the spec’s root folder.' },
  'ref-file-not-found': { severity: 'error', summary: 'A `$ref` names a file that does not exist.' },
  'ref-unresolved': { severity: 'error', summary: 'A `$ref` points at nothing in its file.' },
  'ref-cycle': { severity: 'error', summary: 'References lead back to where they started without reaching a value (schemas made only of `$ref`, allOf, oneOf or anyOf of each other included).' },
  // front end: OpenAPI
  'openapi-swagger-2': { severity: 'error', summary: 'The spec is Swagger 2.0; gatewright reads OpenAPI 3.0 and 3.1.' },
  'openapi-version-unsupported': { severity: 'error', summary: 'The `openapi` version is missing or not 3.0.x / 3.1.x.' },
  'openapi-schema': { severity: 'error', summary: 'The document does not match the OpenAPI schema.' },
  'openapi-unexpected-type': { severity: 'error', summary: 'A value has the wrong type for its place in the document.' },
  'operation-id-duplicate': { severity: 'error', summary: 'Two operations share an operationId.' },
  'operation-method-unsupported': { severity: 'error', summary: 'API Gateway has no such HTTP method.' },
  'path-shadowed': { severity: 'warning', summary: 'Two operations match the same requests; the gateway routes one and the shared handler tells them apart.' },
  'path-ambiguous': { severity: 'error', summary: 'Two paths match the same requests with the same method, or cannot share a gateway resource.' },
  'path-invalid': { severity: 'error', summary: 'A path is not a valid API Gateway resource path.' },
  'path-segment-split': { severity: 'info', summary: 'A path segment mixes text and parameters; the gateway routes it as one parameter.' },
  'path-parameter-renamed': { severity: 'info', summary: 'A path parameter takes the name another path uses at the same position.' },
  'path-parameter-undeclared': { severity: 'error', summary: 'A path template names a parameter the operation does not declare.' },
  'path-parameter-not-in-path': { severity: 'error', summary: 'A path parameter is declared but not in the path template.' },
  'path-parameter-not-required': { severity: 'error', summary: 'A path parameter is not marked `required: true`.' },
  'parameter-duplicate': { severity: 'error', summary: 'An operation declares the same parameter twice.' },
  'header-name-invalid': { severity: 'error', summary: 'A header name is not an RFC 9110 token.' },
  'security-scheme-unknown': { severity: 'error', summary: 'A security requirement names a scheme that is not declared.' },
  'security-scheme-unsupported': { severity: 'error', summary: 'API Gateway cannot enforce this security scheme as written.' },
  'security-optional-auth': { severity: 'error', summary: 'An operation makes auth optional; API Gateway cannot.' },
  'schema-name-collision': { severity: 'info', summary: 'A schema was renamed to keep names unique.' },
  // front end: x-gateway
  'x-gateway-invalid': { severity: 'error', summary: 'An `x-gateway` value does not match the extension’s schema.' },
  'x-gateway-unknown-key': { severity: 'error', summary: 'An `x-gateway` object has a key the extension does not define.' },
  'x-gateway-misspelled': { severity: 'error', summary: 'An extension key looks like a misspelled `x-gateway`, whose settings would be ignored.' },
  'x-gateway-kind-mismatch': { severity: 'error', summary: 'A setting does not exist for this kind of API.' },
  'x-gateway-reference': { severity: 'error', summary: 'An `x-gateway` setting names a stage, plan, handler or scheme that does not exist.' },
  'x-gateway-limit': { severity: 'error', summary: 'A value is over a limit of API Gateway that no quota increase raises; the deploy would fail.' },
  'x-gateway-ineffective': { severity: 'warning', summary: 'A setting has no effect without another setting the spec lacks (VPC endpoints of an API that is not private).' },
  'x-gateway-cors-header-missing': { severity: 'warning', summary: '`cors.headers` leaves out a request header the API’s security schemes or header parameters read, so browsers refuse to send it.' },
  'x-gateway-dynamic-reference': { severity: 'error', summary: 'Spec text holds a CloudFormation dynamic reference (`{{resolve:...}}`).' },
  'integration-missing': { severity: 'info', summary: 'Operations without an integration use the default Lambda handler.' },
  'handler-conflict': { severity: 'error', summary: 'A handler is used in incompatible roles.' },
  'websocket-route-invalid': { severity: 'error', summary: 'A WebSocket route is not valid.' },
  // templates (sam, cloudformation)
  'template-permission-widened': { severity: 'info', summary: 'A handler serves so many routes that it gets one invoke permission for the whole API.' },
  'template-feature-unsupported': { severity: 'warning', summary: 'The template cannot express a setting for this kind of API yet; it is left out.' },
  'template-alarm-needs-metrics': { severity: 'warning', summary: 'An alarm needs metrics or logs that the stage does not produce.' },
  'template-large': { severity: 'info', summary: 'The template is larger than CloudFormation takes inline; deploy it through S3.' },
  'template-too-large': { severity: 'warning', summary: 'The API Gateway document pushes the template past CloudFormation’s size limit.' },
  'template-too-many-resources': { severity: 'error', summary: 'The template has more resources than a CloudFormation stack may hold.' },
  // SDK
  'sdk-websocket-no-client': { severity: 'warning', summary: 'The SDK covers HTTP routes; a WebSocket API gets a package without operations.' },
  'sdk-untagged-operations': { severity: 'info', summary: 'With `--group-by-tag`, operations without a tag stay in the default group: methods of the client itself.' },
  'sdk-credential-not-sendable': { severity: 'info', summary: 'A Lambda authorizer reads an identity source a client cannot send (context or stage variable); the SDK sends the others.' },
  // handlers back end
  'handler-binary-media-type': { severity: 'warning', summary: 'A Lambda handler of a REST API takes or returns bytes of a media type missing from `binaryMediaTypes`.' },
  'handler-pattern-unsupported': { severity: 'warning', summary: 'A `pattern` is not a JavaScript regular expression; the handler glue does not check it.' },
  // gatewright dev: the local gateway
  'dev-jwks-unusable': { severity: 'error', summary: 'A JWT scheme’s jwksUri cannot be used locally: it leads outside the spec’s folder or is not a JWKS.' },
  'dev-handler-unavailable': { severity: 'warning', summary: 'A handler has no Lambda entry point (or it exports no `handler`); its routes answer as a failing integration.' },
  'dev-handler-build-failed': { severity: 'error', summary: 'The handlers do not build; the local gateway keeps serving the previous build.' },
  // back end: the API Gateway OpenAPI document
  'apigw-schema-keyword-moved': { severity: 'info', summary: 'A schema keyword API Gateway models (JSON Schema draft 4) cannot hold is left to the handler’s validation.' },
  'apigw-model-renamed': { severity: 'info', summary: 'A schema’s model name was reduced to letters and digits, as API Gateway requires.' },
  'apigw-integration-unsupported': { severity: 'error', summary: 'An integration cannot be configured this way on this kind of API.' },
  'apigw-static-value-invalid': { severity: 'error', summary: 'A header value cannot be written as an API Gateway static value.' },
  'apigw-cors-invalid': { severity: 'error', summary: 'A CORS setting cannot be enforced as written.' },
  'apigw-cors-any-route-auth': { severity: 'warning', summary: 'An HTTP API sends CORS preflights to an ANY route that requires auth, whose authorizer refuses them; a public OPTIONS operation on the path must take them.' },
  'apigw-cors-limited': { severity: 'info', summary: 'Some responses cannot carry the CORS headers the spec asks for: gateway errors for one of several origins only, HTTP proxy responses only if the backend sends them.' },
  'apigw-scopes-unenforced': { severity: 'warning', summary: 'An operation requires scopes that API Gateway cannot check for its kind of authorizer.' },
  'apigw-shadowed-security-differs': { severity: 'error', summary: 'Operations the gateway routes as one method require different auth.' },
  'apigw-intrinsic-lookalike': { severity: 'error', summary: 'Spec text would be read by CloudFormation as an intrinsic function.' },
  'apigw-limit-exceeded': { severity: 'warning', summary: 'The API exceeds an API Gateway quota.' },
  // output
  'output-path-unsafe': { severity: 'error', summary: 'A generated file would land outside the output folder.' },
  'output-write-failed': { severity: 'error', summary: 'Writing the output failed; the previous output is unchanged.' },
  'internal-error': { severity: 'error', summary: 'gatewright failed; this is a bug, please report it.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type Code = keyof typeof codes;

export interface DiagnosticOptions {
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly gatewayOnly?: boolean;
}

/** Builds a diagnostic with the catalogue's severity for its code. */
export function diagnostic(code: Code, message: string, origin?: Origin, options: DiagnosticOptions = {}): Diagnostic {
  return {
    code,
    severity: options.severity ?? codes[code].severity,
    message,
    ...(origin ? { origin } : {}),
    ...(options.related && options.related.length > 0 ? { related: options.related } : {}),
    ...(options.gatewayOnly || gatewayOnlyCodes.has(code) ? { gatewayOnly: true } : {}),
  };
}

/** Codes that only say API Gateway cannot do something; see `Diagnostic.gatewayOnly`. */
const gatewayOnlyCodes: ReadonlySet<Code> = new Set<Code>([
  'security-scheme-unsupported',
  'security-optional-auth',
  'operation-method-unsupported',
  'path-ambiguous',
  'x-gateway-kind-mismatch',
  'x-gateway-limit',
  'x-gateway-ineffective',
  'handler-conflict',
]);

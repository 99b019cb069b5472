import { describe, expect, test } from 'vitest';
import type { Schema } from '../src/ir/schema.js';
import { lowerSchema } from '../src/targets/apigw-openapi/lower-schema.js';
import { StandaloneReferences } from '../src/targets/apigw-openapi/standalone-references.js';
import { at, documentOf, templateReferences } from './helpers/apigw.js';

// Spec text reaches the document as names, descriptions, templates and values. Inside a
// template it must not become a `${}` substitution of Fn::Sub, an intrinsic function, or
// Velocity code; nor may it add structure to the document.

const hostile = '${AWS::AccountId} ${Secret} #set($x = 1) $context.authorizer.claims */';

const spec = `openapi: 3.0.3
info: {title: 'T ${hostile}', version: '1', description: '${hostile}'}
x-gateway:
  kind: rest
  defaults: {lambda: {handler: main}}
  gatewayResponses:
    DEFAULT_4XX: {headers: {X-Note: '\${AWS::Region}'}}
paths:
  /files/{id}:
    get:
      summary: '${hostile}'
      description: '${hostile}'
      parameters: [{name: id, in: path, required: true, description: '${hostile}', schema: {type: string, description: '${hostile}'}}]
      x-gateway: {aws: {service: s3, action: GetObject, resource: 'bucket', path: 'files/\${AWS::AccountId}/{id}'}}
      responses: {'200': {description: '${hostile}'}}
  /mock:
    get:
      x-gateway: {mock: {statusCode: 200, body: {text: '${hostile}', '\${Key}': '#end'}}}
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}
components:
  schemas:
    Thing:
      type: object
      description: '${hostile}'
      properties:
        '\${AWS::StackName}': {type: string, default: '${hostile}'}
`;

/** Every `${...}` substitution of every Fn::Sub template in a value (escaped `${!...}` excluded). */
function substitutions(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(substitutions);
  if (value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'Fn::Sub') {
      const template = typeof child === 'string' ? child : (child as [string])[0];
      for (const match of template.matchAll(/\$\{(?!!)([^}]*)\}/g)) found.push(match[1] as string);
    }
    found.push(...substitutions(child));
  }
  return found;
}

describe('spec text in the API Gateway document', () => {
  const { document, diagnostics } = documentOf(spec, templateReferences);

  test('never becomes a Fn::Sub substitution', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...new Set(substitutions(document))].sort()).toEqual(['AWS::Partition', 'AWS::Region']);
    expect(at(document, '/paths/~1files~1{id}/get/x-amazon-apigateway-integration/uri')).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/{bucket}/files/${!AWS::AccountId}/{id}',
    });
  });

  test('stays a plain string where CloudFormation does not substitute', () => {
    expect(at(document, '/info/description')).toBe(hostile);
    expect(at(document, '/paths/~1files~1{id}/get/summary')).toBe(hostile);
    expect(at(document, '/x-amazon-apigateway-gateway-responses/DEFAULT_4XX/responseParameters/gatewayresponse.header.X-Note')).toBe("'${AWS::Region}'");
  });

  test('inside a mapping template, is written so that Velocity reads no directive or reference', () => {
    const template = at(document, '/paths/~1mock/get/x-amazon-apigateway-integration/responses/default/responseTemplates/application~1json') as string;
    expect(template).not.toMatch(/[$#]/);
    expect(JSON.parse(template)).toEqual({ text: hostile, '${Key}': '#end' });
  });

  test('as a name, stays a key of its own (no prototype, no structure)', () => {
    expect(Object.keys(at(document, '/components/schemas/Thing/properties') as object)).toEqual(['${AWS::StackName}']);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    const lowered = lowerSchema(JSON.parse('{"properties": {"__proto__": {"type": "string"}}}') as Schema, { modelRef: (ref) => ref, moved: () => {} });
    const properties = lowered['properties'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(JSON.stringify(lowered)).toBe('{"properties":{"__proto__":{"type":"string"}}}');
  });

  test('cannot end a comment in the SDKs API Gateway generates from model descriptions', () => {
    expect(at(document, '/components/schemas/Thing/description')).not.toContain('*/');
  });
});

describe('spec values that CloudFormation would read as intrinsic functions', () => {
  const cases: [string, { given: string; pointer: string }][] = [
    ['a property named Ref', { given: "properties: {Ref: {type: string}}", pointer: '/components/schemas/Thing/properties' }],
    ['a default that is an intrinsic', { given: "properties: {a: {type: object, default: {'Fn::GetAtt': [Role, Arn]}}}", pointer: '/components/schemas/Thing/properties/a/default' }],
    ['an enum value that is an intrinsic', { given: "enum: [{Ref: AWS::AccountId}]", pointer: '/components/schemas/Thing/enum/0' }],
  ];

  test.each(cases)('%s is refused inside a template and kept in the standalone file', (_, { given, pointer }) => {
    const api = `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway: {kind: rest, defaults: {lambda: {handler: main}}}
paths: {/a: {get: {responses: {'200': {description: ok}}}}}
components:
  schemas:
    Thing: {${given}}
`;
    const inTemplate = documentOf(api, templateReferences).diagnostics.filter((d) => d.severity === 'error');
    expect(inTemplate.map((d) => d.code)).toEqual(['apigw-intrinsic-lookalike']);
    expect(inTemplate[0]?.message).toContain(`at ${pointer}`);
    const standalone = documentOf(api, new StandaloneReferences());
    expect(standalone.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(at(standalone.document, pointer)).toBeDefined();
  });

  test('a resource policy holding an intrinsic is refused inside a template', () => {
    const api = `openapi: 3.0.3
info: {title: T, version: '1'}
x-gateway:
  kind: rest
  defaults: {lambda: {handler: main}}
  policy: {Version: '2012-10-17', Statement: [{Effect: Allow, Principal: {AWS: {Ref: AWS::AccountId}}, Action: 'execute-api:Invoke', Resource: '*'}]}
paths: {/a: {get: {responses: {'200': {description: ok}}}}}
`;
    expect(documentOf(api, templateReferences).diagnostics.map((d) => d.code)).toContain('apigw-intrinsic-lookalike');
  });
});

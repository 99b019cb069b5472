/**
 * Checks templates the way CloudFormation would before creating anything: every resource
 * of a known type, every property known, required properties present, values of the right
 * type (an intrinsic function is accepted wherever a value goes), and every `Ref`,
 * `Fn::GetAtt` and `Fn::Sub` variable naming something the template or AWS defines.
 * The resource specification comes from npm `@aws-cdk/aws-service-spec`; its
 * `AWS::Serverless::*` entries are stale, so SAM resources are left to SAM's own schema.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';

type SpecDb = ReturnType<typeof loadAwsServiceSpecSync>;
interface PropertyType {
  readonly type: string;
  readonly element?: PropertyType;
  readonly types?: readonly PropertyType[];
  readonly reference?: { readonly $ref: string };
}
interface Property {
  readonly type: PropertyType;
  readonly previousTypes?: readonly PropertyType[];
  readonly required?: boolean;
}
interface Shape {
  readonly properties: Record<string, Property>;
  readonly attributes?: Record<string, unknown>;
}

let db: SpecDb | undefined;
function spec(): SpecDb {
  db ??= loadAwsServiceSpecSync();
  return db;
}

/**
 * Properties `aws cloudformation package` rewrites from a local path to an S3 location
 * before CloudFormation sees the template.
 */
const packagedPaths = new Set(['AWS::Lambda::Function.Code', 'AWS::ApiGateway::RestApi.BodyS3Location', 'AWS::ApiGatewayV2::Api.BodyS3Location']);
const resourceAttributes = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy']);
const pseudoParameters = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);
/** What SAM lets a template reference on its own resources (`MyApi.Stage`). */
const samReferables: Record<string, readonly string[]> = {
  'AWS::Serverless::Api': ['Stage', 'Deployment', 'DomainName', 'UsagePlan', 'UsagePlanKey', 'ApiKey'],
  'AWS::Serverless::HttpApi': ['Stage', 'DomainName'],
  'AWS::Serverless::WebSocketApi': ['Stage', 'DomainName'],
  'AWS::Serverless::Function': ['Alias', 'Version'],
};

export interface Template {
  readonly Parameters?: Record<string, unknown>;
  readonly Conditions?: Record<string, unknown>;
  readonly Resources: Record<string, { readonly Type: string; readonly Properties?: Record<string, unknown>; readonly [key: string]: unknown }>;
  readonly Outputs?: Record<string, { readonly Value: unknown }>;
}

/** Every problem found, as `LogicalId.Property.Path: what is wrong`; empty when the template is sound. */
export function checkTemplate(template: Template): string[] {
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    for (const key of Object.keys(resource)) if (!resourceAttributes.has(key)) problems.push(`${id}: unknown resource attribute ${key}`);
    if (resource.Type.startsWith('AWS::Serverless::')) continue;
    const found = spec().lookup('resource', 'cloudFormationType', 'equals', resource.Type);
    if (found.length !== 1) {
      problems.push(`${id}: unknown resource type ${resource.Type}`);
      continue;
    }
    checkShape(found.only() as unknown as Shape, resource.Properties ?? {}, `${id}`, resource.Type, problems);
  }
  checkReferences(template, problems);
  return problems;
}

function checkShape(shape: Shape, value: Record<string, unknown>, path: string, type: string, problems: string[]): void {
  for (const [name, property] of Object.entries(shape.properties)) {
    if (property.required && !(name in value)) problems.push(`${path}: required property ${name} is missing`);
  }
  for (const [name, item] of Object.entries(value)) {
    const property = shape.properties[name];
    if (!property) {
      problems.push(`${path}: unknown property ${name}`);
      continue;
    }
    if (packagedPaths.has(`${type}.${name}`) && typeof item === 'string') continue;
    const types = [property.type, ...(property.previousTypes ?? [])];
    const failures = types.map((t) => {
      const found: string[] = [];
      checkValue(item, t, `${path}.${name}`, type, found);
      return found;
    });
    if (failures.every((f) => f.length > 0)) problems.push(...(failures[0] ?? []));
  }
}

export function isIntrinsic(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition');
}

function checkValue(value: unknown, type: PropertyType, path: string, resourceType: string, problems: string[]): void {
  if (isIntrinsic(value)) return;
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string') problems.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${path}: expected an integer, got ${JSON.stringify(value)}`);
      return;
    case 'number':
      if (typeof value !== 'number') problems.push(`${path}: expected a number, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
      return;
    case 'json':
      if (value === null || (typeof value !== 'object' && typeof value !== 'string')) problems.push(`${path}: expected JSON, got ${JSON.stringify(value)}`);
      return;
    case 'tag':
      if (!value || typeof value !== 'object' || !('Key' in value) || !('Value' in value)) problems.push(`${path}: expected a tag`);
      return;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${path}: expected a list, got ${JSON.stringify(value)}`);
      else value.forEach((v, i) => checkValue(v, type.element!, `${path}[${i}]`, resourceType, problems));
      return;
    case 'map':
      if (!value || typeof value !== 'object' || Array.isArray(value)) problems.push(`${path}: expected a map, got ${JSON.stringify(value)}`);
      else for (const [k, v] of Object.entries(value)) checkValue(v, type.element!, `${path}.${k}`, resourceType, problems);
      return;
    case 'ref': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${path}: expected an object, got ${JSON.stringify(value)}`);
        return;
      }
      const definition = spec().get('typeDefinition', type.reference!.$ref) as unknown as Shape;
      checkShape(definition, value as Record<string, unknown>, path, resourceType, problems);
      return;
    }
    case 'union': {
      const attempts = (type.types ?? []).map((t) => {
        const found: string[] = [];
        checkValue(value, t, path, resourceType, found);
        return found;
      });
      if (attempts.every((a) => a.length > 0)) problems.push(...(attempts[0] ?? [`${path}: matches no type of the union`]));
      return;
    }
    default:
      problems.push(`${path}: the checker does not know type ${type.type}`);
  }
}

/** `Ref`, `Fn::GetAtt`, `Fn::Sub` variables and `DependsOn` must name something that exists. */
function checkReferences(template: Template, problems: string[]): void {
  const parameters = new Set(Object.keys(template.Parameters ?? {}));
  const resources = template.Resources;
  const conditions = new Set(Object.keys(template.Conditions ?? {}));
  const known = (name: string): boolean => {
    if (pseudoParameters.has(name) || parameters.has(name) || name in resources) return true;
    const [base, property] = name.split('.');
    const type = base ? resources[base]?.Type : undefined;
    return type !== undefined && property !== undefined && (samReferables[type] ?? []).includes(property);
  };
  const knownAttribute = (resourceId: string, attribute: string): boolean => {
    const resource = resources[resourceId];
    if (!resource) return false;
    if (resource.Type.startsWith('AWS::Serverless::')) return true;
    const shape = spec().lookup('resource', 'cloudFormationType', 'equals', resource.Type).only() as unknown as Shape;
    return attribute in (shape.attributes ?? {});
  };
  const walk = (value: unknown, where: string, locals: ReadonlySet<string>): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`, locals));
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (typeof object['Ref'] === 'string' && !known(object['Ref'])) problems.push(`${where}: Ref to unknown ${object['Ref']}`);
    const getAtt = object['Fn::GetAtt'];
    if (Array.isArray(getAtt) && !knownAttribute(String(getAtt[0]), String(getAtt[1]))) problems.push(`${where}: Fn::GetAtt of unknown ${getAtt.join('.')}`);
    const sub = object['Fn::Sub'];
    if (sub !== undefined) {
      const [text, variables] = typeof sub === 'string' ? [sub, {}] : (sub as [string, Record<string, unknown>]);
      const own = new Set([...locals, ...Object.keys(variables)]);
      for (const match of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const name = match[1]!;
        const [base, attribute] = name.split('.');
        const ok = own.has(name) || known(name) || (base !== undefined && attribute !== undefined && knownAttribute(base, attribute));
        if (!ok) problems.push(`${where}: Fn::Sub names unknown \${${name}}`);
      }
      for (const [k, v] of Object.entries(variables)) walk(v, `${where}.${k}`, locals);
      return;
    }
    const condition = object['Fn::If'];
    if (Array.isArray(condition) && !conditions.has(String(condition[0]))) problems.push(`${where}: Fn::If on unknown condition ${condition[0]}`);
    for (const [k, v] of Object.entries(object)) walk(v, `${where}.${k}`, locals);
  };
  for (const [id, resource] of Object.entries(resources)) {
    walk(resource.Properties, id, new Set());
    walk(resource.Metadata, `${id}.Metadata`, new Set());
    const dependsOn = resource['DependsOn'];
    for (const target of typeof dependsOn === 'string' ? [dependsOn] : ((dependsOn as string[] | undefined) ?? [])) {
      if (!(target in resources)) problems.push(`${id}: DependsOn unknown ${target}`);
    }
    if (typeof resource['Condition'] === 'string' && !conditions.has(resource['Condition'])) problems.push(`${id}: unknown condition ${resource['Condition']}`);
  }
  for (const [name, output] of Object.entries(template.Outputs ?? {})) walk(output.Value, `Outputs.${name}`, new Set());
}

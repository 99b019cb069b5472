/**
 * One Lambda function per handler. SAM builds the TypeScript entry point with esbuild
 * (`Metadata.BuildMethod`); plain CloudFormation points `Code` at the bundle folder that
 * `aws cloudformation package` zips and uploads.
 */
import type { Handler } from '../../../../ir/types.js';
import { safeFileName } from '../../../../writer/safe-path.js';
import { entryPath, lambdaHandler } from '../../../handlers/layout.js';
import { getAtt, type CfnValue } from '../../cfn.js';
import type { UnitContext } from '../context.js';

/** Where the cloudformation target expects each handler's bundle (see docs/targets.md). */
export function bundleFolder(handler: string): string {
  return `build/${safeFileName(handler)}`;
}

export function addFunctions(ctx: UnitContext): void {
  for (const handler of ctx.api.handlers) {
    if (ctx.flavour === 'sam') addSamFunction(ctx, handler);
    else addCfnFunction(ctx, handler);
  }
}

function addSamFunction(ctx: UnitContext, handler: Handler): void {
  const { managed, statements } = splitPolicies(handler.policies);
  ctx.template.add(ctx.names.function(handler.name), {
    Type: 'AWS::Serverless::Function',
    Metadata: {
      BuildMethod: 'esbuild',
      BuildProperties: {
        EntryPoints: [entryPath(handler.name)],
        Target: nodeTarget(handler.runtime),
        Minify: true,
        Sourcemap: false,
      },
    },
    Properties: {
      CodeUri: '.',
      Handler: lambdaHandler(handler.name),
      ...commonProperties(handler),
      ...(managed.length + statements.length > 0
        ? { Policies: [...managed, ...(statements.length > 0 ? [{ Version: '2012-10-17', Statement: statements }] : [])] }
        : {}),
      ...(handler.tracing ? { Tracing: 'Active' } : {}),
    },
  });
}

function addCfnFunction(ctx: UnitContext, handler: Handler): void {
  const functionId = ctx.names.function(handler.name);
  const roleId = ctx.template.ids.get('Role', `${handler.name} function`);
  const { managed, statements } = splitPolicies(handler.policies);
  ctx.template.add(roleId, {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: assumeRolePolicy('lambda.amazonaws.com'),
      ManagedPolicyArns: [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' },
        ...(handler.tracing ? [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess' }] : []),
        ...managed,
      ],
      ...(statements.length > 0 ? { Policies: [{ PolicyName: 'handler', PolicyDocument: { Version: '2012-10-17', Statement: statements } }] } : {}),
    },
  });
  ctx.template.add(functionId, {
    Type: 'AWS::Lambda::Function',
    Properties: {
      Code: bundleFolder(handler.name),
      Handler: lambdaHandler(handler.name),
      Role: getAtt(roleId, 'Arn'),
      ...commonProperties(handler),
      ...(handler.tracing ? { TracingConfig: { Mode: 'Active' } } : {}),
    },
  });
}

function commonProperties(handler: Handler): Record<string, CfnValue> {
  const variables = Object.entries(handler.environment);
  return {
    Runtime: handler.runtime,
    MemorySize: handler.memoryMb,
    Timeout: handler.timeoutS,
    Architectures: [handler.architecture],
    ...(variables.length > 0 ? { Environment: { Variables: Object.fromEntries(variables) } } : {}),
    ...(handler.reservedConcurrency !== undefined ? { ReservedConcurrentExecutions: handler.reservedConcurrency } : {}),
  };
}

/** The spec lists managed policy ARNs (strings) and IAM statements (objects) together. */
function splitPolicies(policies: readonly unknown[]): { managed: string[]; statements: CfnValue[] } {
  return {
    managed: policies.filter((p): p is string => typeof p === 'string'),
    statements: policies.filter((p) => typeof p === 'object' && p !== null) as CfnValue[],
  };
}

/** esbuild's target for a Lambda runtime: `nodejs22.x` runs Node 22. */
function nodeTarget(runtime: string): string {
  const major = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
  return major ? `node${major}` : 'node20';
}

export function assumeRolePolicy(service: string): CfnValue {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}

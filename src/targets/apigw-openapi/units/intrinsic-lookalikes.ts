import type { CfnValue } from '../../aws/cfn.js';
import type { DocumentContext } from '../context.js';
import type { JsonObject } from '../draft.js';

/**
 * Inside a template, CloudFormation reads any object whose one key is `Ref` or `Fn::...` as
 * an intrinsic function. Spec text lands in the document as keys (property, scheme and
 * model names) and values (defaults, enums, the resource policy), so a spec could smuggle
 * one in. Intrinsics that `refs` supplied are marked; any other is reported.
 */
export function checkIntrinsicLookalikes(ctx: DocumentContext, document: JsonObject): void {
  if (!ctx.refs.intrinsics) return;
  const walk = (value: CfnValue, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    if (ctx.intrinsics.has(value)) return;
    if (Array.isArray(value)) {
      value.forEach((item: CfnValue, index: number) => walk(item, `${path}/${index}`));
      return;
    }
    const keys = Object.keys(value);
    const only = keys.length === 1 ? keys[0] : undefined;
    if (only !== undefined && (only === 'Ref' || only.startsWith('Fn::'))) {
      ctx.report(
        'apigw-intrinsic-lookalike',
        `The API Gateway document holds an object whose only key is "${only}" (at ${path || '/'}), which CloudFormation would run as an intrinsic function; rename what the spec calls "${only}" or give the object another key.`,
        ctx.api.origin,
      );
    }
    for (const key of keys) walk((value as JsonObject)[key] as CfnValue, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(document, '');
}

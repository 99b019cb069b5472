import type { Parameter, ParameterLocation, ParameterStyle, SchemaOrBoolean } from '../../ir/types.js';
import { booleanAt, child, entries, expectArray, expectObject, optional, stringAt, type BuildContext, type Node } from '../context.js';
import { readExamples } from './example-object.js';
import { checkHeaderName } from './header-name.js';

const locations = new Set<ParameterLocation>(['path', 'query', 'header', 'cookie']);
const stylesByLocation: Record<ParameterLocation, readonly ParameterStyle[]> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};
/** OpenAPI: "If in is header and name is Accept, Content-Type or Authorization, the parameter definition SHALL be ignored." */
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization']);

export interface ParameterList {
  readonly parameters: readonly Parameter[];
  /**
   * False when an entry could not be read (a `$ref` that leads nowhere, a parameter
   * without a name): the list may lack parameters the spec means to declare.
   */
  readonly complete: boolean;
}

/** Reads a `parameters` list; each entry keeps the origin of the object it resolved to. */
export function readParameterList(ctx: BuildContext, node: Node): ParameterList {
  if (node.value === undefined) return { parameters: [], complete: true };
  const list = expectArray(ctx, node, '"parameters"');
  if (!list) return { parameters: [], complete: false };
  const out: Parameter[] = [];
  const seen = new Map<string, Parameter>();
  let complete = true;
  list.value.forEach((_, index) => {
    const parameter = readParameter(ctx, child(list, index));
    if (parameter === 'ignored') return;
    if (!parameter) {
      complete = false;
      return;
    }
    const key = parameterKey(parameter);
    const earlier = seen.get(key);
    if (earlier) {
      ctx.report('parameter-duplicate', `The ${parameter.in} parameter "${parameter.name}" is declared twice in this list; remove one.`, parameter.origin, {
        related: [{ message: 'first declared here', origin: earlier.origin }],
      });
      return;
    }
    seen.set(key, parameter);
    out.push(parameter);
  });
  return { parameters: out, complete };
}

/** Header names are case-insensitive; other names are not. */
export function parameterKey(parameter: Pick<Parameter, 'in' | 'name'>): string {
  return `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
}

/** `'ignored'` for a parameter OpenAPI says to ignore; `undefined` for one that cannot be read. */
function readParameter(ctx: BuildContext, written: Node): Parameter | 'ignored' | undefined {
  const resolved = ctx.deref(written);
  if (resolved && resolved !== written) return ctx.shared('parameter', resolved.origin, () => readResolvedParameter(ctx, resolved));
  return readResolvedParameter(ctx, resolved);
}

function readResolvedParameter(ctx: BuildContext, resolved: Node | undefined): Parameter | 'ignored' | undefined {
  const node = resolved && expectObject(ctx, resolved, 'A parameter');
  if (!node) return undefined;
  const name = stringAt(node, 'name');
  const location = stringAt(node, 'in');
  if (name === undefined || location === undefined || !locations.has(location as ParameterLocation)) {
    ctx.report('openapi-unexpected-type', 'A parameter needs a string "name" and "in" set to path, query, header or cookie.', node.origin);
    return undefined;
  }
  const where = location as ParameterLocation;
  if (where === 'header') {
    checkHeaderName(ctx, name, child(node, 'name').origin, 'The header parameter');
    if (ignoredHeaders.has(name.toLowerCase())) return 'ignored';
  }
  let required = booleanAt(node, 'required') ?? false;
  if (where === 'path' && !required) {
    ctx.report('path-parameter-not-required', `The path parameter "${name}" must have "required: true"; path parameters are always present.`, node.origin);
    required = true;
  }
  const writtenStyle = stringAt(node, 'style');
  let style: ParameterStyle = where === 'path' || where === 'header' ? 'simple' : 'form';
  if (writtenStyle !== undefined) {
    if ((stylesByLocation[where] as readonly string[]).includes(writtenStyle)) style = writtenStyle as ParameterStyle;
    else {
      ctx.report('openapi-unexpected-type', `The style "${writtenStyle}" is not allowed for ${where} parameters; use ${stylesByLocation[where].join(' or ')}.`, child(node, 'style').origin);
    }
  }
  const { schema, mediaType } = parameterSchema(ctx, node, name);
  return {
    name,
    in: where,
    required,
    deprecated: booleanAt(node, 'deprecated') ?? false,
    ...optional('description', stringAt(node, 'description')),
    style,
    explode: booleanAt(node, 'explode') ?? style === 'form',
    allowReserved: booleanAt(node, 'allowReserved') ?? false,
    schema,
    ...optional('mediaType', mediaType),
    ...optional('examples', parameterExamples(ctx, node, mediaType)),
    origin: node.origin,
  };
}

/** A parameter serialised as a media type keeps its examples there. */
function parameterExamples(ctx: BuildContext, node: Node, mediaType: string | undefined) {
  const own = readExamples(ctx, node);
  if (mediaType === undefined) return own;
  const inContent = readExamples(ctx, child(child(node, 'content'), mediaType));
  return own && inContent ? [...own, ...inContent] : (own ?? inContent);
}

function parameterSchema(ctx: BuildContext, node: Node, name: string): { schema: SchemaOrBoolean; mediaType?: string } {
  const schema = child(node, 'schema');
  if (schema.value !== undefined) return { schema: ctx.schemas.convert(schema) };
  const content = entries(child(node, 'content'));
  const first = content[0];
  if (first && content.length === 1) {
    const inner = child(first[1], 'schema');
    return { schema: inner.value === undefined ? {} : ctx.schemas.convert(inner), mediaType: first[0] };
  }
  ctx.report('openapi-unexpected-type', `The parameter "${name}" needs either a "schema" or a "content" map with exactly one media type.`, node.origin);
  return { schema: {} };
}

import type { ApiKind, Parameter } from '../../ir/types.js';
import type { Origin } from '../../diagnostics/diagnostic.js';
import type { BuildContext } from '../context.js';

export interface TemplateParameter {
  readonly name: string;
  readonly greedy: boolean;
}

/** One segment of a path as API Gateway routes it: literal text or one whole-segment variable. */
export type GatewaySegment = { readonly literal: string } | { readonly variable: string; readonly greedy: boolean };

export interface PathTemplate {
  readonly parameters: readonly TemplateParameter[];
  readonly segments: readonly GatewaySegment[];
}

const literalSegment = /^[A-Za-z0-9._~:@!$&'()*+,;=-]+$/;
const restLiteralSegment = /^[A-Za-z0-9._-]+$/;
const parameterSegment = /^\{([A-Za-z0-9._-]+)(\+?)\}$/;
const embeddedParameter = /\{([A-Za-z0-9._-]+)\}/g;

/**
 * Checks a path against API Gateway's resource path rules and returns its parameters and
 * the segments the gateway routes on. A segment that mixes text and parameters
 * (`{base}...{head}`) is routed as one variable; the handler glue splits it.
 */
export function readPathTemplate(ctx: BuildContext, path: string, origin: Origin, kind: ApiKind): PathTemplate | undefined {
  const at = { ...origin, key: true };
  const invalid = (why: string): undefined => {
    ctx.report('path-invalid', `The path "${path}" ${why}`, at);
    return undefined;
  };
  if (!path.startsWith('/')) return invalid('must start with "/".');
  if (/[?#]/.test(path)) return invalid('must not hold a query string or fragment; declare query parameters under "parameters".');
  if (path === '/') return { parameters: [], segments: [] };
  const written = path.slice(1).replace(/\/$/, '').split('/');
  const parameters: TemplateParameter[] = [];
  const segments: GatewaySegment[] = [];
  for (const [index, segment] of written.entries()) {
    if (segment === '') return invalid('has an empty segment ("//").');
    const match = parameterSegment.exec(segment);
    if (match) {
      const greedy = match[2] === '+';
      if (greedy && index !== written.length - 1) return invalid(`has the greedy parameter "${segment}" before its end; only the last segment may be greedy.`);
      parameters.push({ name: match[1] as string, greedy });
      segments.push({ variable: match[1] as string, greedy });
      continue;
    }
    if (segment.includes('{') || segment.includes('}')) {
      const names = [...segment.matchAll(embeddedParameter)].map((m) => m[1] as string);
      const rest = segment.replace(embeddedParameter, '');
      if (names.length === 0 || rest.includes('{') || rest.includes('}')) return invalid(`has the malformed segment "${segment}".`);
      ctx.report(
        'path-segment-split',
        `API Gateway matches parameters only as whole segments, so "${segment}" is routed as the single parameter {${names.join('_')}} and the generated handler glue splits it into ${names.map((n) => `{${n}}`).join(', ')}.`,
        at,
      );
      parameters.push(...names.map((name) => ({ name, greedy: false })));
      segments.push({ variable: names.join('_'), greedy: false });
      continue;
    }
    const allowed = kind === 'rest' ? restLiteralSegment : literalSegment;
    if (!allowed.test(segment)) {
      return invalid(`has the segment "${segment}" with characters API Gateway does not allow in resource paths (letters, digits, ".", "_", "-").`);
    }
    segments.push({ literal: segment });
  }
  const seen = new Set<string>();
  for (const p of parameters) {
    if (seen.has(p.name)) return invalid(`uses the parameter "${p.name}" twice.`);
    seen.add(p.name);
  }
  return { parameters, segments };
}

export function renderGatewayPath(segments: readonly GatewaySegment[]): string {
  return '/' + segments.map((s) => ('literal' in s ? s.literal : `{${s.variable}${s.greedy ? '+' : ''}}`)).join('/');
}

interface ResourceNode {
  readonly literals: Map<string, ResourceNode>;
  variable?: { name: string; greedy: boolean; node: ResourceNode; origin: Origin };
}

/**
 * API Gateway's resources form a tree in which each resource has at most one variable
 * child. Paths whose variables differ only in name at the same position (`/a/{id}` and
 * `/a/{key}/b`) share one gateway resource: the later path takes the earlier's name.
 */
export class ResourceTree {
  readonly #root: ResourceNode = { literals: new Map() };

  constructor(private readonly ctx: BuildContext) {}

  /** Inserts a path and returns the segments the gateway will route it on. */
  insert(path: string, segments: readonly GatewaySegment[], origin: Origin): GatewaySegment[] {
    let node = this.#root;
    const out: GatewaySegment[] = [];
    const renames: { from: string; to: string; origin: Origin }[] = [];
    for (const segment of segments) {
      if ('literal' in segment) {
        let next = node.literals.get(segment.literal);
        if (!next) {
          next = { literals: new Map() };
          node.literals.set(segment.literal, next);
        }
        out.push(segment);
        node = next;
        continue;
      }
      const existing = node.variable;
      if (!existing) {
        node.variable = { name: segment.variable, greedy: segment.greedy, node: { literals: new Map() }, origin };
        out.push(segment);
        node = node.variable.node;
        continue;
      }
      if (existing.greedy !== segment.greedy) {
        this.ctx.report(
          'path-ambiguous',
          `The path "${path}" has a ${segment.greedy ? 'greedy' : 'plain'} parameter where another path has a ${existing.greedy ? 'greedy' : 'plain'} one; an API Gateway resource has one variable child, so make both greedy or both plain.`,
          { ...origin, key: true },
          { related: [{ message: 'the other path', origin: { ...existing.origin, key: true } }] },
        );
      } else if (existing.name !== segment.variable) {
        renames.push({ from: segment.variable, to: existing.name, origin: existing.origin });
      }
      out.push({ variable: existing.name, greedy: existing.greedy });
      node = existing.node;
    }
    if (renames.length > 0) {
      this.ctx.report(
        'path-parameter-renamed',
        `API Gateway allows one parameter name per position, so in "${path}" ${renames.map((r) => `{${r.from}} is routed as {${r.to}}`).join(' and ')}, the name${renames.length > 1 ? 's' : ''} an earlier path uses there; the generated handler glue maps ${renames.length > 1 ? 'them' : 'it'} back.`,
        { ...origin, key: true },
        { related: renames.map((r) => ({ message: `{${r.to}} comes from here`, origin: { ...r.origin, key: true } })) },
      );
    }
    return out;
  }
}

/** Checks the template against the declared path parameters, both ways. */
export function checkPathParameters(
  ctx: BuildContext,
  path: string,
  template: readonly TemplateParameter[],
  parameters: readonly Parameter[],
  operationOrigin: Origin,
  options: { readonly reportUndeclared: boolean },
): void {
  const declared = parameters.filter((p) => p.in === 'path');
  for (const t of template) {
    if (options.reportUndeclared && !declared.some((p) => p.name === t.name)) {
      ctx.report(
        'path-parameter-undeclared',
        `The path "${path}" has the parameter {${t.name}${t.greedy ? '+' : ''}}, which this operation does not declare; add {name: ${t.name}, in: path, required: true}.`,
        operationOrigin,
      );
    }
  }
  for (const p of declared) {
    if (!template.some((t) => t.name === p.name)) {
      ctx.report('path-parameter-not-in-path', `The path parameter "${p.name}" is not in the path "${path}"; remove it or add {${p.name}} to the path.`, p.origin);
    }
  }
}

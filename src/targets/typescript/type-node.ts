/**
 * A small TypeScript type syntax tree: schemas are turned into these, then printed, so
 * that parentheses, flattening and line breaks are decided in one place rather than by
 * pasting strings together.
 */
import { docComment, propertyKey } from './encode.js';

export type TypeNode =
  /** Anything that binds tightly: a keyword, a name, a literal. Never spec text that was not encoded. */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'object'; readonly members: readonly TypeMember[]; readonly index?: TypeNode }
  | { readonly kind: 'array'; readonly element: TypeNode }
  | { readonly kind: 'tuple'; readonly elements: readonly { readonly type: TypeNode; readonly optional: boolean }[]; readonly rest?: TypeNode }
  | { readonly kind: 'union'; readonly members: readonly TypeNode[] }
  | { readonly kind: 'intersection'; readonly members: readonly TypeNode[] };

export interface TypeMember {
  /** The property name as written in the spec; `propertyKey` encodes it when printed. */
  readonly name: string;
  readonly optional: boolean;
  readonly readonly?: boolean;
  readonly type: TypeNode;
  /** Lines of documentation (spec text; encoded when printed). */
  readonly doc?: readonly string[];
}

export const unknownType: TypeNode & { kind: 'text' } = { kind: 'text', text: 'unknown' };
export const neverType: TypeNode & { kind: 'text' } = { kind: 'text', text: 'never' };

export function text(code: string): TypeNode {
  return { kind: 'text', text: code };
}

/** A union, flattened and without duplicates; `unknown` absorbs everything, `never` vanishes. */
export function union(members: readonly TypeNode[]): TypeNode {
  return combine('union', members, unknownType, neverType);
}

/** An intersection, flattened; `unknown` vanishes, `never` absorbs everything. */
export function intersection(members: readonly TypeNode[]): TypeNode {
  return combine('intersection', members, neverType, unknownType);
}

/** Members of `kind` flattened, duplicates (by printed text) and `neutral` dropped; `absorbing` swallows the lot. */
function combine(kind: 'union' | 'intersection', members: readonly TypeNode[], absorbing: TypeNode & { kind: 'text' }, neutral: TypeNode & { kind: 'text' }): TypeNode {
  // Most schemas have one type and nothing to combine it with: no bookkeeping for them (large APIs have hundreds of thousands).
  const only = members.length === 1 ? (members[0] as TypeNode) : undefined;
  if (only !== undefined && only.kind !== kind) return only;
  const flat: TypeNode[] = [];
  const seen = new Set<string>();
  for (const outer of members) {
    for (const member of outer.kind === kind ? outer.members : [outer]) {
      if (member.kind === 'text' && member.text === absorbing.text) return absorbing;
      if (member.kind === 'text' && member.text === neutral.text) continue;
      const key = printType(member);
      if (seen.has(key)) continue;
      seen.add(key);
      flat.push(member);
    }
  }
  if (flat.length === 0) return neutral;
  return flat.length === 1 ? (flat[0] as TypeNode) : { kind, members: flat };
}

const maxLineUnion = 100;
const printed = new WeakMap<TypeNode, string>();

/**
 * Prints a type; nested object members are indented by two spaces per level below `indent`.
 * Every tree is printed once, at no indentation, and indented by prefixing its lines:
 * unions and intersections compare members by their printed text, and a type nested at
 * different depths prints the same apart from indentation (literals and comments hold no
 * raw line breaks).
 */
export function printType(node: TypeNode, indent = ''): string {
  if (node.kind === 'text') return node.text;
  let text = printed.get(node);
  if (text === undefined) {
    text = print(node, '');
    printed.set(node, text);
  }
  return indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
}

function print(node: TypeNode, indent: string): string {
  switch (node.kind) {
    case 'text':
      return node.text;
    case 'array': {
      const element = printType(node.element, indent);
      return node.element.kind === 'union' || node.element.kind === 'intersection' ? `(${element})[]` : `${element}[]`;
    }
    case 'tuple': {
      const parts = node.elements.map((e) => {
        const printed = printType(e.type, indent);
        if (!e.optional) return printed;
        return e.type.kind === 'union' || e.type.kind === 'intersection' ? `(${printed})?` : `${printed}?`;
      });
      if (node.rest) {
        const rest = printType(node.rest, indent);
        parts.push(node.rest.kind === 'union' || node.rest.kind === 'intersection' ? `...(${rest})[]` : `...${rest}[]`);
      }
      return `[${parts.join(', ')}]`;
    }
    case 'union': {
      const parts = node.members.map((m) => printType(m, indent));
      const oneLine = parts.join(' | ');
      if (oneLine.length <= maxLineUnion || parts.some((p) => p.includes('\n'))) return oneLine;
      return parts.map((p) => `\n${indent}  | ${p}`).join('');
    }
    case 'intersection':
      return node.members.map((m) => (m.kind === 'union' ? `(${printType(m, indent)})` : printType(m, indent))).join(' & ');
    case 'object': {
      const inner = indent + '  ';
      if (node.members.length === 0) return node.index ? `{ [key: string]: ${printType(node.index, indent)} }` : '{}';
      const lines = node.members.map(
        (m) => `${docComment(m.doc ?? [], inner)}${inner}${m.readonly ? 'readonly ' : ''}${propertyKey(m.name)}${m.optional ? '?' : ''}: ${printType(m.type, inner)};\n`,
      );
      if (node.index) lines.push(`${inner}[key: string]: ${printType(node.index, inner)};\n`);
      return `{\n${lines.join('')}${indent}}`;
    }
  }
}

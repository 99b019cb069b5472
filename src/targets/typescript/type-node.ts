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

export const unknownType: TypeNode = { kind: 'text', text: 'unknown' };
export const neverType: TypeNode = { kind: 'text', text: 'never' };

export function text(code: string): TypeNode {
  return { kind: 'text', text: code };
}

const isUnknown = (node: TypeNode): boolean => node.kind === 'text' && node.text === 'unknown';
const isNever = (node: TypeNode): boolean => node.kind === 'text' && node.text === 'never';

/** A union, flattened and without duplicates; `unknown` absorbs everything, `never` vanishes. */
export function union(members: readonly TypeNode[]): TypeNode {
  const flat: TypeNode[] = [];
  const seen = new Set<string>();
  for (const member of members.flatMap((m) => (m.kind === 'union' ? m.members : [m]))) {
    if (isUnknown(member)) return unknownType;
    if (isNever(member)) continue;
    const key = printType(member);
    if (seen.has(key)) continue;
    seen.add(key);
    flat.push(member);
  }
  if (flat.length === 0) return neverType;
  return flat.length === 1 ? (flat[0] as TypeNode) : { kind: 'union', members: flat };
}

/** An intersection, flattened; `unknown` vanishes, `never` absorbs everything. */
export function intersection(members: readonly TypeNode[]): TypeNode {
  const flat: TypeNode[] = [];
  const seen = new Set<string>();
  for (const member of members.flatMap((m) => (m.kind === 'intersection' ? m.members : [m]))) {
    if (isNever(member)) return neverType;
    if (isUnknown(member)) continue;
    const key = printType(member);
    if (seen.has(key)) continue;
    seen.add(key);
    flat.push(member);
  }
  if (flat.length === 0) return unknownType;
  return flat.length === 1 ? (flat[0] as TypeNode) : { kind: 'intersection', members: flat };
}

const maxLineUnion = 100;
const printed = new WeakMap<TypeNode, string>();

/** Prints a type; nested object members are indented by two spaces per level below `indent`. */
export function printType(node: TypeNode, indent = ''): string {
  if (indent !== '') return print(node, indent);
  // Unions and intersections compare members by their printed text: print each tree once.
  let text = printed.get(node);
  if (text === undefined) {
    text = print(node, indent);
    printed.set(node, text);
  }
  return text;
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

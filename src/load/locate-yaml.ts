import type { Node } from 'yaml';
import { parsedBefore, yaml } from './yaml.js';
import type { PointerRange, TextRange } from './source.js';

/**
 * The YAML text's document with node ranges (the one loading parsed, or parsed once more), and
 * a function that finds a pointer's range. Called only when a diagnostic in this file is printed.
 */
export function locateInYaml(text: string): (tokens: readonly string[]) => PointerRange {
  const doc = parsedBefore(text) ?? yaml().parseDocument(text, { version: '1.2', uniqueKeys: false, keepSourceTokens: false });
  const whole: TextRange = { start: 0, end: text.length };
  return (tokens) => {
    let node: unknown = doc.contents;
    let key: TextRange | undefined;
    let range = rangeOf(node) ?? whole;
    for (const token of tokens) {
      if (yaml().isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      let nextKey: TextRange | undefined;
      if (yaml().isMap(node)) {
        for (const pair of node.items) {
          const k: unknown = pair.key;
          const name = yaml().isScalar(k) ? String(k.value) : String(k);
          if (name === token) {
            next = pair.value ?? k;
            nextKey = rangeOf(k);
            break;
          }
        }
      } else if (yaml().isSeq(node) && /^(0|[1-9][0-9]*)$/.test(token)) {
        next = node.items[Number(token)];
      }
      if (next === undefined) return { value: range, ...(key ? { key } : {}), exact: false };
      node = next;
      key = nextKey;
      range = rangeOf(node) ?? nextKey ?? range;
    }
    return { value: range, ...(key ? { key } : {}), exact: true };
  };
}

function rangeOf(node: unknown): TextRange | undefined {
  const r = (node as Node | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

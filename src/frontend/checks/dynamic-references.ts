import type { Source } from '../../load/source.js';
import { appendPointer } from '../../load/json-pointer.js';
import type { BuildContext } from '../context.js';

const marker = '{{resolve:';

/**
 * Refuses CloudFormation dynamic references anywhere in spec text: text of the spec
 * reaches the template, and `{{resolve:...}}` there would make CloudFormation read a
 * secret or parameter the spec's author chose.
 */
export function checkDynamicReferences(ctx: BuildContext, sources: readonly Source[]): void {
  for (const source of sources) {
    if (!source.text.includes(marker)) continue;
    walk(source.data, '', (pointer, isKey) => {
      ctx.report(
        'x-gateway-dynamic-reference',
        'This text holds a CloudFormation dynamic reference ("{{resolve:"); spec text is copied into the template, where it would be resolved. Remove it; pass secrets as template parameters instead.',
        { file: source.file, pointer, ...(isKey ? { key: true } : {}) },
      );
    });
  }
}

function walk(node: unknown, pointer: string, found: (pointer: string, isKey: boolean) => void): void {
  if (typeof node === 'string') {
    if (node.includes(marker)) found(pointer, false);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${pointer}/${i}`, found));
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    const here = appendPointer(pointer, key);
    if (key.includes(marker)) found(here, true);
    walk(value, here, found);
  }
}

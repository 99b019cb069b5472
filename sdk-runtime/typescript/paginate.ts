/**
 * Async iteration over paginated operations, as `x-gateway.pagination` describes them:
 * a cursor read from the body or a header, or a page number or offset that counts up.
 */
import type { PaginationSpec, Success } from './http.js';

/** The value a JSON pointer (`/items`, `/data/next`) names, if any. */
export function atPointer(document: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return document;
  let current = document;
  for (const token of pointer.slice(1).split('/')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

/** The element type of the array at a body path, for typing `items()`. */
export type ItemsAt<Data, Path extends readonly string[]> = Path extends readonly [infer Head extends string, ...infer Rest extends readonly string[]]
  ? ItemsAt<Head extends keyof NonNullable<Data> ? NonNullable<Data>[Head] : unknown, Rest>
  : NonNullable<Data> extends readonly (infer Item)[]
    ? Item
    : unknown;

/**
 * Yields every item of every page, calling `page` with the parameters for the next one.
 * Stops on an empty page, a missing cursor, or a cursor seen before.
 */
export async function* paginate<Item>(
  spec: PaginationSpec,
  key: string,
  params: Readonly<Record<string, unknown>>,
  page: (params: Readonly<Record<string, unknown>>) => Promise<Success>,
): AsyncGenerator<Item, void, undefined> {
  let current: Readonly<Record<string, unknown>> = params;
  const seen = new Set<string>();
  for (;;) {
    const answer = await page(current);
    const items = atPointer(answer.data, spec.itemsPointer);
    const list: readonly unknown[] = Array.isArray(items) ? items : [];
    for (const item of list) yield item as Item;
    if (list.length === 0) return;
    let next: unknown;
    if (spec.style === 'cursor') {
      next = spec.nextHeader !== undefined ? answer.headers.get(spec.nextHeader) : spec.nextPointer !== undefined ? atPointer(answer.data, spec.nextPointer) : undefined;
      if (next === undefined || next === null || next === '') return;
      const text = String(next);
      if (seen.has(text)) return;
      seen.add(text);
    } else if (spec.style === 'page') {
      next = Number(current[key] ?? 1) + 1;
    } else {
      next = Number(current[key] ?? 0) + list.length;
    }
    current = { ...current, [key]: next };
  }
}

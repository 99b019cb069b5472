import { editDistance } from '../../diagnostics/did-you-mean.js';
import { child, entries, isObject, type BuildContext, type Node } from '../context.js';

const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Finds `x-gatway`, `X-Gateway`, `x_gateway` and the like where gatewright reads
 * `x-gateway`: OpenAPI allows any `x-` key, so a misspelled one would be ignored in
 * silence and the API built without its settings (a REST API instead of an HTTP one).
 */
export function checkMisspelledExtensions(ctx: BuildContext, document: Node): { readonly rootMisspelled: boolean } {
  let rootMisspelled = false;
  const places: Node[] = [document];
  for (const [path, item] of entries(child(document, 'paths'))) {
    if (path.startsWith('x-')) continue;
    places.push(item);
    if (!isObject(item.value)) continue;
    for (const key of Object.keys(item.value)) if (methods.has(key)) places.push(child(item, key));
  }
  for (const [, scheme] of entries(child(child(document, 'components'), 'securitySchemes'))) places.push(scheme);
  for (const place of places) {
    if (!isObject(place.value)) continue;
    for (const key of Object.keys(place.value)) {
      if (!looksLikeXGateway(key)) continue;
      if (place === document) rootMisspelled = true;
      ctx.report(
        'x-gateway-misspelled',
        `"${key}" looks like a misspelling of x-gateway, so gatewright ignores its settings; rename it to x-gateway.`,
        { ...child(place, key).origin, key: true },
      );
    }
  }
  return { rootMisspelled };
}

/** Only `x-` keys: others (`X-Gateway`, `x_gateway`) are already refused by the OpenAPI schema, with this advice. */
function looksLikeXGateway(key: string): boolean {
  return key.startsWith('x-') && isNearXGateway(key);
}

export function isNearXGateway(key: string): boolean {
  // The distance is at least the difference in length: most extension keys (Microsoft
  // Graph has one on every operation) are ruled out without computing it.
  if (Math.abs(key.length - 'x-gateway'.length) > 2) return false;
  // Each edit changes at most one letter on either side, so a key with more than two
  // letters that x-gateway lacks is not within two edits (x-github, on each of GitHub's
  // operations, has four).
  if (lettersNotIn(key.toLowerCase(), 'x-gateway') > 2) return false;
  return key !== 'x-gateway' && /^x[-_]/i.test(key) && editDistance(key.toLowerCase().replace(/_/g, '-'), 'x-gateway') <= 2;
}

/**
 * How many characters of `word` are left over once each is matched to a distinct one of
 * `letters` (`_` counts as `-`, as the comparison treats them alike).
 */
function lettersNotIn(word: string, letters: string): number {
  const available = new Map<number, number>();
  for (let i = 0; i < letters.length; i++) available.set(letters.charCodeAt(i), (available.get(letters.charCodeAt(i)) ?? 0) + 1);
  let missing = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) === 95 ? 45 : word.charCodeAt(i);
    const left = available.get(c) ?? 0;
    if (left > 0) available.set(c, left - 1);
    else missing++;
  }
  return missing;
}

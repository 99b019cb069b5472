import type { Origin } from '../../diagnostics/diagnostic.js';
import { appendPointer } from '../../load/json-pointer.js';
import { below, firstWritten } from '../origins.js';
import type { LintRule } from '../rule.js';

/** Credential formats with a recognisable shape; a match is very likely a real secret. */
const patterns: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
  { name: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { name: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Stripe live key', pattern: /\b[rs]k_live_[0-9A-Za-z]{16,}\b/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
];
const any = new RegExp(patterns.map((p) => p.pattern.source).join('|'));
/** Text every match contains; looking for these is much faster than running the patterns over a large spec. */
const markers = ['AKIA', 'ASIA', 'PRIVATE KEY-----', 'gh', 'xox', '_live_', 'AIza'];
const anyGlobal = new RegExp(any.source, 'g');
/**
 * Values written to be replaced, not real credentials: `<token>`, `YOUR_API_KEY`,
 * `xxxx…`, `changeme`, `${API_KEY}`, and anything saying it is an example (AWS's own
 * sample key is AKIAIOSFODNN7EXAMPLE).
 */
const placeholders: readonly RegExp[] = [
  /^\s*$/,
  /^<[^<>]*>$/,
  /\$\{[^}]*\}/,
  /^\{\{(?!resolve:)[^}]*\}\}$/,
  /^(?:your|my)[\s_-]/i,
  /x{4,}/i,
  /\*{4,}|\.{3,}|…/,
  /example/i,
  /^(?:change[\s_-]?me|replace[\s_-]?me|placeholder|dummy|redacted|todo|tbd|fake|none|null)$/i,
];

export function isPlaceholder(value: string): boolean {
  return placeholders.some((pattern) => pattern.test(value));
}

/** Environment variable names that hold secrets. */
const secretName = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_?KEY|API_?KEY|CREDENTIALS?)$/i;

export const rule: LintRule = {
  id: 'security-secrets',
  family: 'security',
  summary: 'No credentials in spec text or in Lambda environment variables.',
  docs: {
    why: 'A spec is committed, reviewed, published as docs and copied into the template; a key written in it is leaked. Lambda environment variables are readable by anyone who can view the function or the template. Keep secrets in Secrets Manager or SSM and pass their names. Placeholders are not reported: `<token>`, `YOUR_API_KEY`, `xxxx…`, `changeme`, `${API_KEY}`, or anything that says `example`. (A `{{resolve:...}}` reference in spec text is the compiler\'s `x-gateway-dynamic-reference` error.)',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  handlers:
    orders:
      environment: {PAYMENT_API_KEY: sk_live_51HzQ2mW7qLr4Tb8Kc1Zp6Hd}
paths:
  /orders:
    post:
      operationId: createOrder
      x-gateway: {lambda: {handler: orders}}
      responses: {'201': {description: Created.}}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
x-gateway:
  handlers:
    orders:
      environment: {PAYMENT_API_KEY_PARAMETER: /shop/prod/payment-api-key}
paths:
  /orders:
    post:
      operationId: createOrder
      x-gateway: {lambda: {handler: orders}}
      responses: {'201': {description: Created.}}
`,
  },
  check({ api, spec, report }) {
    const reported = new Set<string>();
    for (const { file, text, data } of spec.texts()) {
      if (!markers.some((marker) => text.includes(marker)) || !any.test(text)) continue;
      // Find what matched in the text, then only the strings that hold one of those matches.
      const matches = [...new Set([...text.matchAll(anyGlobal)].map((m) => m[0]))];
      walkStrings(data, '', (value, pointer, isKey) => {
        if (!matches.some((m) => value.includes(m))) return;
        // A description may show a sample key beside a real one: any real match counts.
        const found = patterns.find((p) => [...value.matchAll(new RegExp(p.pattern.source, 'g'))].some((m) => !isPlaceholder(m[0])));
        if (!found) return;
        const origin: Origin = { file, pointer, ...(isKey ? { key: true } : {}) };
        reported.add(`${file}#${pointer}`);
        report({ message: `This text holds what looks like ${found.name}; anything in the spec is published. Remove it and revoke the credential, then pass it from Secrets Manager or SSM.`, origin });
      });
    }
    for (const handler of api.handlers) {
      for (const [name, value] of Object.entries(handler.environment)) {
        if (!secretName.test(name) || isPlaceholder(value)) continue;
        const origin = firstWritten(
          spec,
          below(handler.origin, 'environment', name),
          below(api.gateway.origin, 'defaults', 'lambda', 'environment', name),
          handler.origin,
        );
        const key = `${origin.file}#${origin.pointer}`;
        if (reported.has(key)) continue;
        reported.add(key);
        report({
          message: `The environment variable ${name} of the handler "${handler.name}" holds a secret in plain text, readable by anyone who can see the function or the template. Store it in Secrets Manager or SSM and pass its name (e.g. ${name}_PARAMETER) instead.`,
          origin,
        });
      }
    }
  },
};

function walkStrings(node: unknown, pointer: string, found: (value: string, pointer: string, isKey: boolean) => void): void {
  if (typeof node === 'string') {
    found(node, pointer, false);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walkStrings(node[i], `${pointer}/${i}`, found);
    return;
  }
  for (const key of Object.keys(node)) {
    const here = appendPointer(pointer, key);
    found(key, here, true);
    walkStrings((node as Record<string, unknown>)[key], here, found);
  }
}

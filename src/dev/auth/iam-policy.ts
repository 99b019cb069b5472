/**
 * Evaluates a Lambda authorizer's IAM policy against the ARN of the method (REST) or
 * route (HTTP, WebSocket) being called: an explicit Deny wins, then an Allow; nothing
 * matching is an implicit deny.
 */
export function evaluatePolicy(policy: unknown, resourceArn: string): 'allow' | 'deny' | 'implicit-deny' | 'malformed' {
  if (policy === null || typeof policy !== 'object') return 'malformed';
  const statements = (policy as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements && typeof statements === 'object' ? [statements] : undefined;
  if (!list) return 'malformed';
  let allowed = false;
  for (const statement of list) {
    if (statement === null || typeof statement !== 'object') return 'malformed';
    const s = statement as { Effect?: unknown; Action?: unknown; Resource?: unknown };
    if (!matchesAny(s.Action, 'execute-api:Invoke', true) || !matchesAny(s.Resource, resourceArn, false)) continue;
    if (s.Effect === 'Deny') return 'deny';
    if (s.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

function matchesAny(patterns: unknown, value: string, caseless: boolean): boolean {
  const list = typeof patterns === 'string' ? [patterns] : Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string') : [];
  return list.some((pattern) => wildcard(pattern, caseless).test(value));
}

/** IAM wildcards: `*` any run of characters, `?` one character. */
function wildcard(pattern: string, caseless: boolean): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseless ? 'i' : '');
}

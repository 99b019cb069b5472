/** Who is calling, as the gateway's auth steps established it; the events carry it to the handler. */
export interface Caller {
  apiKey?: { readonly name: string; readonly value: string; readonly id: string };
  authorizer?: AuthorizerOutcome;
  iam?: IamCaller;
}

export type AuthorizerContextValue = string | number | boolean;

export type AuthorizerOutcome =
  | {
      readonly kind: 'lambda';
      readonly principalId?: string;
      readonly context: Readonly<Record<string, AuthorizerContextValue>>;
      readonly latencyMs: number;
    }
  /** HTTP API JWT authorizers; claims as the token holds them. */
  | { readonly kind: 'jwt'; readonly claims: Readonly<Record<string, unknown>>; readonly scopes: readonly string[] | null }
  /** REST Cognito user pool authorizers. */
  | { readonly kind: 'cognito'; readonly claims: Readonly<Record<string, unknown>> };

export interface IamCaller {
  readonly accessKey: string;
  readonly accountId: string;
  readonly userId: string;
  readonly userArn: string;
}

/** Claims as API Gateway hands them over: every value a string, lists as `[a b]`. */
export function stringClaims(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (Array.isArray(value)) out[name] = `[${value.map(String).join(' ')}]`;
    else if (value !== null && typeof value === 'object') out[name] = JSON.stringify(value);
    else out[name] = String(value);
  }
  return out;
}

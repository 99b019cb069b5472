/**
 * Credentials, per security scheme, as API Gateway reads them: API keys in `x-api-key`,
 * Cognito and JWT authorizers' tokens as `Authorization: Bearer`, Lambda authorizers'
 * credentials where their identity sources say, and SigV4 for IAM.
 */
import { ConfigurationError } from './errors.js';

/** Asked again with `forceRefresh: true` once, when the API answers 401. */
export type CredentialProvider = (request: { readonly forceRefresh: boolean }) => string | Promise<string>;
/** A fixed value, or a provider called for every call. */
export type Credential = string | CredentialProvider;

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface IamAuth {
  /** Fixed credentials, or a provider called before every attempt (each attempt is signed anew). */
  readonly credentials: AwsCredentials | (() => AwsCredentials | Promise<AwsCredentials>);
  /** The API's region; read from an `execute-api` host when absent. */
  readonly region?: string;
  /** `execute-api` unless you sign for something else in front of the API. */
  readonly service?: string;
}

/** A request as SigV4 sees it. */
export interface RequestToSign {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body?: string | ArrayBuffer | Uint8Array;
}

export interface CredentialSource {
  readonly in: 'header' | 'query';
  readonly name: string;
}

export type SchemeSpec =
  | { readonly type: 'apiKey'; readonly header: string }
  | { readonly type: 'bearer'; readonly header: string }
  | { readonly type: 'credential'; readonly sources: readonly CredentialSource[] }
  | { readonly type: 'iam' };

/** What one attempt adds to the request for auth. */
export interface AppliedAuth {
  readonly headers: readonly (readonly [string, string])[];
  readonly query: readonly (readonly [string, string])[];
  readonly iam?: IamAuth;
  /** Whether a provider gave any of the credentials, so a 401 may be worth one refresh. */
  readonly refreshable: boolean;
}

type AuthConfig = Readonly<Record<string, unknown>>;

/**
 * Picks the first alternative of the operation's security whose schemes all have
 * credentials, and resolves them. No alternatives means the operation is public.
 */
export async function applyAuth(
  operation: string,
  alternatives: readonly (readonly string[])[],
  schemes: Readonly<Record<string, SchemeSpec>>,
  config: AuthConfig,
  forceRefresh: boolean,
): Promise<AppliedAuth> {
  if (alternatives.length === 0) return { headers: [], query: [], refreshable: false };
  const chosen = alternatives.find((names) => names.every((name) => config[name] !== undefined));
  if (chosen === undefined) {
    const wanted = alternatives.map((names) => names.map((n) => `auth.${n}`).join(' and ')).join(', or ');
    throw new ConfigurationError(`${operation} needs credentials: set ${wanted} in the client's options.`);
  }
  const headers: [string, string][] = [];
  const query: [string, string][] = [];
  let iam: IamAuth | undefined;
  let refreshable = false;
  for (const name of chosen) {
    const scheme = schemes[name];
    const given = config[name];
    if (scheme === undefined) continue;
    if (scheme.type === 'iam') {
      iam = given as IamAuth;
      continue;
    }
    if (scheme.type === 'credential' && scheme.sources.length > 1 && typeof given === 'object' && given !== null) {
      for (const source of scheme.sources) {
        const credential = (given as Record<string, Credential | undefined>)[source.name];
        if (credential === undefined) continue;
        refreshable ||= typeof credential === 'function';
        const value = await resolve(credential, forceRefresh);
        (source.in === 'header' ? headers : query).push([source.name, value]);
      }
      continue;
    }
    const credential = given as Credential;
    refreshable ||= typeof credential === 'function' && scheme.type !== 'apiKey';
    const value = await resolve(credential, forceRefresh);
    if (scheme.type === 'apiKey') headers.push([scheme.header, value]);
    else if (scheme.type === 'bearer') headers.push([scheme.header, /^bearer /i.test(value) ? value : `Bearer ${value}`]);
    else for (const source of scheme.sources) (source.in === 'header' ? headers : query).push([source.name, value]);
  }
  return { headers, query, ...(iam !== undefined ? { iam } : {}), refreshable };
}

async function resolve(credential: Credential, forceRefresh: boolean): Promise<string> {
  return typeof credential === 'function' ? await credential({ forceRefresh }) : credential;
}

/** Base URLs: the spec's servers with their variables, and API Gateway's own endpoints. */

/** Fills `{name}` in a server URL template; a variable with no value keeps its default. */
export function serverUrl(template: string, defaults: Readonly<Record<string, string>>, values: Readonly<Record<string, string | undefined>> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => values[name] ?? defaults[name] ?? whole);
}

export interface ExecuteApiEndpoint {
  /** The API's id, e.g. `abc123defg`. */
  readonly apiId: string;
  readonly region: string;
  readonly stage: string;
}

/**
 * The `execute-api` URL of a stage. HTTP APIs serve their `$default` stage at the root;
 * every other stage is the first path segment.
 */
export function executeApiUrl({ apiId, region, stage }: ExecuteApiEndpoint): string {
  const host = `https://${encodeURIComponent(apiId)}.execute-api.${encodeURIComponent(region)}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
  return stage === '$default' ? host : `${host}/${encodeURIComponent(stage)}`;
}

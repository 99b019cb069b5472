import type { Origin } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { lambdaAuthorizerTimeoutMs } from '../apigateway-limits.js';
import type { Api, ApiKind, Handler } from '../types.js';

export interface HandlerDefaults {
  readonly runtime: string;
  readonly memoryMb: number;
  readonly timeoutS: number;
  readonly architecture: 'arm64' | 'x86_64';
  readonly environment: Readonly<Record<string, string>>;
  /** Added to every function's role, before the handler's own. */
  readonly policies: readonly unknown[];
  readonly reservedConcurrency?: number;
  readonly tracing: boolean;
}

export interface HandlerSettings extends Partial<Omit<HandlerDefaults, 'environment' | 'policies'>> {
  readonly environment?: Readonly<Record<string, string>>;
  readonly policies?: readonly unknown[];
  readonly origin: Origin;
}

export interface CollectHandlersOptions {
  readonly defaults: HandlerDefaults;
  readonly settings: ReadonlyMap<string, HandlerSettings>;
  readonly report: (code: 'handler-conflict' | 'x-gateway-reference', message: string, origin: Origin, related?: Origin) => void;
}

/**
 * Gathers one Lambda function per handler name, from route integrations, Lambda
 * authorizers and WebSocket routes, in that order, with settings over defaults.
 */
export function collectHandlers(api: Api, options: CollectHandlersOptions): Api {
  const found = new Map<string, { role: Handler['role']; uses: string[]; origin: Origin }>();
  const use = (name: string, role: Handler['role'], id: string, origin: Origin): void => {
    const existing = found.get(name);
    if (!existing) {
      found.set(name, { role, uses: [id], origin });
      return;
    }
    if (existing.role !== role) {
      options.report(
        'handler-conflict',
        `The handler "${name}" is used as ${describeRole(role)} here and as ${describeRole(existing.role)} elsewhere; a Lambda function has one event shape, so give each role its own handler.`,
        origin,
        existing.origin,
      );
      return;
    }
    existing.uses.push(id);
  };
  for (const route of api.routes) if (route.integration.type === 'lambda') use(route.integration.handler, 'route', route.id, route.integration.origin);
  for (const scheme of api.securitySchemes) if (scheme.type === 'lambda') use(scheme.handler, 'authorizer', scheme.name, scheme.origin);
  for (const route of api.messageRoutes) if (route.integration.type === 'lambda') use(route.integration.handler, 'message', route.id, route.integration.origin);

  // A misspelled name is most likely one of the used handlers that has no settings of its own.
  const unconfigured = [...found.keys()].filter((name) => !options.settings.has(name));
  for (const [name, settings] of options.settings) {
    if (!found.has(name)) {
      options.report('x-gateway-reference', `x-gateway.handlers has settings for "${name}", but no operation, route or authorizer uses that handler; remove them or fix the name.${didYouMean(name, unconfigured)}`, settings.origin);
    }
  }
  const d = options.defaults;
  const handlers: Handler[] = [...found].map(([name, { role, uses, origin }]) => {
    const s = options.settings.get(name);
    return {
      name,
      role,
      uses,
      runtime: s?.runtime ?? d.runtime,
      memoryMb: s?.memoryMb ?? d.memoryMb,
      timeoutS: s?.timeoutS ?? defaultTimeoutS(api.kind, role, d.timeoutS),
      architecture: s?.architecture ?? d.architecture,
      environment: { ...d.environment, ...s?.environment },
      // Like environment, policies add up: the defaults' first, then the handler's own.
      policies: [...d.policies, ...(s?.policies ?? [])],
      ...((s?.reservedConcurrency ?? d.reservedConcurrency) !== undefined ? { reservedConcurrency: s?.reservedConcurrency ?? d.reservedConcurrency } : {}),
      tracing: s?.tracing ?? d.tracing,
      origin: s?.origin ?? origin,
    };
  });
  return { ...api, handlers };
}

/**
 * The defaults' timeout, except that an authorizer without its own gets no longer than the
 * gateway waits for an authorizer: running past it only bills work no caller receives.
 */
function defaultTimeoutS(kind: ApiKind, role: Handler['role'], defaultS: number): number {
  if (role !== 'authorizer' || kind !== 'http') return defaultS;
  return Math.min(defaultS, Math.floor(lambdaAuthorizerTimeoutMs.http / 1000));
}

function describeRole(role: Handler['role']): string {
  return role === 'route' ? 'an operation handler' : role === 'authorizer' ? 'a Lambda authorizer' : 'a WebSocket route handler';
}

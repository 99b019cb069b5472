import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/codes.js';
import { buildApi } from '../frontend/build-api.js';
import type { Api, Stage } from '../ir/types.js';
import { loadSpec } from '../load/load-spec.js';
import type { SourceSet } from '../load/source.js';
import { accessLogTemplate } from './access-log.js';
import { devApiKeys, UsagePlanGate, type DevApiKey } from './api-keys.js';
import { devIamCredentials, devSigningKey, type DevIamCredentials, type DevSigningKey } from './auth/dev-credentials.js';
import { tokenKeys, type TokenKeys } from './auth/jwt.js';
import { AuthorizerCache } from './auth/lambda-authorizer.js';
import { ResponseCache } from './cache.js';
import { HandlerBuildError, loadHandlers, stateDirName, type LoadedHandlers } from './handlers.js';
import { devRegion, localApiId } from './ids.js';
import type { DevOptions } from './options.js';
import { Router } from './router.js';
import type { TrafficState } from './throttle.js';
import { RequestValidator } from './validation.js';

/** One loaded version of the API: the IR and everything built from it. A reload builds a new one. */
export interface DevApp {
  readonly api: Api;
  readonly stage: Stage;
  readonly apiId: string;
  readonly router: Router;
  readonly validator: RequestValidator;
  readonly handlers: LoadedHandlers;
  readonly apiKeys: readonly DevApiKey[];
  readonly usagePlans: UsagePlanGate;
  readonly iam: DevIamCredentials;
  readonly tokenKeys: ReadonlyMap<string, TokenKeys>;
  readonly responseCache: ResponseCache;
  readonly authorizerCache: AuthorizerCache;
  readonly accessLogTemplate: string;
  /** Spec and handler source files; a change to any of them reloads. */
  readonly watchFiles: readonly string[];
}

export interface LoadResult {
  readonly app?: DevApp;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: SourceSet;
  /** Things worth saying at startup that are not problems (where JWT keys come from). */
  readonly notes: readonly string[];
  /** The spec's files, watched even when the spec does not build. */
  readonly specFiles: readonly string[];
}

export interface LoadContext {
  readonly options: DevOptions;
  readonly outDir: string;
  readonly traffic: TrafficState;
  /** The version being replaced, whose handlers stay when the new ones do not build. */
  readonly previous?: DevApp;
}

export class UnknownStageError extends Error {}

/** Loads the spec and the handlers into a servable app; errors leave `app` undefined. */
export async function loadApp(ctx: LoadContext): Promise<LoadResult> {
  const { options } = ctx;
  const loaded = loadSpec(options.specPath, options.load);
  const specFiles = loaded.sources.files.map((f) => loaded.sources.get(f)?.absolutePath).filter((f): f is string => f !== undefined);
  const { api, diagnostics: frontEnd } = buildApi(loaded);
  const diagnostics: Diagnostic[] = [...frontEnd];
  const notes: string[] = [];
  const done = (app?: DevApp): LoadResult => ({ ...(app ? { app } : {}), diagnostics, sources: loaded.sources, notes, specFiles });
  if (!api || hasErrors(diagnostics)) return done();

  const stage = options.stage === undefined ? api.gateway.stages[0] : api.gateway.stages.find((s) => s.name === options.stage);
  if (!stage) {
    throw new UnknownStageError(`The spec has no stage "${options.stage}"; its stages are ${api.gateway.stages.map((s) => s.name).join(', ')}.`);
  }
  const stateDir = path.join(ctx.outDir, stateDirName);
  fs.mkdirSync(stateDir, { recursive: true });

  let signingKey: DevSigningKey | undefined;
  const keys = new Map<string, TokenKeys>();
  const specDir = path.dirname(fs.realpathSync(options.specPath));
  for (const scheme of api.securitySchemes) {
    if (scheme.type !== 'jwt' && scheme.type !== 'cognito') continue;
    signingKey ??= await devSigningKey(stateDir);
    const found = await tokenKeys(scheme, specDir, signingKey, options.allowNetwork ?? false);
    if ('problem' in found) diagnostics.push(diagnostic('dev-jwks-unusable', found.problem, scheme.origin));
    else {
      keys.set(scheme.name, found);
      if (found.note) notes.push(found.note);
    }
  }
  if (hasErrors(diagnostics)) return done();

  applyEnvironment(api);
  let handlers: LoadedHandlers;
  try {
    handlers = await loadHandlers(api, ctx.outDir);
  } catch (error) {
    if (!(error instanceof HandlerBuildError)) throw error;
    diagnostics.push(diagnostic('dev-handler-build-failed', error.message));
    if (!ctx.previous) return done();
    handlers = ctx.previous.handlers;
  }
  for (const [name, problem] of handlers.problems) {
    const handler = api.handlers.find((h) => h.name === name);
    diagnostics.push(diagnostic('dev-handler-unavailable', `The handler "${name}": ${problem}.`, handler?.origin));
  }
  const apiKeys = devApiKeys(api);
  return done({
    api,
    stage,
    apiId: localApiId(api.name),
    router: new Router(api.routes),
    validator: new RequestValidator(api),
    handlers,
    apiKeys,
    usagePlans: new UsagePlanGate(apiKeys, stage.name, ctx.traffic),
    iam: devIamCredentials(api),
    tokenKeys: keys,
    // A reload is a redeployment: the handlers may answer differently now, so cached answers go.
    responseCache: new ResponseCache(),
    authorizerCache: new AuthorizerCache(),
    accessLogTemplate: accessLogTemplate(stage.accessLog?.format, api.kind),
    watchFiles: [...new Set([...specFiles, ...handlers.inputs])],
  });
}

/**
 * Handlers share the dev process, so each one's `environment` (and the region Lambda
 * sets) goes into `process.env`; a variable already set in the shell wins.
 */
function applyEnvironment(api: Api): void {
  const wanted: Record<string, string> = { AWS_REGION: devRegion, AWS_DEFAULT_REGION: devRegion };
  for (const handler of api.handlers) Object.assign(wanted, handler.environment);
  for (const [name, value] of Object.entries(wanted)) if (process.env[name] === undefined) process.env[name] = value;
}

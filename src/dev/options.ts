import type { LoadOptions } from '../load/load-spec.js';

export interface DevOptions {
  readonly specPath: string;
  /** The compile output folder holding `handlers/` and `gatewright/entries/`; by default the spec's folder. */
  readonly outDir?: string;
  /** Default 3000; 0 picks a free port. */
  readonly port?: number;
  /** 127.0.0.1 unless said otherwise. */
  readonly host?: string;
  /** The stage to serve; by default the spec's first. */
  readonly stage?: string;
  readonly load?: LoadOptions;
  /** Print each event and response. */
  readonly verbose?: boolean;
  /** Fetch https JWKS URLs; off by default, dev reads no network for auth. */
  readonly allowNetwork?: boolean;
  /** Reload on spec and handler changes (default true). */
  readonly watch?: boolean;
  /** Largest request body accepted; API Gateway's payload limit (`payloadBytes.http`) by default. */
  readonly maxBodyBytes?: number;
  /** Where dev prints its lines (access logs, notes, diagnostics); stdout by default. */
  readonly log?: (line: string) => void;
  /** Where diagnostics go, already formatted by the caller. */
  readonly report?: (diagnostics: import('../diagnostics/diagnostic.js').Diagnostic[], sources: import('../load/source.js').SourceSet) => void;
}

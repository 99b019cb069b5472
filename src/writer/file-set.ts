/** What back ends produce: files by path inside the output folder. */
export interface OutputFile {
  /** Relative to the output folder, `/`-separated, checked by `checkOutputPath`. */
  readonly path: string;
  readonly contents: string | Uint8Array;
  /**
   * Written only when absent: the file then belongs to the user (handler stubs) and is
   * never overwritten or removed, unless the user forces it.
   */
  readonly once?: boolean;
  /**
   * With `once`: not even forcing replaces it. For files the user adds to rather than
   * rewrites (a `package.json` with the functions' dependencies), which `--force-stubs`
   * must not reset.
   */
  readonly keep?: boolean;
  /**
   * What produced the file (`ir`, `template`, `openapi`, `handlers`, `sdk`). A run removes
   * stale files only of the artifacts it emits, so `--emit template` leaves the handlers
   * an earlier run wrote in the same folder alone.
   */
  readonly artifact?: string;
}

export type FileSet = readonly OutputFile[];

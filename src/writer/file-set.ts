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
}

export type FileSet = readonly OutputFile[];

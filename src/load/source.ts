import type { Origin } from '../diagnostics/diagnostic.js';
import { jsonLocator } from './locate-json.js';
import { locateInYaml } from './locate-yaml.js';
import { parsePointer } from './json-pointer.js';

export type SourceFormat = 'json' | 'yaml';

/** One loaded file of a spec. Positions are computed from `text` only when asked for. */
export interface Source {
  /** Path relative to the spec's root folder, `/`-separated; the key diagnostics use. */
  readonly file: string;
  readonly absolutePath: string;
  readonly format: SourceFormat;
  readonly text: string;
  readonly data: unknown;
}

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

export interface Span {
  readonly start: Position;
  readonly end: Position;
  readonly startOffset: number;
  readonly endOffset: number;
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Where a pointer lands in a file's text: the value's range and, for object members, the key's. */
export interface PointerRange {
  readonly value: TextRange;
  readonly key?: TextRange;
  /** False when the pointer goes deeper than the text does; the range is then the deepest node found. */
  readonly exact: boolean;
}

/** The files of one spec, and the one place that turns pointers into line:col. */
export class SourceSet {
  readonly #sources = new Map<string, Source>();
  /** A path as written in a `$ref` that reaches, through a symlink inside the root, another file. */
  readonly #aliases = new Map<string, string>();
  /** Line starts found so far, and where the search for the next one resumes (-1 once done). */
  readonly #lineStarts = new Map<string, { starts: number[]; resumeAt: number }>();
  readonly #locators = new Map<string, (tokens: readonly string[]) => PointerRange>();

  constructor(readonly rootDir: string) {}

  add(source: Source): void {
    this.#sources.set(source.file, source);
  }

  alias(writtenPath: string, file: string): void {
    this.#aliases.set(writtenPath, file);
  }

  get(file: string): Source | undefined {
    return this.#sources.get(file) ?? this.#sources.get(this.#aliases.get(file) ?? '');
  }

  has(file: string): boolean {
    return this.get(file) !== undefined;
  }

  get files(): string[] {
    return [...this.#sources.keys()];
  }

  /** Resolves an origin to a span of text, or `undefined` when the file is unknown. */
  locate(origin: Origin): Span | undefined {
    const source = this.#sources.get(origin.file);
    if (!source) return undefined;
    let range: TextRange;
    if (origin.offset !== undefined) {
      const at = Math.min(Math.max(origin.offset, 0), source.text.length);
      range = { start: at, end: at };
    } else {
      const tokens = parsePointer(origin.pointer) ?? [];
      const found = this.#pointerRange(source, tokens);
      range = origin.key && found.key ? found.key : found.value;
    }
    return {
      start: this.position(source.file, range.start),
      end: this.position(source.file, range.end),
      startOffset: range.start,
      endOffset: range.end,
    };
  }

  /** Whether the pointer names a node that really is in the file. */
  resolves(origin: Origin): boolean {
    const source = this.#sources.get(origin.file);
    if (!source) return false;
    const tokens = parsePointer(origin.pointer);
    return tokens !== undefined && this.#pointerRange(source, tokens).exact;
  }

  position(file: string, offset: number): Position {
    const source = this.#sources.get(file);
    if (!source) return { line: 1, column: 1 };
    const starts = this.#lineStartsThrough(source, (found) => (found.at(-1) as number) > offset);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  /** The text of one line (1-based), without its line break. */
  lineText(file: string, line: number): string {
    const source = this.#sources.get(file);
    if (!source) return '';
    const starts = this.#lineStartsThrough(source, (found) => found.length > line);
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    const text = source.text.slice(start, next === undefined ? undefined : next - 1);
    // Not a /\r$/ replace: on a minified spec the line is the whole file, and that regex scans all of it.
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  }

  get lineCount(): (file: string) => number {
    return (file) => {
      const source = this.#sources.get(file);
      return source ? this.#lineStartsThrough(source, () => false).length : 0;
    };
  }

  /**
   * The starts of the file's lines, found up to where `enough` says (or to the end): the
   * diagnostics of a large spec usually sit in its first part, and finding every line of
   * 13 MB cost more than locating them.
   */
  #lineStartsThrough(source: Source, enough: (starts: readonly number[]) => boolean): number[] {
    let found = this.#lineStarts.get(source.file);
    if (!found) {
      found = { starts: [0], resumeAt: 0 };
      this.#lineStarts.set(source.file, found);
    }
    const { starts } = found;
    const text = source.text;
    while (found.resumeAt !== -1 && !enough(starts)) {
      const newline = text.indexOf('\n', found.resumeAt);
      if (newline === -1) {
        found.resumeAt = -1;
      } else {
        starts.push(newline + 1);
        found.resumeAt = newline + 1;
      }
    }
    return starts;
  }

  #pointerRange(source: Source, tokens: readonly string[]): PointerRange {
    let locator = this.#locators.get(source.file);
    if (!locator) {
      locator = source.format === 'json' ? jsonLocator(source.text) : locateInYaml(source.text);
      this.#locators.set(source.file, locator);
    }
    return locator(tokens);
  }
}

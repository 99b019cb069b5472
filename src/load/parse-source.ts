import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/codes.js';
import type { SourceFormat } from './source.js';
import { rememberParsed, yaml } from './yaml.js';

export interface ParseLimits {
  /** Most aliases a YAML file may expand; guards against alias bombs. */
  readonly maxAliasCount: number;
}

export type ParseResult = { readonly data: unknown } | { readonly diagnostics: Diagnostic[] };

/** Chooses JSON or YAML from the file name, then from the first character. */
export function detectFormat(file: string, text: string): SourceFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export function parseSource(file: string, text: string, format: SourceFormat, limits: ParseLimits): ParseResult {
  if (text.trim() === '') {
    return { diagnostics: [diagnostic('load-empty', `${file} is empty; write an OpenAPI document in it.`, { file, pointer: '' })] };
  }
  const result = format === 'json' ? parseJson(file, text) : parseYaml(file, text, limits);
  if ('diagnostics' in result) return result;
  const data = result.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const what = Array.isArray(data) ? 'a list' : data === null ? 'null' : `a ${typeof data}`;
    return {
      diagnostics: [diagnostic('load-root-not-object', `The root of ${file} is ${what}; it must be a mapping (an object).`, { file, pointer: '' })],
    };
  }
  return result;
}

function parseJson(file: string, text: string): ParseResult {
  try {
    return { data: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        diagnostic('load-json-syntax', `${file} is not valid JSON: ${message.replace(/^JSON\.parse: /, '')}. Fix the syntax at this point.`, {
          file,
          pointer: '',
          offset: jsonErrorOffset(message, text),
        }),
      ],
    };
  }
}

/** V8 reports either `at position N` or `(line L column C)`. */
function jsonErrorOffset(message: string, text: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const line = Number(lineColumn[1]);
    let offset = 0;
    for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
    return offset + Number(lineColumn[2]) - 1;
  }
  return /Unexpected end/.test(message) ? text.length : 0;
}

function parseYaml(file: string, text: string, limits: ParseLimits): ParseResult {
  const docs = yaml().parseAllDocuments(text, { version: '1.2', uniqueKeys: true, strict: true, prettyErrors: false });
  if (!Array.isArray(docs)) {
    return { diagnostics: [diagnostic('load-empty', `${file} holds no YAML document; write an OpenAPI document in it.`, { file, pointer: '' })] };
  }
  const diagnostics: Diagnostic[] = [];
  if (docs.length > 1) {
    const second = docs[1]?.range[0] ?? 0;
    diagnostics.push(
      diagnostic('load-yaml-multiple-documents', `${file} holds ${docs.length} YAML documents; a spec file must hold exactly one. Remove the extra \`---\` sections.`, {
        file,
        pointer: '',
        offset: second,
      }),
    );
  }
  const doc = docs[0];
  if (!doc) return { diagnostics: [diagnostic('load-empty', `${file} holds no YAML document.`, { file, pointer: '' })] };
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    // Indentation errors start at the line's first column; point at what is misplaced instead.
    const offset = error.pos[0] + (/^ */.exec(text.slice(error.pos[0]))?.[0].length ?? 0);
    const key = duplicate ? /^[^\n:]*/.exec(text.slice(offset))?.[0].trim().replace(/^(['"])(.*)\1$/, '$2') : undefined;
    diagnostics.push(
      diagnostic(
        duplicate ? 'load-yaml-duplicate-key' : 'load-yaml-syntax',
        duplicate
          ? `${file} has the key "${key}" twice in one mapping; YAML 1.2 keys must be unique. Merge the two entries, or rename one.`
          : `${file} is not valid YAML 1.2: ${firstLine(error.message)}.${/indent|column/i.test(error.message) ? ' Check the indentation of this line against the lines above it.' : ''}`,
        { file, pointer: '', offset },
      ),
    );
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      diagnostics.push(
        diagnostic('load-yaml-unknown-tag', `${file} uses a YAML tag gatewright does not read: ${firstLine(warning.message)}. Remove the tag; specs use plain YAML 1.2 values.`, {
          file,
          pointer: '',
          offset: warning.pos[0],
        }),
      );
    }
  }
  diagnostics.push(...unknownTags(file, doc));
  if (diagnostics.length > 0) return { diagnostics };
  rememberParsed(text, doc);
  try {
    return { data: doc.toJS({ maxAliasCount: limits.maxAliasCount }) as unknown };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return {
        diagnostics: [
          diagnostic(
            'load-yaml-alias-limit',
            `${file} expands YAML aliases more than ${limits.maxAliasCount} times (an alias bomb); write the values out or use $ref.`,
            { file, pointer: '', offset: firstAliasOffset(doc) },
          ),
        ],
      };
    }
    throw error;
  }
}

/** Tags such as `!!binary` or `!Ref` that the 1.2 core schema does not define. */
function unknownTags(file: string, doc: Document): Diagnostic[] {
  const found: Diagnostic[] = [];
  const core = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);
  yaml().visit(doc, (_key, node) => {
    if ((yaml().isScalar(node) || yaml().isCollection(node)) && node.tag && !core.has(node.tag)) {
      found.push(
        diagnostic('load-yaml-unknown-tag', `${file} uses the YAML tag ${node.tag}, which is outside the YAML 1.2 core schema; remove it.`, {
          file,
          pointer: '',
          offset: node.range?.[0] ?? 0,
        }),
      );
    }
  });
  return found.slice(0, 20);
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  yaml().visit(doc, (_key, node) => {
    if (yaml().isAlias(node)) {
      offset = node.range?.[0] ?? 0;
      return yaml().visit.BREAK;
    }
    return undefined;
  });
  return offset;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}

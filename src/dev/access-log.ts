import type { ApiKind } from '../ir/types.js';
import { accessLogFormat } from '../targets/aws/template/units/logs.js';

/**
 * The `$context` template of a stage's access log: the very text the template back end
 * gives the deployed stage (`json`, `clf` or a format as written); dev prints CLF when the
 * stage logs nothing, so every request still gets its line.
 */
export function accessLogTemplate(format: string | undefined, kind: ApiKind): string {
  return accessLogFormat(kind, format ?? 'clf');
}

const compiled = new Map<string, readonly (string | { readonly variable: string })[]>();

/**
 * One access log line; a variable with no value prints as `-`, as in CloudWatch. Each
 * template is split into text and variables once, since this runs for every request.
 */
export function accessLogLine(template: string, variables: Readonly<Record<string, string | number | undefined>>): string {
  let parts = compiled.get(template);
  if (!parts) {
    const list: (string | { variable: string })[] = [];
    let last = 0;
    for (const m of template.matchAll(/\$\{context\.([A-Za-z0-9_.]+)\}|\$context\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/g)) {
      list.push(template.slice(last, m.index), { variable: (m[1] ?? m[2]) as string });
      last = m.index + m[0].length;
    }
    list.push(template.slice(last));
    compiled.set(template, (parts = list));
  }
  let line = '';
  for (const part of parts) {
    if (typeof part === 'string') line += part;
    else {
      const value = variables[part.variable];
      line += value === undefined || value === '' ? '-' : String(value);
    }
  }
  return line;
}

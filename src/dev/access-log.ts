import type { ApiKind } from '../ir/types.js';
import { accessLogFormat } from '../targets/aws/template/units/logs.js';
import { renderContextTemplate } from './gateway-responses.js';

/**
 * The `$context` template of a stage's access log: the very text the template back end
 * gives the deployed stage (`json`, `clf` or a format as written); dev prints CLF when the
 * stage logs nothing, so every request still gets its line.
 */
export function accessLogTemplate(format: string | undefined, kind: ApiKind): string {
  return accessLogFormat(kind, format ?? 'clf');
}

/** One access log line; a variable with no value prints as `-`, as in CloudWatch. */
export function accessLogLine(template: string, variables: Readonly<Record<string, string | number | undefined>>): string {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) if (value !== undefined && value !== '') present[name] = String(value);
  return renderContextTemplate(template.replace(/\$context\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/g, (m, name: string) => (name in present ? m : '-')), present);
}

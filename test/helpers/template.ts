import { parse } from 'yaml';
import { compileSpec } from '../../src/compile.js';
import type { Template } from './cfn-spec.js';

/** Compiles a spec to its template and reads it back the way CloudFormation does (YAML 1.1). */
export function compileTemplate(spec: string, target: 'sam' | 'cloudformation'): { template: Template; text: string; codes: string[] } {
  const result = compileSpec(spec, { target, emit: ['template'] });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code}: ${d.message}`).join('\n'));
  const file = result.files.find((f) => f.path === 'template.yaml');
  if (!file || typeof file.contents !== 'string') throw new Error('no template.yaml');
  return { template: parse(file.contents, { version: '1.1' }) as Template, text: file.contents, codes: result.diagnostics.map((d) => d.code) };
}

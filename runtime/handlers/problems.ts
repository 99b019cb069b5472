import type { ValidatorError } from './spec.js';

/** One thing wrong with a request, as the 400 answer lists it. */
export interface Problem {
  /** Where: a parameter location, or the body. */
  readonly in: 'path' | 'query' | 'header' | 'cookie' | 'body';
  /** The parameter's name (not for the body). */
  readonly name?: string;
  /** JSON pointer to the offending value inside the parameter or body; absent for the whole value. */
  readonly pointer?: string;
  readonly message: string;
}

/** Turns a validator's errors into problems, pointers relative to `prefix` (stripped). */
export function problemsFrom(errors: readonly ValidatorError[] | null | undefined, where: Problem['in'], name: string | undefined, prefix = ''): Problem[] {
  const out: Problem[] = [];
  for (const error of errors ?? []) {
    let pointer = error.instancePath.startsWith(prefix) ? error.instancePath.slice(prefix.length) : error.instancePath;
    let message = error.message ?? `fails "${error.keyword}"`;
    const missing = error.params['missingProperty'];
    const additional = error.params['additionalProperty'];
    const unevaluated = error.params['unevaluatedProperty'];
    if (error.keyword === 'required' && typeof missing === 'string') {
      pointer += '/' + escapePointer(missing);
      message = 'is required';
    } else if (error.keyword === 'additionalProperties' && typeof additional === 'string') {
      pointer += '/' + escapePointer(additional);
      message = 'is not allowed';
    } else if (error.keyword === 'unevaluatedProperties' && typeof unevaluated === 'string') {
      pointer += '/' + escapePointer(unevaluated);
      message = 'is not allowed';
    } else if (error.keyword === 'enum' && Array.isArray(error.params['allowedValues'])) {
      message = `must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    }
    out.push({ in: where, ...(name !== undefined ? { name } : {}), ...(pointer !== '' ? { pointer } : {}), message });
  }
  return out;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The body of a 400 answer: a summary and every problem. */
export function badRequestBody(problems: readonly Problem[]): { message: string; problems: readonly Problem[] } {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return { message: `The request is not valid (${count}).`, problems };
}

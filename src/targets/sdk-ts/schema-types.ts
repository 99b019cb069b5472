import type { Api, SchemaOrBoolean } from '../../ir/types.js';

/**
 * How the SDK gets TypeScript types for schemas. The shared schema-to-TypeScript module
 * (src/targets/typescript/, from the handlers work) provides the real one; until it is
 * on main, every schema is `unknown` so the SDK still compiles and runs.
 */
export interface SchemaTypes {
  /** The contents of the SDK's `src/types.ts`: named types for the API's schemas. */
  readonly module: string;
  /** A type expression for a schema, as seen in answers (`read`) or requests (`write`); named types are `T.Name`. */
  typeOf(schema: SchemaOrBoolean | undefined, view: 'read' | 'write'): string;
}

export function schemaTypes(_api: Api): SchemaTypes {
  return {
    module: '// Named types for the API\'s schemas.\nexport {};\n',
    typeOf: () => 'unknown',
  };
}

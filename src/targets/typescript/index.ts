/**
 * Schema-to-TypeScript, shared by the back ends that write TypeScript (handlers, SDK):
 * named types for the API's schemas in request and response views, and the encoders every
 * piece of spec text goes through on its way into generated code.
 */
export { SchemaTypes, schemaDoc, schemaViews, walkSchema, type SchemaTypeOptions, type SchemaView, type TypeOfOptions } from './schema-to-type.js';
export { TypeNames } from './type-names.js';
export { intersection, printType, text, union, neverType, unknownType, type TypeMember, type TypeNode } from './type-node.js';
export { exampleValue, type ExampleOptions } from './example-value.js';
export {
  camelIdentifier,
  docComment,
  expression,
  inlineComment,
  isBindingIdentifier,
  isPropertyIdentifier,
  isTypeIdentifier,
  literalKey,
  pascalIdentifier,
  propertyAccess,
  propertyKey,
  RawCode,
  stringLiteral,
  valueLiteral,
} from './encode.js';

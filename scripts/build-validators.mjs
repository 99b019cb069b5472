#!/usr/bin/env node
// Part of `npm run build`: compiles the OpenAPI and x-gateway schemas to ajv standalone
// code next to dist/frontend/validators/precompiled.js, so the CLI does not compile them
// on every start. Uses the very functions the front end compiles with at run time.
import fs from 'node:fs';
import path from 'node:path';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compileOpenApiValidator, openApiValidatorName } from '../dist/frontend/validate-document.js';
import { compileXGatewayValidators, readXGatewaySchema, xGatewayValidatorName } from '../dist/frontend/x-gateway/validate-x-gateway.js';

const outDir = path.resolve(import.meta.dirname, '..', 'dist', 'frontend', 'validators');
const standalone = standaloneCode.default ?? standaloneCode;
const source = { code: { source: true } };

for (const version of ['3.0', '3.1']) {
  const { ajv, ids } = compileOpenApiValidator(version, source);
  write(openApiValidatorName(version), standalone(ajv, ids));
}
const schema = readXGatewaySchema();
const { ajv, ids } = compileXGatewayValidators(schema.text, source);
write(xGatewayValidatorName, `${standalone(ajv, ids)}\nexports.schemaHash = ${JSON.stringify(schema.hash)};\n`);

function write(name, code) {
  fs.writeFileSync(path.join(outDir, `${name}.cjs`), code);
}

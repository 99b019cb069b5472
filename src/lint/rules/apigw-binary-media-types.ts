import type { Origin } from '../../diagnostics/diagnostic.js';
import type { MediaTypeContent } from '../../ir/types.js';
import { binaryMediaTypeCovers, isBinaryMediaType } from '../../ir/apigateway-limits.js';
import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';

export const rule: LintRule = {
  id: 'apigw-binary-media-types',
  family: 'apigateway',
  summary: 'Binary bodies of a REST API are listed in `binaryMediaTypes`, and the list is neither `*/*` nor set on other kinds of API.',
  docs: {
    why: 'A REST API treats every body as UTF-8 text unless its media type is in `binaryMediaTypes`, so images, PDFs and archives arrive corrupted. Listing `*/*` turns every body binary, JSON included: Lambda functions then receive base64. HTTP and WebSocket APIs have no such list; there it is ignored.',
    bad: `openapi: 3.0.3
info: {title: Images, version: '1'}
paths:
  /images:
    post:
      operationId: uploadImage
      requestBody:
        content:
          image/png:
            schema: {type: string, format: binary}
      responses: {'201': {description: Stored.}}
`,
    good: `openapi: 3.0.3
info: {title: Images, version: '1'}
x-gateway:
  binaryMediaTypes: [image/png]
paths:
  /images:
    post:
      operationId: uploadImage
      requestBody:
        content:
          image/png:
            schema: {type: string, format: binary}
      responses: {'201': {description: Stored.}}
`,
  },
  check({ api, report }) {
    const listed = api.gateway.binaryMediaTypes;
    const listOrigin = below(api.gateway.origin, 'binaryMediaTypes');
    if (api.kind !== 'rest') {
      if (listed.length > 0) {
        report({
          message: `${api.kind === 'http' ? 'HTTP' : 'WebSocket'} APIs have no binaryMediaTypes (${api.kind === 'http' ? 'they base64-encode bodies that are not text by themselves' : 'binary frames are passed as they are'}), so this list is ignored; remove it.`,
          origin: keyOf(listOrigin),
        });
      }
      return;
    }
    listed.forEach((entry, index) => {
      if (entry === '*/*') {
        report({
          message: 'binaryMediaTypes: */* makes every body binary, JSON included: integrations receive base64 and mapping templates see encoded text. List the binary media types themselves (image/png, application/pdf, ...).',
          origin: below(listOrigin, index),
        });
      }
    });
    const reported = new Set<string>();
    const check = (content: MediaTypeContent, where: string): void => {
      if (!isBinary(content) || listed.some((entry) => binaryMediaTypeCovers(entry, content.mediaType))) return;
      const key = content.mediaType.toLowerCase();
      if (reported.has(key)) return;
      reported.add(key);
      const origin: Origin = keyOf(content.origin);
      report({
        message: `${where} is ${content.mediaType}, which API Gateway passes as UTF-8 text unless it is listed in x-gateway.binaryMediaTypes, corrupting the bytes; add "${content.mediaType}" to binaryMediaTypes.`,
        origin,
      });
    };
    for (const route of api.routes) {
      for (const content of route.requestBody?.content ?? []) check(content, `The request body of ${route.method} ${route.path}`);
      for (const response of route.responses) for (const content of response.content) check(content, `The ${response.status} response of ${route.method} ${route.path}`);
    }
  },
};

function isBinary(content: MediaTypeContent): boolean {
  if (content.mediaType.includes('*')) return false;
  if (isBinaryMediaType(content.mediaType)) return true;
  const schema = content.schema;
  return typeof schema === 'object' && (schema.format === 'binary' || (schema.contentMediaType !== undefined && schema.contentEncoding === undefined && isBinaryMediaType(schema.contentMediaType)));
}

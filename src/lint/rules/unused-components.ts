import type { Origin } from '../../diagnostics/diagnostic.js';
import type { Api, Example, MediaTypeContent } from '../../ir/types.js';
import { appendPointer, parsePointer } from '../../load/json-pointer.js';
import { refName } from '../../ir/schema.js';
import { below, keyOf } from '../origins.js';
import type { LintRule } from '../rule.js';
import type { SchemaSite } from '../schema-sites.js';
import type { SpecView } from '../spec-view.js';

const sections = ['schemas', 'parameters', 'responses', 'requestBodies', 'headers', 'examples', 'links', 'callbacks', 'pathItems'];

export const rule: LintRule = {
  id: 'unused-components',
  family: 'hygiene',
  summary: 'Every component is used: referenced through `$ref`, a discriminator mapping or (for security schemes) a security requirement.',
  docs: {
    why: 'Unused components are usually left over from a change or misspelt references; they still become SDK types and docs pages, and make readers wonder which of two similar definitions is live.',
    bad: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths: {}
components:
  schemas:
    OrderV1: {type: object}
`,
    good: `openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200':
          description: The orders.
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Order'}}
components:
  schemas:
    Order: {type: object}
`,
  },
  check({ api, spec, schemas, report }) {
    const file = spec.rootFile;
    const root = spec.root !== null && typeof spec.root === 'object' ? (spec.root as Record<string, unknown>) : {};
    const components = root['components'];
    if (components === null || typeof components !== 'object') return;
    const componentsOrigin = { file, pointer: '/components' };
    // First what the IR shows in use: it is cheap, and on most specs it accounts for every
    // component, so the spec's references need not be walked at all.
    const used = usedInIr(api, file, schemas());
    const candidates: [string, string][] = [];
    for (const section of sections) {
      const map = (components as Record<string, unknown>)[section];
      if (map === null || typeof map !== 'object') continue;
      for (const name of Object.keys(map)) if (!name.startsWith('x-') && !used.has(componentKey(section, name))) candidates.push([section, name]);
    }
    const referenced = candidates.length > 0 ? usedByReferences(spec, file) : undefined;
    for (const [section, name] of candidates) {
      if (referenced?.(section, name)) continue;
      report({ message: `The ${singular(section)} "${name}" is not used anywhere; reference it or remove it.`, origin: keyOf(below(componentsOrigin, section, name)) });
    }
    const usedSchemes = new Set<string>();
    for (const route of [...api.routes, ...api.messageRoutes]) for (const uses of route.security.requirements) for (const use of uses) usedSchemes.add(use.scheme);
    for (const scheme of api.securitySchemes) {
      if (usedSchemes.has(scheme.name)) continue;
      report({ message: `The security scheme "${scheme.name}" is not required by any operation; require it or remove it.`, origin: keyOf(below(componentsOrigin, 'securitySchemes', scheme.name)) });
    }
  },
};

function componentKey(section: string, name: string): string {
  return `${section}\u0000${name}`;
}

/** Components the IR reaches: schemas by \$ref and discriminator mapping, the rest by the origins of what was read through them. */
function usedInIr(api: Api, file: string, sites: readonly SchemaSite[]): Set<string> {
  const used = new Set<string>();
  for (const site of sites) {
    if (site.schema.$ref !== undefined) used.add(componentKey('schemas', refName(site.schema.$ref)));
    for (const target of Object.values(site.schema.discriminator?.mapping ?? {})) used.add(componentKey('schemas', refName(target)));
  }
  const mark = (origin: Origin): void => {
    if (origin.file !== file || !origin.pointer.startsWith('/components/')) return;
    const tokens = parsePointer(origin.pointer) ?? [];
    if (tokens.length >= 3) used.add(componentKey(tokens[1] as string, tokens[2] as string));
  };
  const markExamples = (examples: readonly Example[] | undefined): void => {
    for (const example of examples ?? []) mark(example.origin);
  };
  const markContent = (contents: readonly MediaTypeContent[]): void => {
    for (const content of contents) {
      markExamples(content.examples);
      for (const encoding of Object.values(content.encoding ?? {})) for (const header of encoding.headers ?? []) mark(header.origin);
    }
  };
  for (const route of api.routes) {
    mark(route.origin);
    for (const parameter of route.parameters) {
      mark(parameter.origin);
      markExamples(parameter.examples);
    }
    if (route.requestBody) {
      mark(route.requestBody.origin);
      markContent(route.requestBody.content);
    }
    for (const response of route.responses) {
      mark(response.origin);
      for (const header of response.headers) {
        mark(header.origin);
        markExamples(header.examples);
      }
      markContent(response.content);
    }
  }
  return used;
}

/** Whether a component is the target of some \$ref in the spec's text (links, callbacks and webhooks are not in the IR). */
function usedByReferences(spec: SpecView, file: string): (section: string, name: string) => boolean {
  const used = new Set<string>();
  /** How many references lead to each definition, and where each reference leads. */
  const referenceCount = new Map<string, number>();
  const leadsTo = new Map<string, string>();
  for (const reference of spec.references()) {
    if (!reference.target) continue;
    const target = `${reference.target.file}#${reference.target.pointer}`;
    referenceCount.set(target, (referenceCount.get(target) ?? 0) + 1);
    leadsTo.set(`${reference.origin.file}#${reference.origin.pointer}`, target);
    if (reference.target.file !== file) continue;
    const tokens = parsePointer(reference.target.pointer) ?? [];
    if (tokens[0] === 'components' && tokens.length >= 3) used.add(componentKey(tokens[1] as string, tokens[2] as string));
  }
  return (section, name) => {
    if (used.has(componentKey(section, name))) return true;
    // A component that only names a definition elsewhere is used when something else references that definition too.
    const target = leadsTo.get(`${file}#${appendPointer('/components', section, name, '$ref')}`);
    return target !== undefined && (referenceCount.get(target) ?? 0) > 1;
  };
}

function singular(section: string): string {
  return { schemas: 'schema', parameters: 'parameter', responses: 'response', requestBodies: 'request body', headers: 'header', examples: 'example', links: 'link', callbacks: 'callback', pathItems: 'path item' }[section] ?? section;
}

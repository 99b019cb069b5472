/**
 * The handlers back end: typed Lambda handlers. Every build rewrites what gatewright owns
 * (`gatewright/`: schema types, each handler's contract, validators, entry point and the
 * runtime glue); stubs (`handlers/`) and the project files are written once.
 */
import { diagnostic } from '../../diagnostics/codes.js';
import type { OutputFile } from '../../writer/file-set.js';
import { defineTarget } from '../target.js';
import { generatedHeader, renderContract } from './contract.js';
import { renderEntry } from './entry.js';
import { contractPath, entryPath, importSpecifier, schemasPath, sharedValidatorsPath, stubPath, validatorsPath } from './layout.js';
import { planHandlers, type HandlersPlan } from './plan.js';
import { projectFiles } from './project-files.js';
import { runtimeFiles } from './runtime-files.js';
import { renderStub } from './stub.js';
import { ValidatorCompiler } from './validators.js';

export const handlersTarget = defineTarget<HandlersPlan>({
  name: 'handlers',
  artifact: 'handlers',
  plan: (api, ctx) => planHandlers(api, (d) => ctx.report(d)),
  render: (plan, ctx) => {
    const declarations = plan.types.declarations();
    const validators = new ValidatorCompiler(plan.api.schemas, plan.handlers.map((h) => h.validators));
    // An API without schemas still gets a module (a file without exports is a script to isolatedModules).
    const files: OutputFile[] = [{ path: schemasPath, contents: `${generatedHeader}\n${declarations === '' ? 'export {};\n' : declarations}` }];
    for (const shared of validators.sharedModules()) files.push({ path: sharedValidatorsPath(shared.mode), contents: shared.source });
    const schemaOrigins = new Map(plan.api.schemas.map((s) => [s.name, s.origin]));
    for (const handler of plan.handlers) {
      const name = handler.handler.name;
      files.push({ path: contractPath(name), contents: renderContract(plan, handler) });
      files.push({ path: entryPath(name), contents: renderEntry(plan, handler) });
      if (handler.validators.wanted.length > 0) {
        const compiled = validators.compile(handler.validators, (mode) => importSpecifier(validatorsPath(name), sharedValidatorsPath(mode)));
        files.push({ path: validatorsPath(name), contents: compiled.source });
        for (const notice of compiled.unsupportedPatterns) {
          const origin = (notice.schemaName !== undefined ? schemaOrigins.get(notice.schemaName) : undefined) ?? handler.handler.origin;
          ctx.report(diagnostic('handler-pattern-unsupported', `The pattern ${JSON.stringify(notice.pattern)} is not a JavaScript regular expression (with the u flag), so the "${name}" handler does not check it; rewrite it in ECMAScript syntax.`, origin));
        }
      }
      files.push({ path: stubPath(name), contents: renderStub(plan, handler), once: true });
    }
    files.push(...runtimeFiles(), ...projectFiles(plan.api));
    return files;
  },
});

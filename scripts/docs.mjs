#!/usr/bin/env node
// Regenerates the docs that are derived from code.
import fs from 'node:fs';
import { changeKinds, codes, lintRules, presets } from '../dist/index.js';
import { renderDiagnosticsDoc } from './diagnostics-doc.mjs';
import { updateLintDoc } from './lint-doc.mjs';

fs.writeFileSync('docs/diagnostics.md', renderDiagnosticsDoc(codes));
console.log('docs/diagnostics.md');
fs.writeFileSync('docs/lint.md', updateLintDoc(fs.readFileSync('docs/lint.md', 'utf8'), { rules: lintRules, presets, changeKinds }));
console.log('docs/lint.md');

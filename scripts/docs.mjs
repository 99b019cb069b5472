#!/usr/bin/env node
// Regenerates the docs that are derived from code.
import fs from 'node:fs';
import { codes } from '../dist/index.js';
import { renderDiagnosticsDoc } from './diagnostics-doc.mjs';

fs.writeFileSync('docs/diagnostics.md', renderDiagnosticsDoc(codes));
console.log('docs/diagnostics.md');

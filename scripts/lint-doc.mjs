// Renders the generated parts of docs/lint.md from the rules, presets and change kinds.
// Each part sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.

const families = {
  spec: 'Spec',
  'x-gateway': 'x-gateway',
  apigateway: 'API Gateway compatibility',
  security: 'Security',
  hygiene: 'Hygiene',
};

function severity(presets, preset, id) {
  return presets[preset][id] ?? 'off';
}

export function renderRuleTable(rules, presets) {
  const lines = ['| rule | family | recommended | strict | asks for |', '| --- | --- | --- | --- | --- |'];
  for (const rule of rules) {
    lines.push(
      `| [\`${rule.id}\`](#${rule.id}) | ${rule.family} | ${severity(presets, 'recommended', rule.id)} | ${severity(presets, 'strict', rule.id)} | ${rule.summary.replace(/\|/g, '\\|')} |`,
    );
  }
  return lines.join('\n');
}

export function renderRuleSections(rules, presets) {
  const out = [];
  for (const [family, title] of Object.entries(families)) {
    const members = rules.filter((rule) => rule.family === family);
    if (members.length === 0) continue;
    out.push(`### ${title}`, '');
    for (const rule of members) {
      out.push(
        `#### <a id="${rule.id}"></a>\`${rule.id}\``,
        '',
        `${rule.summary} *recommended: ${severity(presets, 'recommended', rule.id)}, strict: ${severity(presets, 'strict', rule.id)}.*`,
        '',
        rule.docs.why,
        '',
        'Bad:',
        '',
        '```yaml',
        rule.docs.bad.trimEnd(),
        '```',
        '',
        'Good:',
        '',
        '```yaml',
        rule.docs.good.trimEnd(),
        '```',
        '',
      );
    }
  }
  return out.join('\n').trimEnd();
}

export function renderChangeTable(changeKinds) {
  const lines = ['| change | breaks | meaning |', '| --- | --- | --- |'];
  for (const [kind, { breaks, opens, summary }] of Object.entries(changeKinds)) {
    const whom = breaks === false ? (opens ? 'nothing (a warning: it opens the API)' : 'nothing') : breaks === 'clients' ? 'clients' : 'the gateway';
    lines.push(`| <a id="diff-${kind}"></a>\`${kind}\` | ${whom} | ${summary.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}

/** Rewrites the generated parts of docs/lint.md; everything else is kept as written. */
export function updateLintDoc(text, { rules, presets, changeKinds }) {
  const parts = {
    'rule-table': renderRuleTable(rules, presets),
    rules: renderRuleSections(rules, presets),
    'change-table': renderChangeTable(changeKinds),
  };
  let out = text;
  for (const [name, content] of Object.entries(parts)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from === -1 || to === -1 || to < from) throw new Error(`docs/lint.md has no ${start} ... ${end} region`);
    out = out.slice(0, from + start.length) + '\n' + content + '\n' + out.slice(to);
  }
  return out;
}

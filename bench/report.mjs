// Turns bench results into the printed tables and docs/performance.md.

const seconds = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (kb) => (kb === undefined ? '-' : `${Math.round(kb / 1024)} MB`);
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
const times = (r) => (r === undefined ? '-' : `${r.toFixed(2)}×`);

/** Exit codes that mean the command did its work: linters exit 1 when they find problems. */
function succeeded(command, row) {
  if (row.status !== 'ok') return false;
  const fine = command.groups.includes('lint') ? [0, 1] : [0];
  return row.exitCodes.every((c) => fine.includes(c));
}

/** For each of our rows: the row it is compared with (fastest peer of its group, or the floor). */
export function comparisons(spec, commands) {
  const byId = new Map(spec.rows.map((r) => [r.id, r]));
  const commandById = new Map(commands.map((c) => [c.id, c]));
  const usable = (c) => {
    const row = byId.get(c.id);
    return row && succeeded(c, row) && row.wallMs !== undefined ? row : undefined;
  };
  const peers = commands.filter((c) => c.role === 'peer').flatMap((c) => (usable(c) ? [{ command: c, row: usable(c) }] : []));
  const lowestPeerMemory = Math.min(...peers.map((p) => p.row.peakKb ?? Infinity));
  const out = new Map();
  for (const command of commands.filter((c) => c.role === 'ours')) {
    const row = byId.get(command.id);
    if (!row || row.status !== 'ok') continue;
    const group = command.groups[0];
    const candidates =
      group === 'load'
        ? commands.filter((c) => c.role === 'floor').flatMap((c) => (usable(c) ? [{ command: c, row: usable(c) }] : []))
        : peers.filter((p) => p.command.groups.includes(group));
    const fastest = candidates.sort((a, b) => a.row.wallMs - b.row.wallMs)[0];
    // When every peer of the group ran out of time, the ratio is at most ours / the timeout.
    const peersOfGroup = commands.filter((c) => c.role === 'peer' && c.groups.includes(group));
    const allTimedOut = group !== 'load' && !fastest && peersOfGroup.length > 0 && peersOfGroup.every((c) => byId.get(c.id)?.status === 'timeout');
    out.set(command.id, {
      ...(allTimedOut ? { atMost: true } : {}),
      against: fastest?.command,
      time: ratio(row.wallMs, fastest?.row.wallMs),
      memory: Number.isFinite(lowestPeerMemory) ? ratio(row.peakKb, lowestPeerMemory) : undefined,
      succeeded: succeeded(commandById.get(command.id), row),
    });
  }
  return out;
}

export function renderTables(results, commands) {
  const lines = [];
  for (const spec of results.specs) {
    lines.push('', `### ${spec.name}`, '');
    if (spec.from) lines.push(`Measured in a separate run: ${spec.from}.`, '');
    lines.push(`${spec.file}: ${(spec.bytes / 1e6).toFixed(1)} MB, ${spec.operations.toLocaleString('en-US')} operations, ${spec.schemas.toLocaleString('en-US')} component schemas${spec.adapted ? ' (security schemes given a Lambda authorizer)' : ''}`, '');
    lines.push('| command | runs | time (median) | CPU time | peak memory | exit | time ratio | memory ratio to the leanest peer |');
    lines.push('| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |');
    const compared = comparisons(spec, commands);
    for (const command of commands) {
      const row = spec.rows.find((r) => r.id === command.id);
      if (!row) continue;
      if (row.status === 'n/a' || row.status === 'skipped') {
        lines.push(`| ${command.label} | - | ${row.status} | - | - | - | ${row.note} | - |`);
        continue;
      }
      const c = compared.get(command.id);
      const exit = row.status === 'timeout' ? 'timeout' : row.exitCodes.join('/');
      const timeCell = c
        ? c.against
          ? `${times(c.time)} ${c.against.id}`
          : c.atMost
            ? `< ${times(row.wallMs / (results.options.timeoutS * 1000))} (every peer > ${results.options.timeoutS} s)`
            : 'no peer finished'
        : '';
      lines.push(`| ${command.label} | ${row.runs} | ${row.status === 'timeout' ? `> ${seconds(results.options.timeoutS * 1000)}` : seconds(row.wallMs)} | ${seconds(row.cpuMs)} | ${megabytes(row.peakKb)} | ${exit} | ${timeCell} | ${c ? times(c.memory) : ''} |`);
    }
  }
  lines.push('', '### Goals', '');
  for (const goal of goals(results, commands)) lines.push(`- ${goal.verdict}: ${goal.text}`);
  return lines.join('\n') + '\n';
}

/** The issue's goals, each judged from the measurements. */
export function goals(results, commands) {
  const out = [];
  const row = (spec, id) => spec.rows.find((r) => r.id === id && r.status === 'ok' && r.wallMs !== undefined);
  const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met');
  const github = results.specs.find((s) => s.id === 'github');
  if (github) {
    const all = row(github, 'gatewright-compile');
    const types = row(github, 'openapi-typescript');
    out.push({
      verdict: verdict(all && types ? all.wallMs < types.wallMs : undefined),
      text: `GitHub, all targets (${all ? seconds(all.wallMs) : 'not measured: only the IR back end exists'}) in less time than openapi-typescript's types (${types ? seconds(types.wallMs) : '-'})`,
    });
  }
  for (const spec of results.specs.filter((s) => s.series === 'real')) {
    const ours = row(spec, 'gatewright-lint');
    const redocly = row(spec, 'redocly-lint');
    out.push({ verdict: verdict(ours && redocly ? ours.wallMs <= redocly.wallMs / 2 : undefined), text: `${spec.name}, lint in at most half of Redocly's time (${ours ? seconds(ours.wallMs) : '-'} vs ${redocly ? seconds(redocly.wallMs) : '-'})` });
    const floor = row(spec, 'floor');
    const ir = row(spec, 'gatewright-ir');
    out.push({ verdict: verdict(floor && ir ? ir.wallMs <= 3 * floor.wallMs : undefined), text: `${spec.name}, load + IR within 3× of the floor (${ir ? seconds(ir.wallMs) : '-'} vs ${floor ? seconds(floor.wallMs) : '-'}, ${times(ratio(ir?.wallMs, floor?.wallMs))})` });
    const peers = commands.filter((c) => c.role === 'peer').map((c) => row(spec, c.id)).filter((r) => r?.peakKb !== undefined);
    const ourPeak = Math.max(...commands.filter((c) => c.role === 'ours').map((c) => row(spec, c.id)?.peakKb ?? 0));
    const leanest = Math.min(...peers.map((r) => r.peakKb));
    out.push({ verdict: verdict(peers.length > 0 && ourPeak > 0 ? ourPeak < leanest : undefined), text: `${spec.name}, peak memory of every gatewright command (at most ${megabytes(ourPeak)}) below every peer's (the leanest: ${megabytes(Number.isFinite(leanest) ? leanest : undefined)})` });
  }
  return out;
}

export function renderPerformanceDoc(results, tables) {
  const m = results.machine;
  const scaling = results.specs.filter((s) => s.series === 'scaling');
  const lines = [
    '# Performance',
    '',
    'The last results of `npm run bench` (written by it; do not edit by hand). Each command runs as a whole',
    'process; the time is the median wall time of its runs, the memory the highest peak resident set size.',
    'Ratios compare each gatewright command with the fastest peer doing comparable work (the load + IR row',
    'with the floor: read + `JSON.parse` + write of the same file); memory ratios with the leanest peer.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node.js ${m.node}; load average ${m.loadAverageAtStart?.join(' / ')} at the start`,
    `and ${m.loadAverageAtEnd?.join(' / ')} at the end (1 / 5 / 15 minutes; above ${m.cores} the machine was shared with other work, which`,
    `slows every row, so compare ratios rather than seconds). Run started ${results.started}, took ${results.totalSeconds} s`,
    `(${results.options.runs} runs at most per cell, fewer once a cell has taken ${results.options.budgetS} s; ${results.options.timeoutS} s timeout per process).`,
    `gatewright commands found: ${results.probe.commands.join(', ')}; compile artifacts: ${results.probe.artifacts.join(', ')}.`,
  ];
  if (scaling.length > 1) {
    const ids = ['floor', 'gatewright-ir', 'gatewright-compile', 'gatewright-sdk', 'gatewright-lint'];
    lines.push('', '## Scaling', '', 'Wall time, peak memory and CPU time per operation as the synthetic spec grows (growth linear in operations keeps the last flat once startup is paid):', '');
    lines.push('| operations | ' + ids.join(' | ') + ' |');
    lines.push('| ---: |' + ids.map(() => ' --- |').join(''));
    for (const spec of scaling) {
      const cell = (id) => {
        const r = spec.rows.find((x) => x.id === id);
        if (!r || r.status !== 'ok') return r?.status ?? '-';
        return `${seconds(r.wallMs)}, ${megabytes(r.peakKb)}${r.cpuMs === undefined ? '' : `, ${((r.cpuMs * 1000) / spec.operations).toFixed(0)} µs CPU/op`}`;
      };
      lines.push(`| ${spec.operations.toLocaleString('en-US')}${spec.from ? ' †' : ''} | ${ids.map(cell).join(' | ')} |`);
    }
    const separate = scaling.find((spec) => spec.from);
    if (separate) lines.push('', `† Measured in a separate run, of an earlier build (before the handlers and openapi back ends joined compile): ${separate.from}.`);
  }
  lines.push('', '## All measurements', tables);
  return lines.join('\n');
}

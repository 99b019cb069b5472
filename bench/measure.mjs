// Runs one command as a whole process and measures its wall time and peak memory.
// Peak memory is the maximum resident set size that the kernel reports for the process
// (and the children it waited for), read through GNU time: Node cannot see a child's rusage.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const gnuTime = '/usr/bin/time';

export function canMeasureMemory() {
  return fs.existsSync(gnuTime);
}

/**
 * @returns {Promise<{ wallMs: number, cpuMs: number | undefined, peakKb: number | undefined, exitCode: number | null, timedOut: boolean, stderrTail: string }>}
 */
export function measureOnce({ command, args, cwd, env, timeoutMs }) {
  const statsFile = path.join(os.tmpdir(), `gatewright-bench-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const withMemory = canMeasureMemory();
  const [file, argv] = withMemory ? [gnuTime, ['-f', '%M %U %S', '-o', statsFile, command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    // detached: the command gets its own process group, so a timeout ends all of it.
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let peakKb;
      let cpuMs;
      let exitCode = code;
      if (withMemory) {
        try {
          const text = fs.readFileSync(statsFile, 'utf8');
          // GNU time writes "Command exited with non-zero status N" before the format.
          const status = /non-zero status (\d+)/.exec(text);
          if (status) exitCode = Number(status[1]);
          const [peak, user, system] = (text.trim().split('\n').pop() ?? '').split(' ').map(Number);
          peakKb = Number.isFinite(peak) ? peak : undefined;
          cpuMs = Number.isFinite(user) && Number.isFinite(system) ? (user + system) * 1000 : undefined;
        } catch {
          peakKb = undefined;
        }
        fs.rmSync(statsFile, { force: true });
      }
      resolve({ wallMs, cpuMs, peakKb, exitCode, timedOut, stderrTail: stderr.slice(-600) });
    });
  });
}

/**
 * Runs a command up to `runs` times, stopping early once the runs so far took longer than
 * `budgetMs` (a slow peer is then measured fewer times rather than stretching the bench).
 */
export async function measure(spec, { runs, budgetMs, prepare }) {
  const samples = [];
  let spent = 0;
  for (let i = 0; i < runs; i++) {
    prepare?.();
    const sample = await measureOnce(spec);
    samples.push(sample);
    spent += sample.wallMs;
    if (sample.timedOut || spent > budgetMs) break;
  }
  const completed = samples.filter((s) => !s.timedOut);
  return {
    runs: samples.length,
    timedOut: samples.some((s) => s.timedOut),
    wallMs: median(completed.map((s) => s.wallMs)),
    // User + system CPU time: steadier than wall time on a shared machine.
    cpuMs: median(completed.map((s) => s.cpuMs).filter((ms) => ms !== undefined)),
    peakKb: max(completed.map((s) => s.peakKb).filter((k) => k !== undefined)),
    exitCodes: [...new Set(samples.map((s) => s.exitCode))],
    stderrTail: samples.at(-1)?.stderrTail ?? '',
  };
}

function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function max(values) {
  return values.length === 0 ? undefined : Math.max(...values);
}

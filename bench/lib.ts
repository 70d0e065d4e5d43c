/** Helpers for the benchmark: machine facts, subprocesses with peak RSS, percentiles, CPU profiles. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'talent.js');

export const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');

export function machine() {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  const mem = sh('free', ['-h']).split('\n').find((l) => l.startsWith('Mem:'))?.split(/\s+/)[1] ?? '?';
  return {
    cores: sh('nproc', []),
    cpu: cpus()[0]?.model ?? '?',
    memory: mem,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    kernel: sh('uname', ['-sr']),
  };
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface RunStats {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set size of the process (all threads), in MiB. */
  peakRssMiB: number;
  /** [seconds since start, RSS MiB] every `sampleMs`. */
  rssTimeline: Array<[number, number]>;
  cpuSeconds?: number;
}

/**
 * Runs the CLI in a subprocess. Peak RSS comes from GNU time when present
 * (exact), else from polling VmHWM in /proc; RSS is sampled for the timeline.
 */
export function runTalent(args: string[], env: NodeJS.ProcessEnv, options: { sampleMs?: number; nodeArgs?: string[] } = {}): Promise<RunStats> {
  const gnuTime = existsSync('/usr/bin/time');
  const nodeCmd = [...(options.nodeArgs ?? []), BIN, ...args];
  const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', '\n__TIME__ %M %U %S', process.execPath, ...nodeCmd]] : [process.execPath, nodeCmd];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv as string[], { env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timeline: Array<[number, number]> = [];
    let hwm = 0;
    const poll = setInterval(() => {
      const pid = gnuTime ? childPid(child.pid) : child.pid;
      if (!pid) return;
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
        hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
        timeline.push([Math.round((performance.now() - started) / 100) / 10, Math.round(rss)]);
      } catch {
        /* the process is gone */
      }
    }, options.sampleMs ?? 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const m = /\n__TIME__ (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      if (m) stderr = stderr.slice(0, m.index);
      resolve({
        code,
        stdout,
        stderr,
        wallMs: performance.now() - started,
        peakRssMiB: m ? Math.round(Number(m[1]) / 1024) : Math.round(hwm),
        rssTimeline: timeline,
        ...(m ? { cpuSeconds: Number(m[2]) + Number(m[3]) } : {}),
      });
    });
  });
}

/** The node process GNU time started (its only child). */
function childPid(timePid: number | undefined): number | undefined {
  if (!timePid) return undefined;
  try {
    const kids = readFileSync(`/proc/${timePid}/task/${timePid}/children`, 'utf8').trim().split(/\s+/);
    return kids[0] ? Number(kids[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** Profiles `fn` in this process and returns the functions with the most self time. */
export async function profile(fn: () => Promise<void>, top = 12): Promise<Array<{ fn: string; ms: number; pct: number }>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let p: CpuProfile | undefined;
  try {
    await fn();
  } finally {
    p = (await session.post('Profiler.stop')).profile as unknown as CpuProfile;
    session.disconnect();
  }
  return summariseProfile(p, top);
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name and file), largest first. */
export function summariseProfile(p: CpuProfile, top = 12): Array<{ fn: string; ms: number; pct: number }> {
  const byNode = new Map<number, number>();
  p.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const t = byNode.get(n.id) ?? 0;
    total += t;
    const file = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(dist|src)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file ? `(${file.split('/').slice(-3).join('/')})` : ''}`.trim();
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  return [...byFn]
    .filter(([k]) => k !== '(idle)' && k !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, t]) => ({ fn, ms: Math.round(t / 1000), pct: Math.round((1000 * t) / Math.max(1, total)) / 10 }));
}

export function summariseProfileFile(file: string, top = 12) {
  return summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top);
}

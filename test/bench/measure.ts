/**
 * Timing child processes and in-process work: wall time, peak RSS, medians.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One finished child process. */
export interface ChildRun {
  ms: number;
  /** Peak resident set size in bytes (null when it could not be measured). */
  rss: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How peak memory of a child is measured: GNU time when installed, else a Node hook. */
export const RSS_METHOD: 'gnu-time' | 'node-hook' = existsSync('/usr/bin/time') ? 'gnu-time' : 'node-hook';

const RSS_HOOK = fileURLToPath(new URL('./rss-hook.js', import.meta.url));

/**
 * Runs `node <args>` as a child, like CI would, and measures wall time and peak RSS. Standard output
 * goes to a temporary file (large JSON outputs never sit in a pipe).
 */
export async function runNode(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; keepStdout?: boolean } = {}): Promise<ChildRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'mtr-bench-run-'));
  const outFile = join(tmp, 'stdout');
  const rssFile = join(tmp, 'rss');
  const out = openSync(outFile, 'w');
  let command: string;
  let argv: string[];
  const env = { ...process.env, ...options.env };
  if (RSS_METHOD === 'gnu-time') {
    command = '/usr/bin/time';
    argv = ['-f', '%M', '-o', rssFile, process.execPath, ...args];
  } else {
    command = process.execPath;
    argv = ['--import', RSS_HOOK, ...args];
    env.MTR_BENCH_RSS_FILE = rssFile;
  }
  const start = process.hrtime.bigint();
  const child = spawn(command, argv, { cwd: options.cwd, env, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => { if (stderr.length < 20000) stderr += d; });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  let rss: number | null = null;
  try {
    const raw = readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '';
    const n = Number(raw);
    if (Number.isFinite(n) && n > 0) rss = RSS_METHOD === 'gnu-time' ? n * 1024 : n;
  } catch { /* no RSS recorded */ }
  const stdout = readFileSync(outFile, 'utf8');
  rmSync(tmp, { recursive: true, force: true });
  return { ms, rss, code, stdout, stderr };
}

/** The median of a non-empty list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The largest non-null value, or null. */
export function maxOrNull(xs: Array<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.max(...v) : null;
}

/** Runs an in-process function `runs` times and returns each run's milliseconds. */
export function timeSync(runs: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

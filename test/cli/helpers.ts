/**
 * Running the CLI in tests: in-process through `main()` with captured streams, or as a real
 * process through the built `dist/src/cli/main.js`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The repository root (this file runs from `dist/test/cli/`). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `test/fixtures/` of the repository. */
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The small YAML glossary the CLI tests use (one entry per severity). */
export const GLOSSARY = path.join(FIXTURES, 'cli', 'glossary.yaml');

/** The seed article. */
export const SEED = path.join(ROOT, 'corpus', '2020-09-14-putin-lukashenko-sochi-loan.txt');

/** What one CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options for a CLI run. */
export interface RunOptions {
  cwd?: string;
  stdin?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  isTTY?: boolean;
}

/** Runs `mt-review <args>` in-process and captures its output. */
export async function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const input = options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin, 'utf8') : options.stdin];
  const code = await main(args, {
    stdout: { write: (c: string) => (stdout += c), isTTY: options.isTTY ?? false },
    stderr: { write: (c: string) => (stderr += c), isTTY: false },
    stdin: Readable.from(input),
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

/** Runs the built CLI as a child process. */
export function spawnCli(args: string[], options: RunOptions = {}): CliRun {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...options.env };
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.stdin ?? '',
    env,
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mt-review-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

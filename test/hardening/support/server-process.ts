/**
 * The real `mt-review serve` as a child process, for tests that kill it or watch it fail to start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The compiled CLI entry point. */
export const CLI = fileURLToPath(new URL('../../../src/cli/main.js', import.meta.url));

/** The test process's environment without the variables `serve` reads as defaults, plus `extra`. */
function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['MT_REVIEW_DB', 'MT_REVIEW_CORPUS', 'HOST', 'PORT', 'MT_REVIEW_TRUST_PROXY', 'MT_REVIEW_SECURE_COOKIES']) delete env[name];
  return { ...env, ...extra };
}

/** A running server child. */
export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT/` as the server printed it. */
  url: string;
  /** Everything the server wrote to stdout so far. */
  stdout(): string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Spawns `mt-review serve --port 0 …args` in `cwd` and resolves once it prints the URL it serves;
 * rejects with its output when it exits first.
 */
export function startServe(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => { err += chunk; });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null): void => reject(new Error(`serve exited (${code ?? signal}) before listening:\n${out}${err}`));
    child.once('exit', onExit);
    let resolved = false;
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const m = resolved ? null : /serving (http:\/\/\S+\/)/.exec(out);
      if (m) {
        resolved = true;
        child.off('exit', onExit);
        resolve({
          child,
          url: m[1]!,
          stdout: () => out,
          stderr: () => err,
          kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
  });
}

/** Runs `mt-review serve …args` expecting it to fail; resolves with its exit code and output. */
export function serveFailure(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
    // A server that starts when it should have refused: stop it so the test fails, not hangs.
    if (stdout.includes('serving http')) child.kill('SIGTERM');
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * The CLI's window on the world, passed to every command so tests can run commands in-process.
 */

/** Streams, environment and working directory a command may use. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A command: parses its own arguments and resolves to the process exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** The real process's IO. */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

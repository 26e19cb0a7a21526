#!/usr/bin/env node
/**
 * The `mt-review` command: dispatches to one module per subcommand and turns errors into one line.
 */
import { MtReviewError } from '../core/types.js';
import { processIO, type CliIO, type Command } from './io.js';

/** Subcommands, loaded on demand so `check` never pays for the web app's imports. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  check: { summary: 'check articles against the glossary (CI)', load: () => import('./commands/check.js') },
  export: { summary: 'export a reviewed article (txt, md, json, patch)', load: () => import('./commands/export.js') },
  serve: { summary: 'serve the review web app', load: () => import('./commands/serve.js') },
  user: { summary: 'manage reviewer accounts', load: () => import('./commands/user.js') },
};

/** Usage text for `mt-review --help`. */
export function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return [
    'Usage: mt-review <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `mt-review <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${await version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`mt-review: unknown command "${name}"; try \`mt-review --help\`\n`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (err) {
    io.stderr.write(`${describeError(err, io.env)}\n`);
    return 2;
  }
}

/** One line for a user; the stack only when MT_REVIEW_DEBUG is set. */
export function describeError(err: unknown, env: NodeJS.ProcessEnv): string {
  if (env.MT_REVIEW_DEBUG && err instanceof Error && err.stack) return err.stack;
  if (err instanceof MtReviewError) return `mt-review: ${err.toString()}`;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const path = (err as NodeJS.ErrnoException | undefined)?.path;
  if (code && path) return `mt-review: ${path}: ${ioMessage(code)}`;
  return `mt-review: ${err instanceof Error ? err.message : String(err)}`;
}

/** Plain words for the file-system errors users meet. */
function ioMessage(code: string): string {
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    case 'ENOSPC': return 'no space left on device';
    default: return code;
  }
}

/** The package version, read from package.json next to the build. */
async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const isMain = process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL((await import('node:fs')).realpathSync(process.argv[1])).href;
if (isMain) {
  const io = processIO();
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => { io.stderr.write(`${describeError(err, io.env)}\n`); process.exitCode = 2; },
  );
}

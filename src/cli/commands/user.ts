/**
 * `mt-review user add|passwd|remove|list`: manage reviewer accounts in the review database.
 *
 * Passwords never appear on the command line (they would land in shell history and `ps`): they are
 * read from standard input when it is not a terminal (`printf 'secret\n' | mt-review user add alice`),
 * or prompted for twice without echo on a terminal.
 */
import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import { addUser, changePassword, listUsers, removeUser } from '../../auth/users.js';
import { isRole, type Role } from '../../auth/users.js';
import { passwordProblem } from '../../auth/passwords.js';
import { MtReviewError } from '../../core/types.js';
import { openDatabase, resolveDbPath } from '../../store/connection.js';
import type { CliIO } from '../io.js';

/** `mt-review user --help`. */
export const USAGE = `Usage: mt-review user <action> [name] [options]

Actions:
  add <name>     create an account (or re-enable a removed one)
  passwd <name>  set a new password (and, with --role, a new role); ends the user's sessions
  remove <name>  disable an account: it can no longer sign in; nothing it wrote is deleted
  list           list accounts with role, creation date and status

Options:
  --role reviewer|admin  role for add (default reviewer) or passwd (default: unchanged)
                         reviewer: reviews and exports; admin: also imports and removes
                         articles, edits the glossary and manages users
  --db PATH              review database (default: $MT_REVIEW_DB, else data/mt-review.db)
  --json                 list: print JSON instead of a table
  -h, --help             show this help

The password is read from standard input when it is not a terminal (first line), or prompted
for without echo. It is never accepted as an argument.
Exit codes: 0 done, 2 bad usage or the change failed (one line on stderr).
`;

interface Parsed {
  action: string;
  name?: string;
  role?: Role;
  db?: string;
  json: boolean;
  help: boolean;
}

/** Parses the arguments of `mt-review user`; throws a usage error for anything unknown. */
export function parseUserArgs(args: string[]): Parsed {
  const out: Parsed = { action: '', json: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new MtReviewError('usage', `user: ${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') out.help = true;
    else if (flag === '--json') out.json = true;
    else if (flag === '--db') out.db = value();
    else if (flag === '--role') {
      const role = value();
      if (!isRole(role)) throw new MtReviewError('usage', `user: unknown role "${role}"; use reviewer or admin`);
      out.role = role;
    } else if (flag === '--password' || flag === '-p') {
      throw new MtReviewError('usage', 'user: passwords are never taken as arguments; pipe one on standard input or type it at the prompt');
    } else if (flag.startsWith('-') && flag !== '-') throw new MtReviewError('usage', `user: unknown option ${flag}; try \`mt-review user --help\``);
    else positional.push(arg);
  }
  out.action = positional[0] ?? '';
  if (positional[1] !== undefined) out.name = positional[1];
  if (positional.length > 2) throw new MtReviewError('usage', `user: unexpected argument "${positional[2]}"`);
  return out;
}

/** Runs `mt-review user`. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseUserArgs(args);
  if (opts.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const actions = ['add', 'passwd', 'remove', 'list'];
  if (!actions.includes(opts.action)) {
    io.stderr.write(opts.action ? `mt-review: user: unknown action "${opts.action}"; use add, passwd, remove or list\n` : USAGE);
    return 2;
  }
  if (opts.action !== 'list' && !opts.name) throw new MtReviewError('usage', `user ${opts.action}: which user? e.g. mt-review user ${opts.action} alice`);
  if (opts.action === 'remove' && opts.role) throw new MtReviewError('usage', 'user remove: --role does not apply');

  // Read the password before opening the database, so a bad password changes nothing.
  let password: string | undefined;
  if (opts.action === 'add' || opts.action === 'passwd') {
    password = await readPassword(io);
    const problem = passwordProblem(password);
    if (problem) throw new MtReviewError('usage', `user ${opts.action}: ${problem}`);
  }

  const db = openDatabase(resolveDbPath(opts.db, io.env, io.cwd));
  try {
    const actor = cliActor();
    switch (opts.action) {
      case 'add': {
        const u = await addUser(db, { username: opts.name!, password: password!, role: opts.role ?? 'reviewer' }, actor);
        io.stdout.write(`added ${u.username} (${u.role})\n`);
        break;
      }
      case 'passwd': {
        const u = await changePassword(db, opts.name!, password!, actor, opts.role ? { role: opts.role } : {});
        io.stdout.write(`changed the password of ${u.username} (${u.role})\n`);
        break;
      }
      case 'remove': {
        const u = removeUser(db, opts.name!, actor);
        io.stdout.write(`removed ${u.username}: it can no longer sign in; its work is kept\n`);
        break;
      }
      default:
        printList(db, opts.json, io);
    }
  } finally {
    db.close();
  }
  return 0;
}

function printList(db: Database.Database, json: boolean, io: CliIO): void {
  const users = listUsers(db);
  if (json) {
    io.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
    return;
  }
  if (users.length === 0) {
    io.stdout.write('no accounts (add one with: mt-review user add <name> --role admin)\n');
    return;
  }
  const width = Math.max(8, ...users.map((u) => u.username.length));
  io.stdout.write(`${'USERNAME'.padEnd(width)}  ROLE      CREATED     STATUS\n`);
  for (const u of users) {
    const status = u.disabledAt ? `removed ${u.disabledAt.slice(0, 10)}` : 'active';
    io.stdout.write(`${u.username.padEnd(width)}  ${u.role.padEnd(8)}  ${u.createdAt.slice(0, 10)}  ${status}\n`);
  }
}

/** Who ran the command, for the audit trail. */
function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** Reads the password: the first line of a piped stdin, or two silent prompts on a terminal. */
async function readPassword(io: CliIO): Promise<string> {
  const stdin = io.stdin as NodeJS.ReadStream;
  if (!stdin.isTTY) {
    let data = '';
    for await (const chunk of stdin) {
      data += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
      if (data.includes('\n') || data.length > 4096) break;
    }
    const line = data.split(/\r?\n/, 1)[0] ?? '';
    if (line === '') throw new MtReviewError('usage', 'user: no password on standard input (expected one line)');
    return line;
  }
  const [first, second] = await promptHidden(stdin, io.stderr, ['Password: ', 'Repeat password: ']);
  if (first !== second) throw new MtReviewError('usage', 'user: the passwords do not match');
  return first!;
}

/**
 * Prompts on stderr and reads one line per prompt from a terminal in raw mode, so nothing is
 * echoed. Keystrokes typed (or pasted) ahead are kept for the next prompt. Ctrl+C cancels.
 */
export function promptHidden(stdin: NodeJS.ReadStream, out: CliIO['stderr'], prompts: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const answers: string[] = [];
    let value = '';
    out.write(prompts[0]!);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const finish = (err?: Error): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      if (err) reject(err);
      else resolve(answers);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\u0003') {
          out.write('\n');
          return finish(new MtReviewError('usage', 'user: cancelled'));
        }
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          out.write('\n');
          answers.push(value);
          value = '';
          if (answers.length === prompts.length) return finish();
          out.write(prompts[answers.length]!);
        } else if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

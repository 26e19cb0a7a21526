import type { Database } from 'better-sqlite3';
import { MtReviewError } from '../core/types.js';
import { countActiveUsers } from './users.js';

/**
 * The start-up policy: whether the server runs as a single local user, requires logins, or must
 * refuse to start. Pure: takes the bind address and the number of active accounts.
 */

/** What the server does about identity; a refusal's message is printed as `mt-review: <message>`. */
export type AccessMode =
  | { mode: 'local' }
  | { mode: 'accounts' }
  | { mode: 'refuse'; message: string };

/** True when `host` names the loopback interface only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v4);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Loopback with no accounts: one local user, no login. Any other address with no accounts:
 * refuse, with the one-line message `serve` prints. With accounts: login required everywhere.
 */
export function decideAccessMode(input: { host: string; userCount: number }): AccessMode {
  if (input.userCount > 0) return { mode: 'accounts' };
  if (isLoopbackHost(input.host)) return { mode: 'local' };
  return {
    mode: 'refuse',
    message: `refusing to listen on ${input.host || '(all addresses)'} without accounts; add one with: mt-review user add <name> --role admin`,
  };
}

/**
 * The start-up check `mt-review serve` makes before listening: counts the active accounts in
 * `db` and returns whether to run in local mode, or throws the one-line refusal (exit code 2).
 */
export function enforceAccessMode(db: Database, host: string): { localMode: boolean } {
  const decision = decideAccessMode({ host, userCount: countActiveUsers(db) });
  if (decision.mode === 'refuse') throw new MtReviewError('serve', decision.message);
  return { localMode: decision.mode === 'local' };
}

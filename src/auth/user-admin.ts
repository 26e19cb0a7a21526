/**
 * Changing an account's role from the web app, on top of `users.ts` (which refuses, here as for
 * `mt-review user`, to leave no active admin): one transaction with its `user-role` audit row.
 * Disabling is `removeUser`.
 */
import type { Database } from 'better-sqlite3';
import { MtReviewError } from '../core/types.js';
import { recordAuthEvent } from './audit.js';
import { getUser, isRole, keepOneAdmin, type Actor, type Role, type UserInfo } from './users.js';

/** Changes an active account's role (recorded as `user-role`); refuses to demote the last active admin. */
export function setUserRole(db: Database, username: string, role: Role, by: Actor = null): UserInfo {
  if (!isRole(role)) throw new MtReviewError('usage', `unknown role "${String(role)}": use reviewer or admin`);
  return db.transaction(() => {
    const user = getUser(db, username);
    if (user.disabledAt !== null) throw new MtReviewError('usage', `user "${username}" is disabled; enable it first`);
    if (user.role === role) return user;
    if (role !== 'admin') keepOneAdmin(db, { username, role: user.role, disabled_at: user.disabledAt }, 'demote');
    db.prepare('UPDATE users SET role = ? WHERE username = ?').run(role, username);
    recordAuthEvent(db, { action: 'user-role', actor: by, subject: username, detail: { from: user.role, role } });
    return getUser(db, username);
  }).immediate();
}

/**
 * Account changes an admin makes in the web app, on top of `users.ts`: changing a role, and
 * disabling an account, both refused when they would leave no active admin (nobody could manage
 * accounts or the glossary in the app any more). Each change is one transaction with its audit row.
 */
import type { Database } from 'better-sqlite3';
import { MtReviewError } from '../core/types.js';
import { recordAuthEvent } from './audit.js';
import { isRole, listUsers, removeUser, type Actor, type Role, type UserInfo } from './users.js';

/** The number of active admin accounts. */
export function countActiveAdmins(db: Database): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number }).n;
}

/** The account, or a one-line `MtReviewError`. */
function account(db: Database, username: string): UserInfo {
  const user = listUsers(db).find((u) => u.username === username);
  if (!user) throw new MtReviewError('usage', `no such user "${username.slice(0, 80)}"`);
  return user;
}

/** Throws when `user` is the last active admin (so it may be neither demoted nor disabled). */
function keepOneAdmin(db: Database, user: UserInfo, what: string): void {
  if (user.role === 'admin' && user.disabledAt === null && countActiveAdmins(db) <= 1) {
    throw new MtReviewError('usage', `cannot ${what} "${user.username}": it is the last active admin; make another account admin first`);
  }
}

/** Changes an active account's role (recorded as `user-role`); refuses to demote the last active admin. */
export function setUserRole(db: Database, username: string, role: Role, by: Actor = null): UserInfo {
  if (!isRole(role)) throw new MtReviewError('usage', `unknown role "${String(role)}": use reviewer or admin`);
  return db.transaction(() => {
    const user = account(db, username);
    if (user.disabledAt !== null) throw new MtReviewError('usage', `user "${username}" is disabled; enable it first`);
    if (user.role === role) return user;
    if (role !== 'admin') keepOneAdmin(db, user, 'demote');
    db.prepare('UPDATE users SET role = ? WHERE username = ?').run(role, username);
    recordAuthEvent(db, { action: 'user-role', actor: by, subject: username, detail: { from: user.role, role } });
    return account(db, username);
  }).immediate();
}

/** Disables an account as `removeUser` does (recorded as `user-remove`); refuses to disable the last active admin. */
export function disableUser(db: Database, username: string, by: Actor = null): UserInfo {
  return db.transaction(() => {
    keepOneAdmin(db, account(db, username), 'disable');
    return removeUser(db, username, by);
  }).immediate();
}

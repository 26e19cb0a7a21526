/**
 * Reviewer accounts over the store's `users` table: add, change password, remove (disable: nothing
 * is deleted, so every revision keeps a valid author), list, and verify a login.
 */
import type { Database } from 'better-sqlite3';
import { MtReviewError } from '../core/types.js';
import { recordAuthEvent } from './audit.js';
import { hashPassword, verifyAgainstDummy, verifyPassword, type ScryptParams } from './passwords.js';

/** `reviewer` reviews and exports; `admin` also imports and removes articles, edits the glossary, manages users. */
export type Role = 'reviewer' | 'admin';

/** The roles, least privileged first. */
export const ROLES: readonly Role[] = ['reviewer', 'admin'];

/** An account as listed (never with its hash). */
export interface UserInfo {
  username: string;
  role: Role;
  createdAt: string;
  /** When the account was removed, or null while it is active. */
  disabledAt: string | null;
}

/** The identity a verified login yields. */
export interface AuthUser {
  username: string;
  role: Role;
}

/** Who performs a user change, for the audit trail. */
export type Actor = string | null;

/** True when `role` is one of the known roles. */
export function isRole(role: unknown): role is Role {
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role);
}

/** True when a user holding `held` may do what `needed` may. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** Returns a one-line reason why `username` is not a valid account name, or null when it is. */
export function usernameProblem(username: string): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(username)) {
    return `invalid username "${username.slice(0, 80)}": use 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit`;
  }
  return null;
}

interface UserRow {
  username: string;
  password_hash: string;
  role: string;
  created_at: string;
  disabled_at: string | null;
}

function findRow(db: Database, username: string): UserRow | undefined {
  return db.prepare('SELECT username, password_hash, role, created_at, disabled_at FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

function requireRow(db: Database, username: string): UserRow {
  const row = findRow(db, username);
  if (!row) throw new MtReviewError('usage', `no such user "${username.slice(0, 80)}"`);
  return row;
}

/** The account named `username` (active or removed) as `UserInfo`, or a one-line `MtReviewError`. */
export function getUser(db: Database, username: string): UserInfo {
  return toInfo(requireRow(db, username));
}

/** The number of active admin accounts. */
export function countActiveAdmins(db: Database): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number }).n;
}

/**
 * Inside a write transaction: throws when the account is the last active admin, which may be
 * neither demoted nor removed (nobody could manage accounts or the glossary in the app any more).
 * `what` is the refused action as the message names it ("demote", "disable", "remove").
 */
export function keepOneAdmin(db: Database, row: Pick<UserRow, 'username' | 'role' | 'disabled_at'>, what: string): void {
  if (row.role === 'admin' && row.disabled_at === null && countActiveAdmins(db) <= 1) {
    throw new MtReviewError('usage', `cannot ${what} "${row.username}": it is the last active admin; make another account admin first`);
  }
}

/** Options of `addUser`. */
export interface AddUserOptions {
  username: string;
  password: string;
  role?: Role;
  /** Cost parameters (tests use a low cost; the default is `DEFAULT_SCRYPT`). */
  scrypt?: ScryptParams;
}

/**
 * Adds an account; adding a removed (disabled) account's name enables it again with the new
 * password and role. Throws `MtReviewError` for a bad name or password or an active duplicate.
 */
export async function addUser(db: Database, options: AddUserOptions, by: Actor = null): Promise<UserInfo> {
  const { username, password, role = 'reviewer' } = options;
  const problem = usernameProblem(username);
  if (problem) throw new MtReviewError('usage', problem);
  if (!isRole(role)) throw new MtReviewError('usage', `unknown role "${String(role)}": use reviewer or admin`);
  const hash = await hashPassword(password, options.scrypt);
  const now = new Date().toISOString();
  const change = db.transaction(() => {
    const existing = findRow(db, username);
    if (existing && existing.disabled_at === null) throw new MtReviewError('usage', `user "${username}" already exists`);
    if (existing) {
      db.prepare('UPDATE users SET password_hash = ?, role = ?, disabled_at = NULL WHERE username = ?').run(hash, role, username);
      recordAuthEvent(db, { action: 'user-enable', actor: by, subject: username, detail: { role } });
    } else {
      db.prepare('INSERT INTO users (username, password_hash, role, created_at, disabled_at) VALUES (?, ?, ?, ?, NULL)').run(username, hash, role, now);
      recordAuthEvent(db, { action: 'user-add', actor: by, subject: username, detail: { role } });
    }
  });
  change.immediate();
  return toInfo(requireRow(db, username));
}

/** Sets a new password for an active account, and its role when `role` is given (never demoting the last active admin). */
export async function changePassword(db: Database, username: string, password: string, by: Actor = null, options: { role?: Role; scrypt?: ScryptParams } = {}): Promise<UserInfo> {
  const row = requireRow(db, username);
  if (row.disabled_at !== null) throw new MtReviewError('usage', `user "${username}" was removed; add it again with: mt-review user add ${username}`);
  if (options.role !== undefined && !isRole(options.role)) throw new MtReviewError('usage', `unknown role "${String(options.role)}": use reviewer or admin`);
  const hash = await hashPassword(password, options.scrypt);
  db.transaction(() => {
    if (options.role !== undefined && options.role !== 'admin') keepOneAdmin(db, requireRow(db, username), 'demote');
    db.prepare('UPDATE users SET password_hash = ?, role = COALESCE(?, role) WHERE username = ?').run(hash, options.role ?? null, username);
    revokeSessions(db, username);
    recordAuthEvent(db, { action: 'user-passwd', actor: by, subject: username, detail: options.role ? { role: options.role } : {} });
  }).immediate();
  return toInfo(requireRow(db, username));
}

/**
 * Removes an account by disabling it (its rows and authored revisions stay) and ends its sessions;
 * refuses the last active admin. `what` names the action in that refusal (the app says "disable").
 */
export function removeUser(db: Database, username: string, by: Actor = null, what = 'remove'): UserInfo {
  db.transaction(() => {
    const row = requireRow(db, username);
    if (row.disabled_at !== null) throw new MtReviewError('usage', `user "${username}" is already removed`);
    keepOneAdmin(db, row, what);
    db.prepare('UPDATE users SET disabled_at = ? WHERE username = ?').run(new Date().toISOString(), username);
    revokeSessions(db, username);
    recordAuthEvent(db, { action: 'user-remove', actor: by, subject: username });
  }).immediate();
  return toInfo(requireRow(db, username));
}

/** Every account, active and removed, by name. */
export function listUsers(db: Database): UserInfo[] {
  const rows = db.prepare('SELECT username, password_hash, role, created_at, disabled_at FROM users ORDER BY username').all() as UserRow[];
  return rows.map(toInfo);
}

/** The number of active accounts (what the start-up policy looks at). */
export function countActiveUsers(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM users WHERE disabled_at IS NULL').get() as { n: number }).n;
}

/** The active account named `username`, or undefined (used to re-check a session on each request). */
export function findActiveUser(db: Database, username: string): AuthUser | undefined {
  const row = findRow(db, username);
  if (!row || row.disabled_at !== null || !isRole(row.role)) return undefined;
  return { username: row.username, role: row.role };
}

/**
 * Checks a login. Unknown, removed and wrong-password logins all return null after the same
 * amount of hashing work, so neither the answer nor its timing tells which names exist.
 */
export async function verifyUser(db: Database, username: string, password: string): Promise<AuthUser | null> {
  const row = typeof username === 'string' && username.length <= 64 ? findRow(db, username) : undefined;
  if (!row || row.disabled_at !== null || !isRole(row.role)) return verifyAgainstDummy(String(password)).then(() => null);
  return (await verifyPassword(password, row.password_hash)) ? { username: row.username, role: row.role } : null;
}

/** Deletes the stored sessions of one user (sessions are credentials, not review data). */
function revokeSessions(db: Database, username: string): void {
  const hasSessions = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'").get();
  if (hasSessions) db.prepare("DELETE FROM sessions WHERE json_extract(data, '$.user.username') = ?").run(username);
}

function toInfo(row: UserRow): UserInfo {
  return { username: row.username, role: isRole(row.role) ? row.role : 'reviewer', createdAt: row.created_at, disabledAt: row.disabled_at };
}

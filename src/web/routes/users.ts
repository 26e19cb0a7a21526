/**
 * The accounts page (admins only): list every account, add one, change a role, reset a password,
 * disable and enable. Nothing is deleted (disabling keeps the account, so its revisions keep their
 * author), the last active admin can be neither demoted nor disabled, and every change is recorded
 * in `events` by `src/auth` (never a password).
 */
import type { Request, Response } from 'express';
import { setUserRole } from '../../auth/user-admin.js';
import { addUser, changePassword, countActiveAdmins, isRole, listUsers, removeUser, usernameProblem, type Role, type UserInfo } from '../../auth/users.js';
import { MtReviewError } from '../../core/types.js';
import { dbOf, wantsJson } from '../context.js';
import { actorOf } from '../reviewer.js';
import { NotFound } from './errors.js';

/** The add form as re-shown after a refusal (never with the passwords). */
interface AddForm {
  username: string;
  role: Role;
}

/** What the last change did, shown once after the redirect (`?done=<what>&user=<name>`). */
const DONE: Record<string, (user: string) => string> = {
  added: (u) => `Added ${u}.`,
  role: (u) => `Changed the role of ${u}.`,
  password: (u) => `Set a new password for ${u}; their sessions were ended.`,
  disabled: (u) => `Disabled ${u}: they can no longer sign in. Their reviews stay.`,
  enabled: (u) => `Enabled ${u} with the new password.`,
};

/** Who makes the change, for the audit trail: the actor, or `local` for an admin on this machine who gave no name. */
function changedBy(res: Response): string {
  return actorOf(res) ?? 'local';
}

/** Renders the accounts page. */
function renderUsers(req: Request, res: Response, state: { form?: AddForm; error?: string | null; notice?: string | null }, status = 200): void {
  const users = listUsers(dbOf(req));
  const activeAdmins = users.filter((u) => u.disabledAt === null && u.role === 'admin').length;
  res.status(status).render('users', {
    title: 'Accounts',
    users,
    activeAdmins,
    // Until an active admin exists, the add form offers an admin (the first account must be one).
    form: state.form ?? { username: '', role: activeAdmins > 0 ? 'reviewer' : 'admin' },
    error: state.error ?? null,
    notice: state.notice ?? null,
  });
}

/** GET `/users`: every account, the add form and each account's actions. */
export function showUsers(req: Request, res: Response): void {
  if (wantsJson(req)) {
    res.json({ users: listUsers(dbOf(req)) });
    return;
  }
  const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
  const user = typeof req.query.user === 'string' && usernameProblem(req.query.user) === null ? req.query.user : undefined;
  renderUsers(req, res, { notice: done && user ? done(user) : null });
}

/** A one-line refusal for a field of the form (`Password (again): …`). */
class FieldError extends Error {}

/** The two password fields, checked to be the same. */
function newPassword(body: Record<string, unknown>): string {
  const password = typeof body.password === 'string' ? body.password : '';
  const again = typeof body.password2 === 'string' ? body.password2 : '';
  if (password === '') throw new FieldError('Password: enter the new password twice.');
  if (password !== again) throw new FieldError('Password (again): the two passwords differ; nothing was changed.');
  return password;
}

/** The role field. */
function roleField(value: unknown): Role {
  if (!isRole(value)) throw new FieldError('Role: choose reviewer or admin.');
  return value;
}

/** Answers a change: 303 back to the page with what was done, or JSON. */
function done(req: Request, res: Response, what: keyof typeof DONE, user: UserInfo, target = '/users'): void {
  if (wantsJson(req)) {
    res.json({ user });
    return;
  }
  res.redirect(303, target === '/users' ? `/users?done=${what}&user=${encodeURIComponent(user.username)}#u-${encodeURIComponent(user.username)}` : target);
}

/** Runs a change, showing a refusal (a bad field, or a rule of `src/auth`) as a 400 with its one-line message. */
async function attempt(req: Request, res: Response, form: AddForm | undefined, change: () => Promise<void> | void): Promise<void> {
  try {
    await change();
  } catch (err) {
    if (!(err instanceof FieldError) && !(err instanceof MtReviewError)) throw err;
    const message = err instanceof MtReviewError ? capitalise(err.message) : err.message;
    if (wantsJson(req)) {
      res.status(400).json({ error: message });
      return;
    }
    renderUsers(req, res, { error: `Not changed: ${message}`, ...(form ? { form } : {}) }, 400);
  }
}

/** The message with its first letter in capitals (the auth layer's messages are CLI-style lower case). */
function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (/[.!?]$/.test(message) ? '' : '.');
}

/** POST `/users`: adds an account (name, role, password twice). The first admin must come first. */
export async function createUser(req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const username = typeof body.username === 'string' ? body.username.trim() : '';
  const form: AddForm = { username: username.slice(0, 64), role: isRole(body.role) ? body.role : 'reviewer' };
  await attempt(req, res, form, async () => {
    if (username === '') throw new FieldError('Name: enter the new account’s name.');
    const role = roleField(body.role);
    const password = newPassword(body);
    if (role !== 'admin' && countActiveAdmins(dbOf(req)) === 0) {
      throw new FieldError('Role: the first account must be an admin, or nobody could manage accounts and the glossary in the app.');
    }
    const user = await addUser(dbOf(req), { username, password, role }, changedBy(res));
    done(req, res, 'added', user);
  });
}

/** POST `/users/:name`: `action` = `role` (with `role`), `password` (password twice), `disable`, or `enable` (password twice). */
export async function changeUser(req: Request, res: Response): Promise<void> {
  const db = dbOf(req);
  const name = String(req.params.name);
  const target = listUsers(db).find((u) => u.username === name);
  if (!target) throw new NotFound(`There is no account “${name.slice(0, 80)}”.`);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const self = res.locals.accounts === true && changedBy(res) === name;
  await attempt(req, res, undefined, async () => {
    switch (body.action) {
      case 'role': {
        const user = setUserRole(db, name, roleField(body.role), changedBy(res));
        // Demoting yourself ends your access to this page.
        return done(req, res, 'role', user, self && user.role !== 'admin' ? '/' : '/users');
      }
      case 'password': {
        const user = await changePassword(db, name, newPassword(body), changedBy(res));
        // A new password ends the account's sessions, yours included when it is yours.
        return done(req, res, 'password', user, self ? '/login' : '/users');
      }
      case 'disable': {
        const user = removeUser(db, name, changedBy(res), 'disable');
        return done(req, res, 'disabled', user, self ? '/login' : '/users');
      }
      case 'enable': {
        if (target.disabledAt === null) throw new FieldError(`${name} is already enabled.`);
        const user = await addUser(db, { username: name, password: newPassword(body), role: isRole(body.role) ? body.role : target.role }, changedBy(res));
        return done(req, res, 'enabled', user);
      }
      default:
        throw new FieldError('The form has no known action (role, password, disable or enable). Reload the page and try again.');
    }
  });
}

/**
 * The users page over HTTP: admins list, add, re-role, reset, disable and enable accounts; the
 * last active admin stays; reviewers get 403; CSRF is required; every change is an events row
 * without a password; and without accounts the page explains what the first account turns on.
 */
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import type { Express } from 'express';
import request from 'supertest';
import { listUsers } from '../../src/auth/users.js';
import { csrfFrom, SEED } from './support/app.js';
import { ACCOUNTS, alertText, counts, makeAdminApp, signIn } from './support/admin.js';

type Agent = ReturnType<typeof request.agent>;

/** The users page's CSRF token. */
async function token(agent: Agent): Promise<string> {
  return csrfFrom((await agent.get('/users').expect(200)).text);
}

/** Account events (action, actor, subject from the detail), oldest first. */
function accountEvents(db: Database.Database): { action: string; actor: string; detail: string }[] {
  return db.prepare("SELECT action, actor, detail FROM events WHERE action LIKE 'user-%' ORDER BY id").all() as { action: string; actor: string; detail: string }[];
}

/** The state of one account: [role, active]. */
function state(db: Database.Database, name: string): [string, boolean] | undefined {
  const u = listUsers(db).find((x) => x.username === name);
  return u ? [u.role, u.disabledAt === null] : undefined;
}

/** Signs in with a password through the login form; true when it worked. */
async function canSignIn(app: Express, username: string, password: string): Promise<boolean> {
  const agent = request.agent(app);
  const login = await agent.get('/login');
  const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(login.text), username, password, next: '/' });
  return res.status === 303;
}

describe('web app: users page', () => {
  it('lists every account with role, creation time and state, each control labelled', async () => {
    const { app } = await makeAdminApp({ accounts: true });
    const { agent } = await signIn(app, 'alice');
    const page = await agent.get('/users').expect(200);
    assert.match(page.text, /<h3 class="user-name">alice <span class="count">\(you\)<\/span>\s*<span class="status-badge role-admin">admin<\/span>/);
    assert.match(page.text, /<h3 class="user-name">bob\s*<span class="status-badge role-reviewer">reviewer<\/span>/);
    assert.match(page.text, /<a href="\/users" aria-current="page">Users<\/a>/);
    assert.doesNotMatch(page.text, /Local mode: nobody signs in/);
    assert.match(page.text, /Disable<span class="visually-hidden"> alice<\/span>/);
    for (const [id, label] of [['role-1', 'Role'], ['pw-1', 'New password'], ['pw2-1', 'New password \\(again\\)']]) {
      assert.match(page.text, new RegExp(`<label for="${id}">${label}<span class="visually-hidden"> for bob</span></label>`), `${id}'s label names the account`);
    }
    assert.match(page.text, /disabled aria-describedby="last-admin-0">Disable/, 'the last admin cannot be disabled');
    for (const [, id] of page.text.matchAll(/<(?:textarea|input|select)[^>]*\bid="([^"]+)"/g)) assert.match(page.text, new RegExp(`<label for="${id}"`), `control ${id} has a label`);
    const json = await agent.get('/users').set('Accept', 'application/json').expect(200);
    assert.deepEqual(json.body.users.map((u: { username: string }) => u.username), ['alice', 'bob']);
    assert.ok(!JSON.stringify(json.body).includes('scrypt$'), 'never a hash');
  });

  describe('adding an account', () => {
    const cases: { name: string; form: Record<string, string>; status: number; message?: RegExp; after?: [string, boolean] }[] = [
      { name: 'a reviewer', form: { username: 'carol', role: 'reviewer', password: 'carol-secret', password2: 'carol-secret' }, status: 303, after: ['reviewer', true] },
      { name: 'an admin', form: { username: 'dave.k_2', role: 'admin', password: 'dave-secret', password2: 'dave-secret' }, status: 303, after: ['admin', true] },
      { name: 'passwords that differ', form: { username: 'carol', role: 'reviewer', password: 'carol-secret', password2: 'carol-secreT' }, status: 400, message: /^Not changed: Password \(again\): the two passwords differ/ },
      { name: 'no password', form: { username: 'carol', role: 'reviewer', password: '', password2: '' }, status: 400, message: /^Not changed: Password: enter the new password twice\.$/ },
      { name: 'a short password', form: { username: 'carol', role: 'reviewer', password: 'short', password2: 'short' }, status: 400, message: /^Not changed: Password must be at least 8 characters long\.$/ },
      { name: 'a name with markup', form: { username: '<script>x</script>', role: 'reviewer', password: 'carol-secret', password2: 'carol-secret' }, status: 400, message: /^Not changed: Invalid username "<script>x<\/script>": use 1-64 letters/ },
      { name: 'no name', form: { username: ' ', role: 'reviewer', password: 'carol-secret', password2: 'carol-secret' }, status: 400, message: /^Not changed: Name: enter/ },
      { name: 'an unknown role', form: { username: 'carol', role: 'owner', password: 'carol-secret', password2: 'carol-secret' }, status: 400, message: /^Not changed: Role: choose reviewer or admin\.$/ },
      { name: 'an active account’s name', form: { username: 'bob', role: 'reviewer', password: 'bob-secret2', password2: 'bob-secret2' }, status: 400, message: /^Not changed: User "bob" already exists\.$/, after: ['reviewer', true] },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, async () => {
        const { app, db } = await makeAdminApp({ accounts: true });
        const { agent } = await signIn(app, 'alice');
        const before = counts(db);
        const res = await agent.post('/users').type('form').send({ _csrf: await token(agent), ...c.form }).expect(c.status);
        if (c.status === 303) {
          assert.equal(res.headers.location, `/users?done=added&user=${c.form.username}#u-${c.form.username}`);
          assert.equal(counts(db).users, before.users + 1);
          assert.deepEqual(accountEvents(db).at(-1)!.action, 'user-add');
          assert.equal(accountEvents(db).at(-1)!.actor, 'alice');
          assert.ok(await canSignIn(app, c.form.username!, c.form.password!));
          assert.match((await agent.get(res.headers.location as string)).text, new RegExp(`Added ${c.form.username!.replace('.', '\\.')}\\.`));
        } else {
          assert.deepEqual(counts(db), before, 'nothing changed');
          assert.match(alertText(res.text, 'users-error') ?? '', c.message!);
          assert.doesNotMatch(res.text, /<script>x/, 'markup stays text');
          assert.doesNotMatch(res.text, /carol-secret/, 'a password is never shown back');
        }
        if (c.after) assert.deepEqual(state(db, c.form.username!.trim()), c.after);
      });
    }
  });

  it('changes roles, and never demotes or disables the last active admin', async () => {
    const { app, db } = await makeAdminApp({ accounts: true });
    const { agent } = await signIn(app, 'alice');
    const post = async (name: string, form: Record<string, string>, status: number) =>
      agent.post(`/users/${name}`).type('form').send({ _csrf: await token(agent), ...form }).expect(status);

    const refusedDemote = await post('alice', { action: 'role', role: 'reviewer' }, 400);
    assert.match(alertText(refusedDemote.text, 'users-error')!, /^Not changed: Cannot demote "alice": it is the last active admin; make another account admin first\.$/);
    const refusedDisable = await post('alice', { action: 'disable' }, 400);
    assert.match(alertText(refusedDisable.text, 'users-error')!, /^Not changed: Cannot disable "alice": it is the last active admin/);
    assert.deepEqual(state(db, 'alice'), ['admin', true]);

    await post('bob', { action: 'role', role: 'admin' }, 303);
    assert.deepEqual(state(db, 'bob'), ['admin', true]);
    assert.deepEqual(JSON.parse(accountEvents(db).at(-1)!.detail), { from: 'reviewer', role: 'admin', subject: 'bob' });
    // A near miss of the rule: with two admins, alice may demote herself; she leaves the admin page.
    const self = await post('alice', { action: 'role', role: 'reviewer' }, 303);
    assert.equal(self.headers.location, '/');
    await agent.get('/users').expect(403);
    assert.deepEqual(state(db, 'alice'), ['reviewer', true]);
  });

  it('resets a password (ending that account’s sessions), disables and enables with a new password', async () => {
    const { app, db } = await makeAdminApp({ accounts: true });
    const { agent } = await signIn(app, 'alice');
    const bob = await signIn(app, 'bob');
    const post = async (form: Record<string, string>, status: number) =>
      agent.post('/users/bob').type('form').send({ _csrf: await token(agent), ...form }).expect(status);

    await post({ action: 'password', password: 'new-bob-secret', password2: 'new-bob-secrex' }, 400);
    assert.ok(await canSignIn(app, 'bob', ACCOUNTS.bob[0]), 'a refused reset changes nothing');
    await post({ action: 'password', password: 'new-bob-secret', password2: 'new-bob-secret' }, 303);
    assert.ok(!(await canSignIn(app, 'bob', ACCOUNTS.bob[0])));
    assert.ok(await canSignIn(app, 'bob', 'new-bob-secret'));
    assert.match((await bob.agent.get('/glossary')).headers.location as string, /^\/login/, 'bob’s old session ended');

    await post({ action: 'disable' }, 303);
    assert.deepEqual(state(db, 'bob'), ['reviewer', false]);
    assert.ok(!(await canSignIn(app, 'bob', 'new-bob-secret')));
    const page = await agent.get('/users').expect(200);
    assert.match(page.text, /<span class="status-badge is-off">disabled<\/span>/);
    assert.match(page.text, /Enable with this password<span class="visually-hidden"> of bob<\/span>/);
    await post({ action: 'disable' }, 400);
    await post({ action: 'role', role: 'admin' }, 400);

    await post({ action: 'enable', password: 'third-bob-secret', password2: 'third-bob-secret' }, 303);
    assert.deepEqual(state(db, 'bob'), ['reviewer', true]);
    assert.ok(await canSignIn(app, 'bob', 'third-bob-secret'));
    await post({ action: 'enable', password: 'third-bob-secret', password2: 'third-bob-secret' }, 400);
    await post({ action: 'delete' }, 400);
    await agent.post('/users/nobody').type('form').send({ _csrf: await token(agent), action: 'disable' }).expect(404);

    const events = accountEvents(db);
    assert.deepEqual(events.filter((e) => e.actor === 'alice').map((e) => e.action), ['user-passwd', 'user-remove', 'user-enable']);
    for (const e of events) assert.doesNotMatch(e.detail, /secret|scrypt/, 'never a password or hash');
    assert.equal(counts(db).users, 2, 'nothing deleted');
  });

  describe('access', () => {
    const cases: { who: 'alice' | 'bob' | null; method: 'get' | 'post'; path: string; csrf: boolean; status: number }[] = [
      { who: 'alice', method: 'get', path: '/users', csrf: true, status: 200 },
      { who: 'bob', method: 'get', path: '/users', csrf: true, status: 403 },
      { who: null, method: 'get', path: '/users', csrf: true, status: 303 },
      { who: 'alice', method: 'post', path: '/users', csrf: false, status: 403 },
      { who: 'bob', method: 'post', path: '/users', csrf: true, status: 403 },
      { who: 'alice', method: 'post', path: '/users/bob', csrf: false, status: 403 },
      { who: 'bob', method: 'post', path: '/users/bob', csrf: true, status: 403 },
      { who: 'bob', method: 'post', path: '/users/alice', csrf: true, status: 403 },
    ];
    for (const c of cases) {
      it(`${c.method.toUpperCase()} ${c.path} as ${c.who ?? 'nobody'}${c.csrf ? '' : ' without a CSRF token'} → ${c.status}`, async () => {
        const { app, db } = await makeAdminApp({ accounts: true });
        const { agent, csrf } = c.who ? await signIn(app, c.who) : { agent: request.agent(app), csrf: '' };
        const before = counts(db);
        const form = { ...(c.csrf ? { _csrf: csrf } : {}), username: 'eve', role: 'admin', password: 'eve-secret1', password2: 'eve-secret1', action: 'role' };
        const res = c.method === 'get' ? await agent.get(c.path) : await agent.post(c.path).type('form').send(form);
        assert.equal(res.status, c.status);
        assert.deepEqual(counts(db).users, before.users);
        assert.deepEqual(state(db, 'bob'), ['reviewer', true]);
        if (c.who === 'bob') assert.doesNotMatch((await agent.get('/glossary')).text, /href="\/users"/);
      });
    }
  });

  it('shows the admin controls on every page to admins and without accounts, and none to reviewers', async () => {
    /** Which admin controls a page shows: the Users link, the glossary editor, the archive form. */
    const controls = async (agent: Agent): Promise<boolean[]> => {
      const pages = await Promise.all(['/', '/glossary', `/articles/${SEED}`].map(async (path) => (await agent.get(path).expect(200)).text));
      return [
        ...pages.map((text) => /<a href="\/users"/.test(text)),
        /<form method="post" action="\/glossary"/.test(pages[1]!),
        new RegExp(`action="/articles/${SEED}/archive"`).test(pages[2]!),
      ];
    };
    const withAccounts = await makeAdminApp({ accounts: true });
    assert.deepEqual(await controls((await signIn(withAccounts.app, 'alice')).agent), [true, true, true, true, true], 'alice (admin)');
    assert.deepEqual(await controls((await signIn(withAccounts.app, 'bob')).agent), [false, false, false, false, false], 'bob (reviewer)');
    const local = await makeAdminApp();
    assert.deepEqual(await controls(request.agent(local.app)), [true, true, true, true, true], 'without accounts');
  });

  it('renders a hostile account name from an older database as text', async () => {
    const { app, db } = await makeAdminApp({ accounts: true });
    db.prepare("INSERT INTO users (username, password_hash, role, created_at) VALUES ('<img src=x onerror=alert(1)>', 'x', 'reviewer', '2020-01-01T00:00:00Z')").run();
    const { agent } = await signIn(app, 'alice');
    const page = await agent.get('/users').expect(200);
    assert.doesNotMatch(page.text, /<img src=x/);
    assert.match(page.text, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  describe('without accounts (local mode)', () => {
    it('explains what the first account turns on, and insists it is an admin', async () => {
      const { app, db } = await makeAdminApp();
      const agent = request.agent(app);
      const page = await agent.get('/users').expect(200);
      assert.match(page.text, /Local mode: nobody signs in/);
      assert.match(page.text, /turns on sign-in <strong>the next time <code>mt-review serve<\/code> starts<\/strong>/);
      assert.match(page.text, /<option value="admin" selected>/, 'the first account is offered as an admin');
      const csrf = csrfFrom(page.text);
      const refused = await agent.post('/users').type('form').send({ _csrf: csrf, username: 'carol', role: 'reviewer', password: 'carol-secret', password2: 'carol-secret' }).expect(400);
      assert.match(alertText(refused.text, 'users-error')!, /^Not changed: Role: the first account must be an admin/);
      assert.equal(counts(db).users, 0);
      await agent.post('/users').type('form').send({ _csrf: csrf, username: 'carol', role: 'admin', password: 'carol-secret', password2: 'carol-secret' }).expect(303);
      assert.deepEqual(state(db, 'carol'), ['admin', true]);
      const after = await agent.get('/users').expect(200);
      assert.match(after.text, /Accounts exist now\. Restart <code>mt-review serve<\/code> to turn on sign-in/);
      assert.match(after.text, /<option value="reviewer" selected>reviewer: reviews and exports/, 'later accounts default to reviewer');
      assert.equal(accountEvents(db).at(-1)!.actor, 'local');
    });
  });
});

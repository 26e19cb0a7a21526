/**
 * The glossary page over HTTP: admins save a validated new version (findings follow it), a broken
 * glossary is refused with its one-line file:line message and nothing saved, a stale edit is a 409
 * showing both, reviewers read but cannot write, CSRF is required, and file downloads never leave
 * the version's own files.
 */
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import type { Express } from 'express';
import request from 'supertest';
import { latestGlossaryVersion } from '../../src/store/glossary-versions.js';
import { csrfFrom, SEED } from './support/app.js';
import { alertText, counts, GLOSSARY_FILE, makeAdminApp, signIn, textareaValue } from './support/admin.js';

const ARTICLE = `/articles/${SEED}`;
const BASE = GLOSSARY_FILE.text;

/** An entry that flags a phrase of the seed article ("the Belarusian Presidential Press Bureau"). */
const PRESS_BUREAU = `
- id: press-bureau
  terms: [Press Bureau]
  preferred: press office
  note: 新闻局 is a press office.
  examples:
    flag: [The Presidential Press Bureau said so.]
    pass: [The press office said so.]
`;

/** The rule ids of the findings on the seed article (through the JSON view of the article page). */
async function ruleIds(app: Express, agent?: ReturnType<typeof request.agent>): Promise<Set<string>> {
  const res = await (agent ?? request(app)).get(ARTICLE).set('Accept', 'application/json').expect(200);
  const ids = new Set<string>();
  for (const s of res.body.sentences as { findings: { ruleId: string }[] }[]) for (const f of s.findings) ids.add(f.ruleId);
  return ids;
}

/** The glossary page's form token and base version. */
async function editor(agent: ReturnType<typeof request.agent>): Promise<{ csrf: string; base: string; html: string }> {
  const page = await agent.get('/glossary').expect(200);
  const base = /name="base" value="(\d*)"/.exec(page.text)?.[1];
  assert.ok(base !== undefined, 'the page has an editor with a base version');
  return { csrf: csrfFrom(page.text), base, html: page.text };
}

/** A local-mode-like agent (no accounts) with a reviewer name. */
async function namedAgent(app: Express): Promise<ReturnType<typeof request.agent>> {
  const agent = request.agent(app);
  const page = await agent.get('/reviewer').expect(200);
  await agent.post('/reviewer').type('form').send({ _csrf: csrfFrom(page.text), reviewer: 'Gloria Admin', next: '/' }).expect(303);
  return agent;
}

/** The events rows with action `glossary`. */
function glossaryEvents(db: Database.Database): { actor: string; detail: { version: number; entries: number; origin: string } }[] {
  return (db.prepare("SELECT actor, detail FROM events WHERE action = 'glossary' ORDER BY id").all() as { actor: string; detail: string }[])
    .map((e) => ({ actor: e.actor, detail: JSON.parse(e.detail) }));
}

describe('web app: glossary page', () => {
  it('shows the glossary in force in a labelled editor, its history and a download link per file', async () => {
    const { app } = await makeAdminApp();
    const agent = await namedAgent(app);
    const { html } = await editor(agent);
    assert.match(html, /<h2 id="in-force-h">In force: version 1<\/h2>/);
    assert.match(html, /<label for="file-0">glossary\.yaml<\/label>/);
    assert.equal(textareaValue(html, 'file-0'), BASE, 'the textarea holds the file exactly');
    assert.match(html, /<input type="hidden" name="name" value="glossary\.yaml">/);
    assert.match(html, /href="\/glossary\/files\/glossary\.yaml" download/);
    assert.match(html, /<label for="glossary-comment">/);
    assert.match(html, /<input id="glossary-comment" name="comment" type="text" maxlength="300"/, 'the comment field holds what the server accepts');
    assert.match(html, /<th scope="row">1 <span class="status-badge">In force<\/span><\/th>/);
    assert.match(html, /<a href="\/glossary"[^>]*aria-current="page"[^>]*>Glossary<\/a>/, 'the header links to the page');
    // Every control of the editor is labelled.
    for (const [, id] of html.matchAll(/<(?:textarea|input|select)[^>]*\bid="([^"]+)"/g)) assert.match(html, new RegExp(`<label for="${id}"`), `control ${id} has a label`);
  });

  describe('saving a valid edit changes the findings', () => {
    const cases: { name: string; text: string; gains: string[]; loses: string[]; entries: number }[] = [
      { name: 'an added entry flags a phrase of the seed article', text: BASE + PRESS_BUREAU, gains: ['forbidden-term/press-bureau'], loses: [], entries: 3 },
      { name: 'a removed entry stops flagging', text: BASE.replace(/- id: new-crown[\s\S]*$/, ''), gains: [], loses: ['forbidden-term/new-crown'], entries: 1 },
      // Near miss: only a comment changes; the findings stay as they were.
      { name: 'a comment-only change keeps every finding', text: `${BASE}# reviewed by the desk\n`, gains: [], loses: [], entries: 2 },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { app, db } = await makeAdminApp();
        const agent = await namedAgent(app);
        const before = await ruleIds(app, agent);
        assert.ok(before.has('forbidden-term/new-crown') && !before.has('forbidden-term/press-bureau'));
        const { csrf, base } = await editor(agent);
        const res = await agent.post('/glossary').type('form')
          .send({ _csrf: csrf, base, name: 'glossary.yaml', text: c.text.replace(/\n/g, '\r\n'), comment: `  ${c.name}  ` })
          .expect(303);
        const saved = latestGlossaryVersion(db)!;
        assert.equal(res.headers.location, `/glossary?saved=${saved.id}`);
        assert.equal(saved.id, 2);
        assert.equal(saved.origin, 'app');
        assert.equal(saved.createdBy, 'Gloria Admin');
        assert.equal(saved.comment, c.name);
        assert.equal(saved.entries, c.entries);
        assert.deepEqual(saved.files, [{ name: 'glossary.yaml', text: c.text }], 'CRLF from the browser is stored as LF');
        assert.deepEqual(glossaryEvents(db).at(-1), { actor: 'Gloria Admin', detail: { version: 2, origin: 'app', entries: c.entries, files: ['glossary.yaml'] } });

        const after = await ruleIds(app, agent);
        for (const id of c.gains) assert.ok(after.has(id) && !before.has(id), `${id} appears`);
        for (const id of c.loses) assert.ok(!after.has(id) && before.has(id), `${id} disappears`);
        if (!c.gains.length && !c.loses.length) assert.deepEqual(after, before);

        const page = await agent.get(res.headers.location as string).expect(200);
        assert.match(page.text, new RegExp(`Saved version 2 \\(${c.entries} entr`));
        assert.match(page.text, /In force: version 2/);
        assert.equal(textareaValue(page.text, 'file-0'), c.text);
      });
    }
  });

  describe('a broken glossary is refused with its one-line message, the text kept, nothing saved', () => {
    const cases: { name: string; text: string; message: RegExp }[] = [
      { name: 'invalid YAML', text: `${BASE}- id: [unclosed\n`, message: /Not saved: glossary\.yaml:\d+:\d+: invalid YAML: / },
      { name: 'an unknown field', text: `${BASE}  colour: red\n`, message: /Not saved: glossary\.yaml:\d+:\d+: unknown field "colour" in an entry/ },
      { name: 'a failing flag example', text: BASE + PRESS_BUREAU.replace('The Presidential Press Bureau said so.', 'The bureau said so.'), message: /Not saved: glossary\.yaml:\d+:\d+: entry "press-bureau": example should be flagged but is not: “The bureau said so\.”/ },
      { name: 'a failing pass example', text: BASE + PRESS_BUREAU.replace('The press office said so.', 'The Press Bureau said so.'), message: /Not saved: glossary\.yaml:\d+:\d+: entry "press-bureau": example should pass but “Press Bureau” is flagged/ },
      { name: 'a duplicate id', text: BASE + PRESS_BUREAU + PRESS_BUREAU, message: /Not saved: glossary\.yaml:\d+:\d+: duplicate id "press-bureau" \(first defined at glossary\.yaml:\d+:\d+\)/ },
      { name: 'an empty file', text: '', message: /Not saved: glossary\.yaml:1:1: a glossary file must be a YAML list of entries/ },
      { name: 'hostile markup in a broken file', text: `${BASE}- id: <script>alert(1)</script>\n  terms: [x]\n`, message: /Not saved: glossary\.yaml:\d+:\d+: id "<script>alert\(1\)<\/script>" must be kebab-case/ },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { app, db, store } = await makeAdminApp();
        const agent = await namedAgent(app);
        const { csrf, base } = await editor(agent);
        const before = counts(db);
        const findings = await ruleIds(app, agent);
        const res = await agent.post('/glossary').type('form').send({ _csrf: csrf, base, name: 'glossary.yaml', text: c.text }).expect(400);
        assert.match(alertText(res.text, 'glossary-error') ?? '', c.message, 'one line naming the file and line');
        assert.doesNotMatch(res.text, /<script>alert/, 'hostile text is escaped');
        assert.doesNotMatch(res.text, /    at /, 'no stack trace');
        assert.equal(textareaValue(res.text, 'file-0'), c.text, 'the admin\'s text is kept in the form');
        assert.match(res.text, /<h2 id="in-force-h">In force: version 1<\/h2>/, 'the version in force is still shown');
        assert.deepEqual(counts(db), before, 'nothing saved');
        assert.deepEqual(await ruleIds(app, agent), findings, 'the glossary in force is unchanged');
        assert.ok(store.getArticle(store.findArticle(SEED)!.id));
      });
    }
  });

  describe('malformed forms are refused', () => {
    const cases: { name: string; body: Record<string, unknown>; message: RegExp }[] = [
      { name: 'a file name with a folder', body: { name: '../../etc/passwd.yaml', text: BASE }, message: /is not a glossary file name/ },
      { name: 'a file name that is not a glossary file', body: { name: 'glossary.txt', text: BASE }, message: /is not a glossary file name/ },
      { name: 'no files', body: {}, message: /has no files/ },
      { name: 'a name without its text', body: { name: ['glossary.yaml', 'more.yaml'], text: BASE }, message: /has no files, or a file without its name/ },
      { name: 'two files with one name', body: { name: ['glossary.yaml', 'glossary.yaml'], text: [BASE, BASE] }, message: /same name/ },
      { name: 'a base that is not a version', body: { name: 'glossary.yaml', text: BASE, base: 'latest' }, message: /base version is not a version number/ },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { app, db } = await makeAdminApp();
        const agent = await namedAgent(app);
        const { csrf, base } = await editor(agent);
        const before = counts(db);
        const res = await agent.post('/glossary').type('form').send({ _csrf: csrf, base, ...c.body }).expect(400);
        assert.match(res.text, c.message);
        assert.deepEqual(counts(db), before);
      });
    }
  });

  it('records nothing when nothing changed', async () => {
    const { app, db } = await makeAdminApp();
    const agent = await namedAgent(app);
    const { csrf, base } = await editor(agent);
    const before = counts(db);
    const res = await agent.post('/glossary').type('form').send({ _csrf: csrf, base, name: 'glossary.yaml', text: BASE }).expect(303);
    assert.equal(res.headers.location, '/glossary?unchanged=1');
    assert.deepEqual(counts(db), before);
    assert.match((await agent.get('/glossary?unchanged=1')).text, /Nothing changed, so no new version was saved/);
  });

  it('refuses an edit based on a superseded version with 409, shows both, keeps yours, and saves on top of theirs', async () => {
    const { app, db } = await makeAdminApp();
    const ann = await namedAgent(app);
    const ben = await namedAgent(app);
    const annForm = await editor(ann);
    const benForm = await editor(ben);
    const theirs = BASE + PRESS_BUREAU;
    await ann.post('/glossary').type('form').send({ _csrf: annForm.csrf, base: annForm.base, name: 'glossary.yaml', text: theirs }).expect(303);
    const before = counts(db);
    const yours = BASE.replace('note: 新冠 is COVID-19.', 'note: 新冠 is COVID-19 (Ben).');
    const res = await ben.post('/glossary').type('form').send({ _csrf: benForm.csrf, base: benForm.base, name: 'glossary.yaml', text: yours }).expect(409);
    assert.deepEqual(counts(db), before, 'nothing overwritten');
    assert.match(res.text, /Someone else saved the glossary since you opened it/);
    assert.match(res.text, /Theirs: version 2, saved by Gloria Admin/);
    assert.match(res.text, /<h2 id="in-force-h">In force: version 2<\/h2>/, 'the page shows theirs as the version in force');
    assert.match(res.text, /<del><span class="line-sign">theirs<\/span>- id: press-bureau<\/del>/, 'their added entry is shown');
    assert.match(res.text, /<ins><span class="line-sign">yours <\/span>  note: 新冠 is COVID-19 \(Ben\)\.<\/ins>/, 'your change is shown');
    assert.equal(textareaValue(res.text, 'file-0'), yours, 'the editor keeps your text');
    assert.match(res.text, /name="base" value="2"/, 'the form is now based on theirs');
    // Merging and saving on top of theirs works.
    const merged = theirs.replace('note: 新冠 is COVID-19.', 'note: 新冠 is COVID-19 (Ben).');
    await ben.post('/glossary').type('form').send({ _csrf: csrfFrom(res.text), base: '2', name: 'glossary.yaml', text: merged }).expect(303);
    assert.equal(latestGlossaryVersion(db)!.files[0]!.text, merged);
    // A near miss: a save based on the version in force is no conflict (done above); one based on an old id is.
    await ben.post('/glossary').type('form').send({ _csrf: csrfFrom(res.text), base: '1', name: 'glossary.yaml', text: BASE }).expect(409);
  });

  it('answers JSON clients with the version, the refusal or the conflict', async () => {
    const { app } = await makeAdminApp();
    const agent = await namedAgent(app);
    const { csrf } = await editor(agent);
    const bad = await agent.post('/glossary').set('Accept', 'application/json').send({ _csrf: csrf, base: '1', name: 'glossary.yaml', text: '- id: x\n' }).expect(400);
    assert.match(bad.body.error as string, /^Not saved: glossary\.yaml:1:3: entry is missing "terms"/);
    const ok = await agent.post('/glossary').set('Accept', 'application/json').send({ _csrf: csrf, base: '1', name: 'glossary.yaml', text: BASE + PRESS_BUREAU }).expect(201);
    assert.equal(ok.body.version.id, 2);
    const stale = await agent.post('/glossary').set('Accept', 'application/json').send({ _csrf: csrf, base: '1', name: 'glossary.yaml', text: BASE }).expect(409);
    assert.equal(stale.body.current.id, 2);
  });

  it('starts from an older version on request: saving it is a restore, recorded as a new version', async () => {
    const { app, db } = await makeAdminApp();
    const agent = await namedAgent(app);
    const first = await editor(agent);
    await agent.post('/glossary').type('form').send({ _csrf: first.csrf, base: first.base, name: 'glossary.yaml', text: BASE + PRESS_BUREAU }).expect(303);
    const old = await agent.get('/glossary?version=1').expect(200);
    assert.match(old.text, /You are starting from version 1/);
    assert.equal(textareaValue(old.text, 'file-0'), BASE);
    assert.match(old.text, /name="base" value="2"/);
    await agent.post('/glossary').type('form').send({ _csrf: csrfFrom(old.text), base: '2', name: 'glossary.yaml', text: BASE }).expect(303);
    const v = latestGlossaryVersion(db)!;
    assert.equal(v.id, 3);
    assert.equal(v.files[0]!.text, BASE);
    await agent.get('/glossary?version=99').expect(404);
    await agent.get('/glossary?version=..%2F1').expect(400);
  });

  it('renders hostile glossary text inert', async () => {
    const { app } = await makeAdminApp();
    const agent = await namedAgent(app);
    const { csrf, base } = await editor(agent);
    const hostile = BASE.replace('note: 新冠 is COVID-19.', 'note: "</textarea><script>alert(1)</script><img src=x onerror=alert(2)>"');
    await agent.post('/glossary').type('form').send({ _csrf: csrf, base, name: 'glossary.yaml', text: hostile, comment: '<b>bold</b>' }).expect(303);
    const page = await agent.get('/glossary').expect(200);
    assert.doesNotMatch(page.text, /<script>alert|<img src=x|<b>bold/);
    assert.match(page.text, /&lt;\/textarea&gt;&lt;script&gt;/);
    assert.equal(textareaValue(page.text, 'file-0'), hostile);
    const article = await agent.get(ARTICLE).expect(200);
    assert.doesNotMatch(article.text, /<script>alert|<img src=x/);
  });

  describe('downloads only the files of a version, by exact name', () => {
    const cases: { path: string; status: number }[] = [
      { path: '/glossary/files/glossary.yaml', status: 200 },
      { path: '/glossary/files/glossary.yaml?version=1', status: 200 },
      { path: '/glossary/files/..%2F..%2Fpackage.json', status: 404 },
      { path: '/glossary/files/..%2Fglossary.yaml', status: 404 },
      { path: '/glossary/files/%2Fetc%2Fpasswd', status: 404 },
      { path: '/glossary/files/..%5C..%5Cpackage.json', status: 404 },
      { path: '/glossary/files/.env', status: 404 },
      { path: '/glossary/files/glossary.yaml%00.txt', status: 404 },
      { path: '/glossary/files/GLOSSARY.yaml', status: 404 },
      { path: '/glossary/files/belarus.yaml', status: 404 },
      { path: '/glossary/files/glossary.yaml?version=7', status: 404 },
      { path: '/glossary/files/glossary.yaml?version=-1', status: 400 },
    ];
    for (const c of cases) {
      it(`${c.path} → ${c.status}`, async () => {
        const { app } = await makeAdminApp();
        const res = await request(app).get(c.path).expect(c.status);
        if (c.status === 200) {
          assert.equal(res.headers['content-disposition'], 'attachment; filename=glossary.yaml');
          assert.match(res.headers['content-type'] as string, /^application\/yaml; charset=utf-8/);
          assert.equal(res.text, BASE);
        } else {
          assert.doesNotMatch(res.text, /"name": "mt-review"|root:/);
        }
      });
    }

    it('serves the edited text after an edit, and the older version by number', async () => {
      const { app } = await makeAdminApp();
      const agent = await namedAgent(app);
      const { csrf, base } = await editor(agent);
      await agent.post('/glossary').type('form').send({ _csrf: csrf, base, name: 'glossary.yaml', text: BASE + PRESS_BUREAU }).expect(303);
      assert.equal((await agent.get('/glossary/files/glossary.yaml').expect(200)).text, BASE + PRESS_BUREAU);
      assert.equal((await agent.get('/glossary/files/glossary.yaml?version=1').expect(200)).text, BASE);
    });
  });

  describe('with accounts', () => {
    it('lets a reviewer read the glossary and download it, without an editor', async () => {
      const { app } = await makeAdminApp({ accounts: true });
      const { agent } = await signIn(app, 'bob');
      const page = await agent.get('/glossary').expect(200);
      assert.doesNotMatch(page.text, /<form method="post" action="\/glossary"/);
      assert.doesNotMatch(page.text, /<textarea/);
      assert.match(page.text, /Only admins can edit the glossary/);
      assert.match(page.text, /<pre class="glossary-text" tabindex="0" aria-labelledby="file-h-0">/);
      assert.doesNotMatch(page.text, /href="\/users"/, 'no users link for reviewers');
      await agent.get('/glossary/files/glossary.yaml').expect(200);
    });

    const writes: { who: 'alice' | 'bob' | null; csrf: boolean; status: number; saved: boolean }[] = [
      { who: 'alice', csrf: true, status: 303, saved: true },
      { who: 'alice', csrf: false, status: 403, saved: false },
      { who: 'bob', csrf: true, status: 403, saved: false },
      { who: 'bob', csrf: false, status: 403, saved: false },
      { who: null, csrf: true, status: 303, saved: false },
    ];
    for (const w of writes) {
      it(`POST /glossary as ${w.who ?? 'nobody'}${w.csrf ? '' : ' without a CSRF token'} → ${w.status}${w.saved ? ', saved' : ', nothing saved'}`, async () => {
        const { app, db } = await makeAdminApp({ accounts: true });
        let agent: ReturnType<typeof request.agent>;
        let csrf: string;
        if (w.who) ({ agent, csrf } = await signIn(app, w.who));
        else {
          agent = request.agent(app);
          csrf = csrfFrom((await agent.get('/login')).text);
        }
        const before = counts(db);
        const res = await agent.post('/glossary').type('form')
          .send({ ...(w.csrf ? { _csrf: csrf } : {}), base: '1', name: 'glossary.yaml', text: BASE + PRESS_BUREAU })
          .expect(w.status);
        if (w.who === null) assert.match(res.headers.location as string, /^\/login/);
        assert.equal(counts(db).versions, before.versions + (w.saved ? 1 : 0));
        if (w.saved) assert.equal(latestGlossaryVersion(db)!.createdBy, 'alice', 'the signed-in admin, never a name from the form');
      });
    }

    it('records the signed-in admin even when the form names someone else', async () => {
      const { app, db } = await makeAdminApp({ accounts: true });
      const { agent, csrf } = await signIn(app, 'alice');
      await agent.post('/glossary').type('form').send({ _csrf: csrf, base: '1', name: 'glossary.yaml', text: BASE + PRESS_BUREAU, reviewer: 'mallory' }).expect(303);
      assert.equal(latestGlossaryVersion(db)!.createdBy, 'alice');
      assert.equal(glossaryEvents(db).at(-1)!.actor, 'alice');
    });
  });

  it('asks for a name without accounts when the reviewer has none, keeping the text', async () => {
    const { app, db } = await makeAdminApp();
    const agent = request.agent(app);
    const page = await agent.get('/glossary').expect(200);
    assert.match(page.text, /<label for="glossary-reviewer">Your name/);
    const before = counts(db);
    const res = await agent.post('/glossary').type('form').send({ _csrf: csrfFrom(page.text), base: '1', name: 'glossary.yaml', text: BASE + PRESS_BUREAU }).expect(400);
    assert.match(res.text, /Enter your name before saving/);
    assert.equal(textareaValue(res.text, 'file-0'), BASE + PRESS_BUREAU);
    assert.deepEqual(counts(db), before);
    await agent.post('/glossary').type('form').send({ _csrf: csrfFrom(page.text), base: '1', name: 'glossary.yaml', text: BASE + PRESS_BUREAU, reviewer: 'Nora' }).expect(303);
    assert.equal(latestGlossaryVersion(db)!.createdBy, 'Nora');
  });
});

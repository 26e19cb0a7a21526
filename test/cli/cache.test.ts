/**
 * `check --cache`: what invalidates the result cache (and what deliberately does not), that a warm
 * run with every file cached never loads the glossary, and that a broken glossary still fails.
 * Observed through the `--debug` statistics line, never through timing.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeStamp } from '../../src/glossary/sources.js';
import { readGlossarySource } from '../../src/cli/glossary-source.js';
import { checkSequentially, loadFileTaskSync, type FileOutcome } from '../../src/cli/report.js';
import { createChecker } from '../../src/core/checker.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { GLOSSARY, runCli, SEED, tempDir } from './helpers.js';

/** `checked=… cached=… … glossary=…` from the debug line, without the counts that do not matter here. */
function stats(stderr: string): string {
  const m = /checked=(\d+) cached=(\d+) .*glossary=(\w+)/.exec(stderr);
  return m ? `checked=${m[1]} cached=${m[2]} glossary=${m[3]}` : stderr;
}

describe('check --cache', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());
  const at = (name: string): string => path.join(tmp.dir, name);
  const write = (name: string, content: string): void => {
    mkdirSync(path.dirname(at(name)), { recursive: true });
    writeFileSync(at(name), content);
  };
  const run = (args: string[]) => runCli(['check', '--cache', '--debug', ...args], { cwd: tmp.dir });

  /** A folder glossary (the CLI fixture) and two articles. */
  function setup(): void {
    mkdirSync(at('glossary'));
    copyFileSync(GLOSSARY, at('glossary/main.yaml'));
    write('a.txt', 'The new crown epidemic.');
    write('b.txt', 'Lukashenko said White is an ally.');
  }
  const base = ['--glossary', 'glossary', '-f', 'json', 'a.txt', 'b.txt'];

  describe('what re-checks and what does not, after a warm run', () => {
    const cases: { name: string; change?: () => void; args?: string[]; expect: string }[] = [
      { name: 'nothing changed: answered from the cache, glossary never loaded', expect: 'checked=0 cached=2 glossary=skipped' },
      { name: 'glossary only touched (same bytes)', change: () => utimesSync(at('glossary/main.yaml'), new Date(), new Date(Date.now() + 5000)), expect: 'checked=0 cached=2 glossary=skipped' },
      { name: 'a file that is not a glossary file added to the glossary folder', change: () => write('glossary/README.md', '# notes\n'), expect: 'checked=0 cached=2 glossary=skipped' },
      { name: 'output options (--quiet, --fail-on, another format that needs no rules)', args: ['--quiet', '--fail-on', 'never', '-f', 'stylish'], expect: 'checked=0 cached=2 glossary=skipped' },
      { name: 'a comment added to the glossary (same entries: still re-validated and re-checked)', change: () => write('glossary/main.yaml', `${readFileSync(GLOSSARY, 'utf8')}# a comment\n`), expect: 'checked=2 cached=0 glossary=loaded' },
      { name: 'a glossary entry changed', change: () => write('glossary/main.yaml', readFileSync(GLOSSARY, 'utf8').replace('[new crown]', '[new crowns]')), expect: 'checked=2 cached=0 glossary=loaded' },
      { name: 'a glossary file renamed', change: () => renameSync(at('glossary/main.yaml'), at('glossary/terms.yaml')), expect: 'checked=2 cached=0 glossary=loaded' },
      { name: 'a glossary file added', change: () => write('glossary/extra.tsv', 'term\tpreferred\nxyzzy\tplugh\n'), expect: 'checked=2 cached=0 glossary=loaded' },
      { name: 'another check selection', args: ['--disable', 'double-space'], expect: 'checked=2 cached=0 glossary=loaded' },
      { name: 'one article changed', change: () => write('a.txt', 'The new crown vaccine.'), expect: 'checked=1 cached=1 glossary=loaded' },
      { name: 'SARIF output: files cached, but the rules need the glossary', args: ['-f', 'sarif'], expect: 'checked=0 cached=2 glossary=loaded' },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        setup();
        const first = await run(base);
        assert.equal(stats(first.stderr), 'checked=2 cached=0 glossary=loaded');
        c.change?.();
        const second = await run([...base, ...(c.args ?? [])]);
        assert.equal(stats(second.stderr), c.expect);
        assert.notEqual(second.code, 2, second.stderr);
      });
    }

    it('a rebuilt tool (a compiled module with a new time) re-checks everything', async () => {
      setup();
      await run(base);
      const validated = (): number => readdirSync(at('.cache/mt-review')).filter((n) => n.startsWith('glossary-')).length;
      assert.equal(validated(), 1);
      const module = fileURLToPath(new URL('../../src/cli/jobs.js', import.meta.url));
      const before = statSync(module);
      try {
        utimesSync(module, before.atime, new Date(before.mtimeMs + 10_000));
        assert.equal(stats((await run(base)).stderr), 'checked=2 cached=0 glossary=loaded');
        assert.equal(validated(), 2, 'the validated glossary is keyed on the same stamp of the build');
      } finally {
        utimesSync(module, before.atime, before.mtime);
      }
      assert.equal(stats((await run(base)).stderr), 'checked=2 cached=0 glossary=loaded', 'the original build is another key again');
    });
  });

  it('a warm run prints byte-for-byte what the cold run printed, in every format', async () => {
    setup();
    copyFileSync(SEED, at('seed.txt'));
    const files = ['a.txt', 'b.txt', 'seed.txt'];
    for (const format of ['json', 'stylish', 'sarif', 'github', 'junit']) {
      const args = ['--glossary', 'glossary', '--cache-location', `cache-${format}`, '-f', format, ...files];
      const cold = await run(args);
      const warm = await run(args);
      assert.match(warm.stderr, /checked=0 cached=3/, format);
      assert.equal(warm.stdout, cold.stdout, format);
      assert.equal(warm.code, cold.code, format);
    }
  });

  it('a warm run applies the ignore file and --quiet to cached findings', async () => {
    setup();
    const cold = await run([...base, '--write-baseline']);
    assert.equal(cold.code, 0);
    write('c.txt', 'They oppose external forces.');
    const warm = await run([...base, 'c.txt']);
    assert.equal(stats(warm.stderr), 'checked=1 cached=2 glossary=loaded');
    const out = JSON.parse(warm.stdout) as { files: { path: string; findings: unknown[] }[]; summary: { suppressed: number; warnings: number } };
    assert.deepEqual(out.files.map((f) => [f.path, f.findings.length]), [['a.txt', 0], ['b.txt', 0], ['c.txt', 1]]);
    assert.ok(out.summary.suppressed > 0);
    const quiet = await run([...base, 'c.txt', '--quiet']);
    assert.equal(stats(quiet.stderr), 'checked=0 cached=3 glossary=skipped');
    assert.equal((JSON.parse(quiet.stdout) as { summary: { warnings: number } }).summary.warnings, 0);
  });

  describe('changed files', () => {
    const names = Array.from({ length: 10 }, (_, i) => `f${i}.txt`);
    const args = (jobs: string): string[] => ['--glossary', 'glossary', '-f', 'json', '-j', jobs, '--max-file-size', '100', ...names];
    for (const jobs of ['1', '2']) {
      it(`are checked as without the cache, and one that cannot be read is reported (-j ${jobs})`, async () => {
        mkdirSync(at('glossary'));
        copyFileSync(GLOSSARY, at('glossary/main.yaml'));
        for (const n of names) write(n, 'The new crown epidemic.');
        assert.equal(stats((await run(args(jobs))).stderr), 'checked=10 cached=0 glossary=loaded');
        for (const n of names) write(n, 'Lukashenko said White is an ally.');
        write('f3.txt', 'x'.repeat(200));
        const r = await run(args(jobs));
        assert.equal(r.code, 2);
        assert.equal(stats(r.stderr), 'checked=9 cached=0 glossary=loaded');
        assert.match(r.stderr, new RegExp(` workers=${jobs === '1' ? 0 : 2} `));
        assert.match(r.stderr, /^mt-review: f3\.txt: file is .* larger than --max-file-size/m);
        const plain = await runCli(['check', ...args(jobs)], { cwd: tmp.dir });
        assert.equal(r.stdout, plain.stdout);
      });
    }

    it('a file handed to checkSequentially already loaded is checked from those bytes, not read again', async () => {
      write('a.txt', 'The new crown epidemic.');
      const loaded = loadFileTaskSync({ index: 0, absPath: at('a.txt'), displayPath: 'a.txt', hash: true }, 1000);
      renameSync(at('a.txt'), at('gone.txt'));
      const outcomes: FileOutcome[] = [];
      const checker = createChecker(loadGlossary(GLOSSARY));
      await checkSequentially(checker, 1000, [loaded, { index: 1, absPath: at('a.txt'), displayPath: 'a.txt' }], (o) => outcomes.push(o));
      assert.deepEqual(outcomes.map((o) => [o.index, o.kind]), [[0, 'report'], [1, 'error']]);
      assert.ok(outcomes[0]!.kind === 'report' && outcomes[0]!.report.findings.length > 0);
    });
  });

  describe('a broken glossary', () => {
    const broken = (): void => write('glossary/main.yaml', '- id: x\n  terms: [new crown]\n  preferred: COVID-19\n  colour: red\n');

    it('fails the run (exit 2, file:line:col) even when every file is cached', async () => {
      setup();
      assert.equal(stats((await run(base)).stderr), 'checked=2 cached=0 glossary=loaded');
      const good = readFileSync(at('glossary/main.yaml'));
      broken();
      const r = await run(base);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^mt-review: .*main\.yaml:4:3: unknown field "colour"/);
      assert.equal(r.stdout, '');
      // Put back, the glossary is the validated one again: answered without loading it.
      writeFileSync(at('glossary/main.yaml'), good);
      assert.equal(stats((await run(base)).stderr), 'checked=0 cached=2 glossary=skipped');
    });

    it('fails every run while it stays broken, however many times it is run', async () => {
      setup();
      broken();
      for (let i = 0; i < 2; i++) {
        const r = await run(base);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /unknown field "colour"/);
      }
    });

    it('a glossary that cannot be read fails every run with the loader\'s one-line error, after a cached run too', async () => {
      setup();
      assert.equal(stats((await run(base)).stderr), 'checked=2 cached=0 glossary=loaded');
      renameSync(at('glossary/main.yaml'), at('glossary/main.yaml.bak'));
      for (let i = 0; i < 2; i++) {
        const r = await run(base);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /^mt-review: .*glossary: no glossary files \(\*\.yaml, \*\.yml, \*\.tsv\) in this directory\n/);
        assert.equal(r.stdout, '');
      }
    });

    it('a cache without the record of a validated glossary loads it (a cache file from an older layout)', async () => {
      setup();
      write('.cache/mt-review/results.json', '{"version":1,"config":"x","entries":{}}');
      assert.equal(stats((await run(base)).stderr), 'checked=2 cached=0 glossary=loaded');
    });
  });

  describe('a damaged cache file is ignored, never trusted', () => {
    const damages: { name: string; damage: (text: string) => string }[] = [
      { name: 'truncated inside an entry', damage: (t) => t.slice(0, t.length - 10) },
      { name: 'an entry whose length is wrong', damage: (t) => t.replace(/,(\d+)\]\n/, (_m, n: string) => `,${Number(n) + 1}]\n`) },
      { name: 'a header that is not JSON', damage: (t) => `{${t}` },
      { name: 'empty', damage: () => '' },
    ];
    for (const d of damages) {
      it(d.name, async () => {
        setup();
        await run(base);
        const cacheFile = at('.cache/mt-review/results.json');
        writeFileSync(cacheFile, d.damage(readFileSync(cacheFile, 'utf8')));
        const r = await run(base);
        assert.equal(stats(r.stderr), 'checked=2 cached=0 glossary=loaded');
        assert.equal(r.code, 1);
      });
    }
  });

  describe('the glossary fingerprint', () => {
    it('changes with any byte, name or file, and not with a file the loader ignores', () => {
      const dir = at('g');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'a.yaml'), 'x');
      const key = (): string => readGlossarySource(dir).key;
      const k0 = key();
      assert.equal(key(), k0, 'stable');
      writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
      assert.equal(key(), k0, 'a file the loader does not read');
      writeFileSync(path.join(dir, 'a.yaml'), 'y');
      const k1 = key();
      assert.notEqual(k1, k0, 'a byte');
      renameSync(path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'));
      assert.notEqual(key(), k1, 'a name');
      assert.notEqual(readGlossarySource(path.join(dir, 'b.yaml')).key, key(), 'one file is not the folder holding it');
      assert.notEqual(readGlossarySource(at('missing')).key, key());
      mkdirSync(at('empty'));
      assert.notEqual(readGlossarySource(at('empty')).key, readGlossarySource(at('missing')).key, 'each error its own key');
      const read = readGlossarySource(dir);
      assert.deepEqual('sources' in read ? read.sources.map((s) => s.file) : read.error, [path.join(dir, 'b.yaml')]);
    });
  });

  it('the code stamp changes when a compiled module changes, and not otherwise', () => {
    const dir = at('build');
    write('build/a.js', 'export {};');
    write('build/sub/b.js', 'export {};');
    write('build/notes.md', 'x');
    const s0 = codeStamp(dir, true);
    assert.equal(codeStamp(dir, true), s0);
    write('build/notes.md', 'changed');
    assert.equal(codeStamp(dir, true), s0, 'not a module');
    const top = codeStamp(dir);
    utimesSync(path.join(dir, 'sub', 'b.js'), new Date(), new Date(Date.now() + 10_000));
    assert.notEqual(codeStamp(dir, true), s0);
    assert.equal(codeStamp(dir), top, 'not recursive: the subfolder is not stamped');
  });
});

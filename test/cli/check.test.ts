import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CHECKS } from '../../src/checks/index.js';
import { checkUsage } from '../../src/cli/commands/check.js';
import { main } from '../../src/cli/main.js';
import { FIXTURES, GLOSSARY, runCli, SEED, spawnCli, tempDir } from './helpers.js';

interface JsonOut {
  files: { path: string; findings: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; match: string; fingerprint: string }[] }[];
  summary: { files: number; findings: number; errors: number; warnings: number; infos: number; suppressed: number };
}

/** The test glossary, and only the glossary check, so other checks' findings do not change these tables. */
const G = ['--glossary', GLOSSARY, '--enable', 'forbidden-term'];
const json = (stdout: string): JsonOut => JSON.parse(stdout) as JsonOut;
/** `line:column match` of every finding of the first file. */
const places = (out: JsonOut): string[] => out.files[0]!.findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.match}`);

describe('mt-review check', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());
  const file = (name: string, content: string | Buffer): string => {
    const p = path.join(tmp.dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  };

  describe('exit codes', () => {
    it('0: nothing to report (stdin, clean text; stdout empty)', async () => {
      const r = await runCli(['check', ...G, '-'], { stdin: 'Belarus and Russia met in Sochi.\n' });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
    });

    it('0: only findings below --fail-on (a warning with the default --fail-on error)', async () => {
      const r = await runCli(['check', ...G, '-'], { stdin: 'They oppose external forces.' });
      assert.equal(r.code, 0);
      assert.match(r.stdout, /<stdin>:1:13 +warning +Use “foreign forces” instead of “external forces”\. +forbidden-term\/external-forces/);
    });

    it('1: an error-level finding', async () => {
      const r = await runCli(['check', ...G, '-'], { stdin: 'The new crown epidemic.' });
      assert.equal(r.code, 1);
      assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
    });

    it('1: a warning with --fail-on warning; an info with --fail-on info', async () => {
      assert.equal((await runCli(['check', ...G, '--fail-on', 'warning', '-'], { stdin: 'They oppose external forces.' })).code, 1);
      assert.equal((await runCli(['check', ...G, '--fail-on', 'warning', '-'], { stdin: 'The Russian side said so.' })).code, 0);
      assert.equal((await runCli(['check', ...G, '--fail-on', 'info', '-'], { stdin: 'The Russian side said so.' })).code, 1);
    });

    it('0: --fail-on never, even with errors', async () => {
      const r = await runCli(['check', ...G, '--fail-on', 'never', '-'], { stdin: 'The new crown epidemic.' });
      assert.equal(r.code, 0);
      assert.match(r.stdout, /new crown/);
    });

    const usageCases: [string, string[], RegExp][] = [
      ['an unknown option', ['--frobnicate'], /^mt-review: check: unknown option '--frobnicate'; see `mt-review check --help`\n$/],
      ['an unknown format', ['--format', 'xml', 'corpus'], /unknown format "xml"/],
      ['an unknown --fail-on', ['--fail-on', 'fatal', 'corpus'], /unknown --fail-on "fatal"/],
      ['a bad --jobs', ['--jobs', '0', 'corpus'], /--jobs must be a positive integer/],
      ['a bad --max-file-size', ['--max-file-size', 'huge', 'corpus'], /invalid --max-file-size "huge"/],
      ['an unknown check id', ['--enable', 'no-such-check', 'corpus'], /unknown check "no-such-check"/],
      ['no input at all', [], /no input; give files, directories, globs, or - for standard input/],
      ['--fix with --write-baseline', ['--fix', '--write-baseline', 'corpus'], /cannot be combined/],
    ];
    for (const [what, args, message] of usageCases) {
      it(`2: ${what}`, async () => {
        const r = await runCli(['check', ...G, ...args]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, message);
        assert.equal(r.stderr.split('\n').length, 2, 'one line');
        assert.equal(r.stdout, '');
      });
    }

    it('2: a glossary that does not exist', async () => {
      const r = await runCli(['check', '--glossary', 'no/such/glossary', 'corpus']);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'mt-review: no/such/glossary: no such file or directory\n');
    });

    it('2: a broken glossary, with file:line:col', async () => {
      const bad = file('bad.yaml', '- id: x\n  terms: [new crown]\n  preferred: COVID-19\n  colour: red\n');
      const r = await runCli(['check', '--glossary', bad, 'corpus']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^mt-review: .*bad\.yaml:4:3: unknown field "colour"/);
      assert.equal(r.stderr.split('\n').length, 2);
    });

    it('spawned: exit 1 on the seed, 0 on clean stdin, 2 on a missing path, never a stack trace', () => {
      const seed = spawnCli(['check', ...G, 'corpus/']);
      assert.equal(seed.code, 1);
      assert.match(seed.stdout, /^corpus\/2020-09-14-putin-lukashenko-sochi-loan\.txt:11:1 /);
      const clean = spawnCli(['check', ...G, '-'], { stdin: 'Belarus is a close ally of Russia.' });
      assert.equal(clean.code, 0);
      assert.equal(clean.stdout, '');
      const missing = spawnCli(['check', ...G, 'no-such-file.txt']);
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'mt-review: no-such-file.txt: no such file or directory\n');
      assert.doesNotMatch(missing.stderr, /\n\s+at /);
    });

    it('spawned: --debug shows the stack of a tool error', () => {
      const r = spawnCli(['check', '--glossary', 'no/such/glossary', '--debug', 'corpus']);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^mt-review: no\/such\/glossary: no such file or directory\n/);
      assert.match(r.stderr, /\n\s+at /);
    });
  });

  describe('inputs', () => {
    it('walks a directory for *.txt (sorted, skipping dot-folders and node_modules); --ext changes the extensions', async () => {
      file('b.txt', 'x');
      file('a.txt', 'x');
      file('notes.md', 'x');
      file('sub/c.txt', 'x');
      file('.hidden/d.txt', 'x');
      file('node_modules/e.txt', 'x');
      const r = await runCli(['check', ...G, '-f', 'json', '.'], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['a.txt', 'b.txt', 'sub/c.txt']);
      const md = await runCli(['check', ...G, '-f', 'json', '--ext', 'md,.txt', '.'], { cwd: tmp.dir });
      assert.deepEqual(json(md.stdout).files.map((f) => f.path), ['a.txt', 'b.txt', 'notes.md', 'sub/c.txt']);
    });

    it('expands globs and takes an explicitly named file whatever its extension', async () => {
      file('x/one.txt', 'x');
      file('x/y/two.txt', 'x');
      file('x/three.md', 'x');
      const r = await runCli(['check', ...G, '-f', 'json', 'x/**/*.txt', 'x/three.md'], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['x/one.txt', 'x/y/two.txt', 'x/three.md']);
    });

    it('a glob matching nothing and a missing path are errors; the other inputs are still checked (exit 2)', async () => {
      file('ok.txt', 'The new crown epidemic.');
      const r = await runCli(['check', ...G, '-f', 'json', 'nothing/*.txt', 'missing.txt', 'ok.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'mt-review: nothing/*.txt: no files match this pattern\nmt-review: missing.txt: no such file or directory\n');
      const out = json(r.stdout);
      assert.deepEqual(out.files.map((f) => f.path), ['ok.txt']);
      assert.equal(out.summary.errors, 1);
    });

    it('refuses a binary file and invalid UTF-8 with one line each', async () => {
      file('bin.txt', Buffer.from([0x54, 0x68, 0x00, 0x01]));
      file('latin1.txt', Buffer.from('Line one\nCaf\xe9 new crown\n', 'latin1'));
      const r = await runCli(['check', ...G, 'bin.txt', 'latin1.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 2);
      assert.equal(
        r.stderr,
        'mt-review: bin.txt: binary file (NUL byte at offset 2); expected UTF-8 text\n' +
          'mt-review: latin1.txt:2: invalid UTF-8 at byte 12; save the file as UTF-8\n',
      );
      assert.equal(r.stdout, '');
    });

    it('strips a BOM and keeps columns right', async () => {
      file('bom.txt', '\ufeffThe new crown epidemic.');
      const r = await runCli(['check', ...G, '-f', 'json', 'bom.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 1);
      assert.deepEqual(places(json(r.stdout)), ['1:5-1:14 new crown']);
    });

    it('counts lines and columns right with CRLF (\\r is not a column of the next line)', async () => {
      file('crlf.txt', 'Putin met Lukashenko.\r\n\r\nWhite is an ally.\r\n  The new crown epidemic spread.\r\n');
      const r = await runCli(['check', ...G, '-f', 'json', 'crlf.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 1);
      assert.deepEqual(places(json(r.stdout)), ['3:1-3:6 White', '4:7-4:16 new crown']);
    });

    it('columns count UTF-16 code units (an astral character counts two)', async () => {
      file('emoji.txt', '😀 The new crown epidemic.');
      const r = await runCli(['check', ...G, '-f', 'json', 'emoji.txt'], { cwd: tmp.dir });
      assert.deepEqual(places(json(r.stdout)), ['1:8-1:17 new crown']);
    });

    it('an empty file is fine: no findings, exit 0', async () => {
      file('empty.txt', '');
      const r = await runCli(['check', ...G, '-f', 'json', 'empty.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.deepEqual(json(r.stdout).files, [{ path: 'empty.txt', findings: [] }]);
    });

    it('refuses a 100 MB file by its size without reading it (default limit 50MB)', async () => {
      const big = file('big.txt', '');
      truncateSync(big, 100 * 1024 * 1024); // sparse: no 100 MB written
      file('small.txt', 'The new crown epidemic.');
      const r = await runCli(['check', ...G, 'big.txt', 'small.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'mt-review: big.txt: file is 100MB, larger than --max-file-size 50MB\n');
      assert.match(r.stdout, /small\.txt:1:5/);
    });

    it('--max-file-size applies to files and to stdin', async () => {
      file('a.txt', 'x'.repeat(2048));
      const f = await runCli(['check', ...G, '--max-file-size', '1KB', 'a.txt'], { cwd: tmp.dir });
      assert.equal(f.code, 2);
      assert.equal(f.stderr, 'mt-review: a.txt: file is 2KB, larger than --max-file-size 1KB\n');
      const s = await runCli(['check', ...G, '--max-file-size', '10', '-'], { stdin: 'The new crown epidemic.' });
      assert.equal(s.code, 2);
      assert.equal(s.stderr, 'mt-review: <stdin>: input is larger than --max-file-size 10 bytes\n');
    });

    it('a directory named where a file is expected is walked, and one with no *.txt is simply empty', async () => {
      mkdirSync(path.join(tmp.dir, 'empty-dir'));
      const r = await runCli(['check', ...G, '-f', 'json', 'empty-dir'], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.deepEqual(json(r.stdout).files, []);
    });
  });

  describe('options', () => {
    it('--glossary defaults to ./glossary in the working directory, else the shipped glossary', async () => {
      const shipped = await runCli(['check', '--enable', 'forbidden-term', '-f', 'json', '-'], { cwd: tmp.dir, stdin: 'The new crown epidemic.' });
      assert.equal(shipped.code, 1, shipped.stderr);
      assert.equal(json(shipped.stdout).files[0]!.findings[0]!.match, 'new crown epidemic');
      file('glossary/local.tsv', 'term\tpreferred\nnew crown\tCOVID-19\n');
      const local = await runCli(['check', '--enable', 'forbidden-term', '-f', 'json', '-'], { cwd: tmp.dir, stdin: 'The new crown epidemic.' });
      assert.equal(local.code, 1, local.stderr);
      assert.deepEqual(json(local.stdout).files[0]!.findings.map((f) => `${f.ruleId} ${f.match}`), ['forbidden-term/tsv-new-crown new crown']);
    });

    it('--help prints the full usage with every option and exits 0', async () => {
      const r = await runCli(['check', '--help']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, checkUsage());
      for (const opt of ['--glossary', '--format', '--fail-on', '--fix', '--list-checks', '--enable', '--disable', '--ext', '--ignore-file', '--write-baseline', '--cache', '--cache-location', '--jobs', '--max-file-size', '--quiet', '--no-color', '--corrected', '--db', '--debug', '--help']) {
        assert.ok(r.stdout.includes(opt), opt);
      }
    });

    it('--list-checks prints every registered check; with --format json as an array', async () => {
      const t = await runCli(['check', '--list-checks']);
      assert.equal(t.code, 0);
      const lines = t.stdout.trimEnd().split('\n');
      assert.match(lines[0]!, /^id +category +severity +description$/);
      assert.deepEqual(lines.slice(1).map((l) => l.split(/ +/)[0]), CHECKS.map((c) => c.meta.id));
      const j = await runCli(['check', '--list-checks', '--format', 'json']);
      const rows = JSON.parse(j.stdout) as { id: string; category: string; severity: string; description: string }[];
      assert.deepEqual(rows, CHECKS.map((c) => ({ id: c.meta.id, category: c.meta.category, severity: c.meta.defaultSeverity, description: c.meta.description })));
    });

    it('--disable and --enable select checks', async () => {
      const off = await runCli(['check', '--glossary', GLOSSARY, '--disable', 'forbidden-term', '--disable', 'wrong-language', '-'], { stdin: 'The new crown epidemic.' });
      assert.equal(off.code, 0);
      assert.equal(off.stdout, '');
      const on = await runCli(['check', '--glossary', GLOSSARY, '--enable', 'forbidden-term,double-space', '-f', 'json', '-'], { stdin: 'The new crown  epidemic.' });
      assert.equal(on.code, 1);
      assert.deepEqual(json(on.stdout).files[0]!.findings.map((f) => f.ruleId), ['forbidden-term/new-crown', 'double-space']);
    });

    it('--quiet shows errors only', async () => {
      const r = await runCli(['check', ...G, '--quiet', '--fail-on', 'warning', '-f', 'json', SEED]);
      const out = json(r.stdout);
      assert.deepEqual([...new Set(out.files[0]!.findings.map((f) => f.severity))], ['error']);
      assert.equal(out.summary.warnings + out.summary.infos, 0);
      assert.equal(r.code, 1);
    });

    it('colours stylish output on a TTY only, never with NO_COLOR or --no-color', async () => {
      const stdin = 'The new crown epidemic.';
      assert.match((await runCli(['check', ...G, '-'], { stdin, isTTY: true })).stdout, /\x1b\[31m/);
      assert.doesNotMatch((await runCli(['check', ...G, '-'], { stdin, isTTY: false })).stdout, /\x1b\[/);
      assert.doesNotMatch((await runCli(['check', ...G, '-'], { stdin, isTTY: true, env: { NO_COLOR: '1' } })).stdout, /\x1b\[/);
      assert.doesNotMatch((await runCli(['check', ...G, '--no-color', '-'], { stdin, isTTY: true })).stdout, /\x1b\[/);
    });

    it('every format runs end to end on the seed with exit 1', async () => {
      for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
        const r = await runCli(['check', ...G, '--format', format, SEED]);
        assert.equal(r.code, 1, format);
        assert.ok(r.stdout.length > 0, format);
      }
    });

    it('reports the seed at the right lines and columns', async () => {
      const r = await runCli(['check', ...G, '-f', 'json', 'corpus/']);
      assert.deepEqual(places(json(r.stdout)), [
        '11:1-11:6 White',
        '17:5-17:14 new crown',
        '21:118-21:127 new crown',
        '29:69-29:84 White President',
        '35:1-35:17 The Russian side',
        '35:142-35:157 external forces',
      ]);
    });
  });

  describe('--fix', () => {
    it('writes the preferred renderings into a copy of the seed, keeps the rest, and reports what is left', async () => {
      const copy = path.join(tmp.dir, 'seed.txt');
      copyFileSync(SEED, copy);
      const r = await runCli(['check', ...G, '--fix', '-f', 'json', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.deepEqual(json(r.stdout).files[0]!.findings, []);
      const fixed = readFileSync(copy, 'utf8');
      const original = readFileSync(SEED, 'utf8');
      const expected = original
        .replace('White is a close ally', 'Belarus is a close ally')
        .replace('The new crown epidemic', 'The COVID-19 epidemic')
        .replace('new crown vaccine', 'COVID-19 vaccine')
        .replace('the White President', 'the Belarusian president')
        .replace('The Russian side has', 'Russia has')
        .replace('external forces', 'foreign forces');
      assert.equal(fixed, expected);
    });

    it('keeps a BOM and CRLF line ends', async () => {
      const p = file('crlf.txt', '\ufeffLukashenko spoke.\r\nThe new crown epidemic.\r\n');
      const r = await runCli(['check', ...G, '--fix', 'crlf.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.equal(readFileSync(p, 'utf8'), '\ufeffLukashenko spoke.\r\nThe COVID-19 epidemic.\r\n');
    });

    it('on stdin prints the fixed text to stdout', async () => {
      const r = await runCli(['check', ...G, '--fix', '-'], { stdin: 'Lukashenko said White is an ally. The new crown epidemic.\n' });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, 'Lukashenko said Belarus is an ally. The COVID-19 epidemic.\n');
      assert.equal(r.stderr, '');
    });

    it('leaves a file without fixes untouched', async () => {
      const p = file('clean.txt', 'Belarus is an ally.');
      const r = await runCli(['check', ...G, '--fix', 'clean.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.equal(readFileSync(p, 'utf8'), 'Belarus is an ally.');
    });
  });

  describe('ignore file (baseline)', () => {
    it('--write-baseline writes every finding deterministically; check then honours it', async () => {
      copyFileSync(SEED, path.join(tmp.dir, 'seed.txt'));
      const w = await runCli(['check', ...G, '--write-baseline', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(w.code, 0);
      assert.equal(w.stderr, 'mt-review: wrote 6 suppressions to .mt-review-ignore.json\n');
      const ignorePath = path.join(tmp.dir, '.mt-review-ignore.json');
      const first = readFileSync(ignorePath, 'utf8');
      const data = JSON.parse(first) as { version: number; suppressions: { file: string; ruleId: string; fingerprint: string; match: string; count: number }[] };
      assert.equal(data.version, 1);
      assert.deepEqual(data.suppressions.map((s) => `${s.file} ${s.ruleId} ${s.match} ${s.count}`).sort(), [
        'seed.txt forbidden-term/belarus-white White 1',
        'seed.txt forbidden-term/belarus-white White President 1',
        'seed.txt forbidden-term/external-forces external forces 1',
        'seed.txt forbidden-term/new-crown new crown 1',
        'seed.txt forbidden-term/new-crown new crown 1',
        'seed.txt forbidden-term/russian-side The Russian side 1',
      ]);
      const sorted = [...data.suppressions].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
      assert.deepEqual(data.suppressions, sorted, 'sorted by file, rule, fingerprint');

      await runCli(['check', ...G, '--write-baseline', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(readFileSync(ignorePath, 'utf8'), first, 'byte-identical on a second write');

      const r = await runCli(['check', ...G, '-f', 'json', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.equal(json(r.stdout).summary.suppressed, 6);
      assert.equal(json(r.stdout).summary.findings, 0);
    });

    it('survives edits elsewhere in the file and still catches new findings', async () => {
      const p = path.join(tmp.dir, 'seed.txt');
      copyFileSync(SEED, p);
      await runCli(['check', ...G, '--write-baseline', 'seed.txt'], { cwd: tmp.dir });
      writeFileSync(p, `A new first line about Lukashenko.\n\n${readFileSync(SEED, 'utf8')}\n\nThe new crown spread again.\n`);
      const r = await runCli(['check', ...G, '-f', 'json', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 1);
      const out = json(r.stdout);
      assert.equal(out.summary.suppressed, 6);
      assert.deepEqual(places(out), ['41:5-41:14 new crown']);
    });

    it('--ignore-file names another file; a missing one or invalid JSON is an error (exit 2)', async () => {
      copyFileSync(SEED, path.join(tmp.dir, 'seed.txt'));
      // The folder does not exist: writing fails with a one-line error.
      const w = await runCli(['check', ...G, '--write-baseline', '--ignore-file', 'ci/ignore.json', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(w.code, 2);
      assert.equal(w.stderr, 'mt-review: ci/ignore.json: cannot write the ignore file (no such file or directory)\n');
      mkdirSync(path.join(tmp.dir, 'ci'));
      assert.equal((await runCli(['check', ...G, '--write-baseline', '--ignore-file', 'ci/ignore.json', 'seed.txt'], { cwd: tmp.dir })).code, 0);
      const honoured = await runCli(['check', ...G, '--ignore-file', 'ci/ignore.json', '-f', 'json', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(honoured.code, 0);
      assert.equal(json(honoured.stdout).summary.suppressed, 6);
      const relKey = (JSON.parse(readFileSync(path.join(tmp.dir, 'ci/ignore.json'), 'utf8')) as { suppressions: { file: string }[] }).suppressions[0]!.file;
      assert.equal(relKey, '../seed.txt', 'paths are relative to the ignore file');

      const missing = await runCli(['check', ...G, '--ignore-file', 'nope.json', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'mt-review: nope.json: no such file or directory\n');
      file('broken.json', '{\n  "version": 1,\n  "suppressions": [}\n');
      const broken = await runCli(['check', ...G, '--ignore-file', 'broken.json', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /^mt-review: broken\.json(:3:\d+)?: invalid JSON in ignore file: \S/);
      assert.equal(broken.stderr.split('\n').length, 2, 'one line');
      file('shape.json', '{"version": 2, "suppressions": []}');
      const shape = await runCli(['check', ...G, '--ignore-file', 'shape.json', 'seed.txt'], { cwd: tmp.dir });
      assert.equal(shape.stderr, 'mt-review: shape.json: not an mt-review ignore file: "version" must be 1\n');
    });
  });

  describe('--cache', () => {
    const stats = (stderr: string): string => /checked=\d+ cached=\d+/.exec(stderr)?.[0] ?? stderr;

    it('does not re-check unchanged files, re-checks changed ones, and gives the same output', async () => {
      file('a.txt', 'The new crown epidemic.');
      file('b.txt', 'Lukashenko said White is an ally.');
      const args = ['check', ...G, '--cache', '--debug', '-f', 'json', 'a.txt', 'b.txt'];
      const first = await runCli(args, { cwd: tmp.dir });
      assert.equal(stats(first.stderr), 'checked=2 cached=0');
      const second = await runCli(args, { cwd: tmp.dir });
      assert.equal(stats(second.stderr), 'checked=0 cached=2');
      assert.equal(second.stdout, first.stdout);
      assert.equal(second.code, 1);
      file('b.txt', 'Belarus is an ally.');
      const third = await runCli(args, { cwd: tmp.dir });
      assert.equal(stats(third.stderr), 'checked=1 cached=1');
      assert.deepEqual(json(third.stdout).files.map((f) => f.findings.length), [1, 0]);
      // Stored under the default location.
      assert.ok(readFileSync(path.join(tmp.dir, '.cache', 'mt-review', 'results.json'), 'utf8').length > 0);
    });

    it('is invalidated by another glossary or check selection, and --cache-location moves it', async () => {
      file('a.txt', 'The new crown epidemic.');
      const base = ['check', '--cache', '--cache-location', 'c', '--debug', 'a.txt'];
      assert.equal(stats((await runCli([...base, ...G], { cwd: tmp.dir })).stderr), 'checked=1 cached=0');
      assert.equal(stats((await runCli([...base, ...G], { cwd: tmp.dir })).stderr), 'checked=0 cached=1');
      const tsv = path.join(FIXTURES, 'cli', 'glossary.tsv');
      assert.equal(stats((await runCli([...base, '--glossary', tsv, '--enable', 'forbidden-term'], { cwd: tmp.dir })).stderr), 'checked=1 cached=0');
      assert.equal(stats((await runCli([...base, ...G, '--disable', 'double-space'], { cwd: tmp.dir })).stderr), 'checked=1 cached=0');
      assert.ok(readFileSync(path.join(tmp.dir, 'c', 'results.json'), 'utf8').includes('"config"'));
    });

    it('ignores a corrupt cache file', async () => {
      file('a.txt', 'The new crown epidemic.');
      file('.cache/mt-review/results.json', '{not json');
      const r = await runCli(['check', ...G, '--cache', '--debug', 'a.txt'], { cwd: tmp.dir });
      assert.equal(r.code, 1);
      assert.equal(stats(r.stderr), 'checked=1 cached=0');
    });
  });

  describe('--jobs (worker threads)', () => {
    it('with many files, uses workers and gives exactly the single-threaded result', async () => {
      for (let i = 0; i < 12; i++) file(`f${String(i).padStart(2, '0')}.txt`, i % 3 === 0 ? `Item ${i}: the new crown epidemic.` : `Item ${i}: all clear.`);
      file('bad.txt', Buffer.from([0x00]));
      const one = await runCli(['check', ...G, '--jobs', '1', '--debug', '-f', 'json', '.'], { cwd: tmp.dir });
      const two = await runCli(['check', ...G, '--jobs', '2', '--debug', '-f', 'json', '.'], { cwd: tmp.dir });
      assert.match(one.stderr, /workers=0/);
      assert.match(two.stderr, /workers=2/);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.code, 2);
      assert.equal(json(two.stdout).files.length, 12);
      assert.equal(json(two.stdout).summary.errors, 4);
      assert.match(two.stderr, /mt-review: bad\.txt: binary file/);
    });

    it('--format json is written file by file, in input order, whatever order workers finish in', async () => {
      for (let i = 0; i < 12; i++) file(`f${String(i).padStart(2, '0')}.txt`, i % 3 === 0 ? `Item ${i}: the new crown epidemic.` : `Item ${i}: all clear.`);
      file('f05b.txt', Buffer.from([0x00])); // unreadable, between two readable files
      writeFileSync(path.join(tmp.dir, '.mt-review-ignore.json'), JSON.stringify({ version: 1, suppressions: [] }));
      for (const jobs of ['1', '2']) {
        const writes: string[] = [];
        const code = await main(['check', ...G, '--jobs', jobs, '-f', 'json', '.'], {
          stdout: { write: (c: string) => writes.push(c), isTTY: false },
          stderr: { write: () => true, isTTY: false },
          stdin: Readable.from([]),
          env: {},
          cwd: tmp.dir,
        });
        assert.equal(code, 2, `--jobs ${jobs}`);
        // One write per readable file as soon as it and every earlier file are done, then the summary.
        assert.equal(writes.length, 13, `--jobs ${jobs}`);
        const out = json(writes.join(''));
        assert.deepEqual(out.files.map((f: { path: string }) => f.path), Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`));
        assert.deepEqual(out.summary, { files: 12, findings: 4, errors: 4, warnings: 0, infos: 0, suppressed: 0 });
        assert.match(writes[0]!, /^\{\n {2}"files": \[\n {4}\{\n {6}"path": "f00\.txt"/);
      }
    });

    it('workers and cache together: the second run checks nothing and starts no worker', async () => {
      for (let i = 0; i < 10; i++) file(`f${i}.txt`, `Item ${i}: the new crown epidemic.`);
      const args = ['check', ...G, '--jobs', '2', '--cache', '--debug', '-f', 'json', '.'];
      const first = await runCli(args, { cwd: tmp.dir });
      const second = await runCli(args, { cwd: tmp.dir });
      assert.match(first.stderr, /checked=10 cached=0 workers=2/);
      assert.match(second.stderr, /checked=0 cached=10 workers=0/);
      assert.equal(second.stdout, first.stdout);
      for (let i = 0; i < 9; i++) file(`f${i}.txt`, `Item ${i}: the new crown vaccine.`);
      const third = await runCli(args, { cwd: tmp.dir });
      assert.match(third.stderr, /checked=9 cached=1 workers=2/);
      assert.equal(json(third.stdout).files.length, 10);
    });
  });

  describe('--corrected', () => {
    it('checks the corrected renderings from the review database, at the corrected text’s lines and columns', async () => {
      const { openStore } = await import('../../src/store/index.js');
      const { loadGlossary } = await import('../../src/glossary/load.js');
      const corpus = path.join(tmp.dir, 'corpus');
      mkdirSync(corpus);
      copyFileSync(SEED, path.join(corpus, path.basename(SEED)));
      const dbPath = path.join(tmp.dir, 'review.db');
      const store = openStore({ dbPath, glossary: loadGlossary(GLOSSARY), corpusDir: corpus, cwd: tmp.dir, env: {} });
      try {
        const article = store.getArticle(store.listArticles().items[0]!.id)!;
        const s = article.sentences.find((x) => x.mtText.startsWith('White is a close ally'))!;
        store.saveRevision({ articleId: article.summary.id, sentence: s.index, baseRevisionId: null, text: 'Belarus, a close ally of Russia, is White no more.', status: 'edited', reviewer: 'tester' });
      } finally {
        store.close();
      }
      const r = await runCli(['check', ...G, '--corrected', '--db', dbPath, '-f', 'json'], { cwd: tmp.dir });
      assert.equal(r.code, 1, r.stderr);
      const out = json(r.stdout);
      assert.equal(out.files.length, 1);
      assert.match(out.files[0]!.path, /2020-09-14-putin-lukashenko-sochi-loan\.txt$/);
      // Line 11 now reads "Belarus, a close ally of Russia, is White no more.": White at column 37.
      assert.deepEqual(places(out).filter((p) => p.startsWith('11:')), ['11:37-11:42 White']);
      assert.equal(places(out).length, 6);

      const bySlug = await runCli(['check', ...G, '--corrected', '--db', dbPath, '-f', 'json', '2020-09-14-putin-lukashenko-sochi-loan'], { cwd: tmp.dir });
      assert.equal(bySlug.stdout, r.stdout);
      const viaEnv = await runCli(['check', ...G, '--corrected', '-f', 'json'], { cwd: tmp.dir, env: { MT_REVIEW_DB: dbPath } });
      assert.equal(viaEnv.stdout, r.stdout);
      const unknown = await runCli(['check', ...G, '--corrected', '--db', dbPath, 'no-such-article'], { cwd: tmp.dir });
      assert.equal(unknown.code, 2);
      assert.equal(unknown.stderr.split('\n').length, 2, 'one line');
    });

    it('a missing database is a one-line error (exit 2)', async () => {
      const r = await runCli(['check', ...G, '--corrected', '--db', 'none.db'], { cwd: tmp.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^mt-review: \S*none\.db: no such database/);
      assert.equal(r.stderr.split('\n').length, 2);
    });
  });
});

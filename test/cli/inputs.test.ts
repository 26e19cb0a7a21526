import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { displayPath, formatSize, parseSize, walkDirectory } from '../../src/cli/inputs.js';
import { tempDir } from './helpers.js';

describe('inputs', () => {
  it('parses sizes in bytes and powers of 1024, and refuses nonsense', () => {
    assert.equal(parseSize('1000'), 1000);
    assert.equal(parseSize('512k'), 512 * 1024);
    assert.equal(parseSize('50MB'), 50 * 1024 * 1024);
    assert.equal(parseSize('1.5G'), 1.5 * 1024 ** 3);
    assert.equal(parseSize('2 KiB'), 2048);
    assert.throws(() => parseSize('lots'), /invalid size "lots"/);
    assert.throws(() => parseSize('-1MB'));
  });

  it('formats sizes the way they parse back', () => {
    for (const n of [10, 1024, 50 * 1024 * 1024, 3 * 1024 ** 3, 1500]) assert.equal(parseSize(formatSize(n).replace(' bytes', '')), n);
  });

  it('shows paths relative to the working directory with forward slashes', () => {
    assert.equal(displayPath('/repo/corpus/a.txt', '/repo'), 'corpus/a.txt');
    assert.equal(displayPath('/elsewhere/a.txt', '/repo'), '../elsewhere/a.txt');
  });

  describe('walkDirectory finds what the glob it replaces finds', () => {
    let tmp: ReturnType<typeof tempDir>;
    before(() => {
      tmp = tempDir();
      const files = [
        'a.txt', 'b.md', 'c.TXT', 'd.txt.bak', 'e.txtx', 'ftxt', '.hidden.txt', 'sub/g.txt', 'sub/deeper/h.txt',
        '.dot/i.txt', 'sub/.dot/j.txt', 'node_modules/k.txt', 'sub/node_modules/l.txt', 'node_modulesx/m.txt', 'sp ace/n.txt', 'ünï/o.txt',
      ];
      for (const f of files) {
        mkdirSync(path.dirname(path.join(tmp.dir, f)), { recursive: true });
        writeFileSync(path.join(tmp.dir, f), 'x');
      }
      symlinkSync(path.join(tmp.dir, 'a.txt'), path.join(tmp.dir, 'link.txt'));
      symlinkSync(path.join(tmp.dir, 'missing.txt'), path.join(tmp.dir, 'dangling.txt'));
    });
    after(() => tmp.cleanup());
    for (const exts of [['txt'], ['txt', 'md'], ['md'], ['bak']]) {
      it(`--ext ${exts.join(',')}`, async () => {
        const pattern = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
        const expected = (await glob([pattern], { cwd: tmp.dir, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false })).map((f) => path.resolve(f)).sort();
        assert.deepEqual(walkDirectory(tmp.dir, exts).sort(), expected);
      });
    }
  });
});

/**
 * `mt-review serve`: start-up summary and URL, graceful shutdown on SIGTERM, and one-line errors
 * with exit code 2 when it cannot start.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { ROOT } from './support/app.js';

/** An in-memory CLI IO rooted at the repository. */
function memoryIO(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (c: string) => { out += c; return true; } },
    stderr: { write: (c: string) => { err += c; return true; } },
    stdin: new PassThrough(),
    env: {},
    cwd: ROOT,
  };
  return { io, out: () => out, err: () => err };
}

describe('mt-review serve', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'mt-review-serve-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its options with --help', async () => {
    const { io, out } = memoryIO();
    assert.equal(await main(['serve', '--help'], io), 0);
    assert.match(out(), /--port PORT/);
    assert.match(out(), /default: \$HOST, else 127\.0\.0\.1/);
  });

  it('refuses a bad port with one line and exit code 2', async () => {
    const { io, err } = memoryIO();
    assert.equal(await main(['serve', '--port', 'eighty'], io), 2);
    assert.equal(err(), 'mt-review: --port must be a number from 0 to 65535, not "eighty"\n');
  });

  it('treats an empty HOST as unset: loopback, never every address', async () => {
    const { io, err } = memoryIO();
    io.env = { HOST: '', PORT: 'x' };
    assert.equal(await main(['serve'], io), 2);
    assert.match(err(), /--port must be a number/, 'PORT= set to junk is still read');
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const second = memoryIO();
      second.io.env = { HOST: '', PORT: String(port) };
      assert.equal(await main(['serve', '--db', join(dir, 'review.db')], second.io), 2);
      assert.equal(second.err(), `mt-review: cannot listen on 127.0.0.1:${port}: the address is already in use\n`);
    } finally {
      blocker.close();
    }
  });

  it('reports a port in use with one line and exit code 2', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { io, err } = memoryIO();
      assert.equal(await main(['serve', '--port', String(port), '--db', join(dir, 'review.db')], io), 2);
      assert.equal(err(), `mt-review: cannot listen on 127.0.0.1:${port}: the address is already in use\n`);
    } finally {
      blocker.close();
    }
  });

  it('reports a database it cannot create with one line and exit code 2', async () => {
    writeFileSync(join(dir, 'file'), 'not a folder');
    const { io, err } = memoryIO();
    assert.equal(await main(['serve', '--port', '0', '--db', join(dir, 'file', 'review.db')], io), 2);
    assert.equal(err().split('\n').length, 2, 'one line');
    assert.equal(err(), `mt-review: ${join(dir, 'file')}: cannot create the database folder: a file is in the way\n`);
  });

  it('imports the corpus, prints the URL, serves, and shuts down cleanly on SIGTERM', async function () {
    this.timeout(30_000);
    const db = join(dir, 'data', 'review.db');
    const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'serve', '--port', '0', '--db', db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    });
    assert.match(out, /mt-review: corpus corpus: 1 added, 0 updated, 0 unchanged, 0 errors\n/);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Putin and Lukashenko meet/);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
    assert.match(out, /SIGTERM: finishing requests, closing the database/);
    assert.ok(existsSync(db), 'the database folder was created');
    assert.equal(err, '');
  });
});

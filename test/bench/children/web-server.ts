/**
 * Bench child: serves either the review app over an existing database (`app <db> <glossary>`) or a
 * bare Express JSON endpoint (`bare`) on an ephemeral local port, prints `{"port": N}` and runs until
 * it is sent SIGTERM.
 */
import type { Server } from 'node:http';
import express from 'express';
import { loadGlossary } from '../../../src/glossary/load.js';
import { openStore } from '../../../src/store/index.js';
import { createApp } from '../../../src/web/app.js';

const [mode, dbPath, glossaryPath] = process.argv.slice(2);
let server: Server;
let close = (): void => {};
if (mode === 'bare') {
  const app = express();
  app.set('x-powered-by', false);
  // The least an Express JSON endpoint does: parse a JSON body when there is one and answer JSON.
  app.all('/json', express.json(), (req, res) => {
    res.json({ ok: true, text: (req.body as { text?: string } | undefined)?.text ?? null });
  });
  server = app.listen(0, '127.0.0.1');
} else if (mode === 'app' && dbPath && glossaryPath) {
  // As `mt-review serve` opens it.
  const store = openStore({ dbPath, glossary: loadGlossary(glossaryPath), backgroundCheckpoints: true });
  const app = createApp({ store, log: () => {} });
  server = app.listen(0, '127.0.0.1');
  close = () => store.close();
} else {
  throw new Error('usage: web-server.js bare | app <db> <glossary>');
}
server.on('listening', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  close();
  process.exit(0);
});

/**
 * Baseline child: the naive loop — one RegExp per term, each run over every file. Prints counts
 * as JSON.
 */
import { readFileSync } from 'node:fs';
import { escapeRegExp } from '../generate.js';
import { readInput } from './files.js';

const { terms, files } = readInput(process.argv.slice(2));
const compiled = terms.map((t) => ({ origin: t.origin, re: new RegExp(`\\b${escapeRegExp(t.text)}\\b`, t.caseSensitive ? 'gu' : 'giu') }));
let bytes = 0;
const counts: Record<string, number> = { synthetic: 0, shipped: 0 };
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  for (const { origin, re } of compiled) {
    re.lastIndex = 0;
    while (re.exec(text) !== null) counts[origin] = (counts[origin] ?? 0) + 1;
  }
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, matches: counts.synthetic! + counts.shipped!, ...counts }));

/**
 * Baseline child: one combined-alternation RegExp over every term, sorted longest-first, run once
 * over each file — the practical limit for this kind of matching in Node. Prints counts as JSON.
 */
import { readFileSync } from 'node:fs';
import { escapeRegExp } from '../generate.js';
import { readInput } from './files.js';

const { terms, files } = readInput(process.argv.slice(2));
const origin = new Map<string, string>();
for (const t of terms) origin.set(t.text.toLowerCase(), t.origin);
const sorted = [...new Set(terms.map((t) => t.text))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const re = new RegExp(`\\b(?:${sorted.map(escapeRegExp).join('|')})\\b`, 'giu');
let bytes = 0;
const counts: Record<string, number> = { synthetic: 0, shipped: 0 };
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  for (const m of text.matchAll(re)) {
    const o = origin.get(m[0].toLowerCase()) ?? 'shipped';
    counts[o] = (counts[o] ?? 0) + 1;
  }
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, matches: counts.synthetic! + counts.shipped!, ...counts }));

/**
 * Parsing a two-column TSV glossary (Okapi blacklist style): `wrong rendering<TAB>preferred rendering`.
 * Pure: takes the file's name and text.
 */
import { MtReviewError } from '../core/types.js';
import type { ParsedEntry } from './parse-yaml.js';
import { termProblem } from './validate.js';

const HEADER_WRONG = new Set(['term', 'wrong', 'forbidden', 'avoid', 'source', 'blacklist', 'blacklisted', 'incorrect', 'bad']);
const HEADER_RIGHT = new Set(['preferred', 'suggestion', 'replacement', 'use', 'correct', 'target', 'good']);

/** A kebab-case id from a term (`new crown` → `new-crown`); empty when the term has no ASCII letters or digits. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Parses a TSV glossary: one entry per row (id `tsv-<slug>`, or `tsv-line-N` when the term has no
 * ASCII letters), severity error, case-insensitive. Blank lines and lines starting with `#` are
 * skipped; a first row such as `term<TAB>preferred` is taken as a header.
 */
export function parseGlossaryTsv(file: string, text: string): ParsedEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const parsed: ParsedEntry[] = [];
  const seen = new Map<string, number>();
  let firstRow = true;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const cells = line.split('\t');
    const fail = (message: string, column = 1): never => {
      throw new MtReviewError('glossary', message, { file, line: lineNo, column });
    };
    const columnOf = (cell: number) => cells.slice(0, cell).reduce((n, c) => n + c.length + 1, 1);
    if (cells.length === 1) fail('expected two tab-separated columns (wrong rendering, preferred rendering), found one');
    if (cells.length > 2) fail(`expected two tab-separated columns, found ${cells.length}`, columnOf(2));
    const wrong = cells[0]!.trim();
    const right = cells[1]!.trim();
    if (firstRow) {
      firstRow = false;
      if (HEADER_WRONG.has(wrong.toLowerCase()) && HEADER_RIGHT.has(right.toLowerCase())) return;
    }
    if (wrong === '') fail('the wrong rendering (first column) is empty');
    if (right === '') fail(`the preferred rendering (second column) of "${wrong}" is empty`, columnOf(1));
    const problem = termProblem(wrong);
    if (problem) fail(`term "${wrong}" ${problem}`);
    const slug = slugOf(wrong);
    const id = slug ? `tsv-${slug}` : `tsv-line-${lineNo}`;
    const first = seen.get(id);
    if (first !== undefined) fail(`duplicate term "${wrong}" (first at line ${first})`);
    seen.set(id, lineNo);
    const location = { file, line: lineNo, column: 1 };
    parsed.push({
      entry: {
        id,
        terms: [{ text: wrong, replacement: right, caseSensitive: false }],
        preferred: [right],
        note: '',
        severity: 'error',
        category: 'terminology',
        exceptions: [],
        context: [],
        examples: { flag: [], pass: [] },
        source: location,
      },
      locate: () => location,
    });
  });
  return parsed;
}

/**
 * List markers (`- `, `• `, `1. `, `2) `, `a) `, `(3) `) at the start of a line or a sentence.
 */
import { isDigit, isSpace } from './chars.js';

/** A recognised list marker. */
export interface ListMarker {
  /** Offset just past the marker (before the white space that follows it). */
  end: number;
  /** The marker's shape: `b` + bullet code, or `n`/`a` (number/letter) + its punctuation (`n.`, `a)`). */
  kind: string;
  /** The number, or the letter's code lower-cased; 0 for bullets. */
  value: number;
}

/** Bullets that need a space after them, because they also occur inside words (`-5`, `*bold*`). */
function isSpacedBullet(c: number): boolean {
  return c === 0x2d || c === 0x2a || c === 0x2013;
}

/** Bullets that are never anything else, so `⁃9.` is a marker too. */
function isBullet(c: number): boolean {
  switch (c) {
    case 0x2022: case 0x2023: case 0x25e6: case 0x2043: case 0x25aa: case 0x25cf: case 0x25cb:
    case 0x25a0: case 0x25a1: case 0xb7: case 0x27a2: case 0x25ba: case 0x25b8: case 0x2219:
      return true;
    default:
      return false;
  }
}

/**
 * Recognises a list marker at `pos` (which must not be white space), or returns null.
 * A letter marker needs a parenthesis (`a)`) unless `letterDot` allows `a.` too.
 */
export function matchListMarker(text: string, pos: number, end: number, letterDot: boolean): ListMarker | null {
  if (pos >= end) return null;
  const c = text.charCodeAt(pos);
  if (isSpacedBullet(c) || isBullet(c)) {
    let p = pos + 1;
    if (p >= end) return null;
    if (isSpacedBullet(c) && !isSpace(text.charCodeAt(p))) return null;
    // A bullet may carry a number after it: `• 9. The first item`, `⁃9. The first item`.
    let q = p;
    while (q < end && q - p < 4 && isSpace(text.charCodeAt(q)) && !isLineBreakAt(text, q)) q++;
    const numbered = matchEnumerator(text, q, end, false);
    if (numbered) p = numbered.end;
    return { end: p, kind: 'b' + c, value: 0 };
  }
  return matchEnumerator(text, pos, end, letterDot);
}

function isLineBreakAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x0a || c === 0x0d;
}

/** `1.`, `1)`, `1.)`, `(1)`, `a)`, `(a)`, and `a.` when allowed; must be followed by white space. */
function matchEnumerator(text: string, pos: number, end: number, letterDot: boolean): ListMarker | null {
  let p = pos;
  const paren = text.charCodeAt(p) === 0x28;
  if (paren) p++;
  let value = 0;
  let kind: string;
  const start = p;
  while (p < end && p - start < 4 && isDigit(text.charCodeAt(p))) {
    value = value * 10 + (text.charCodeAt(p) & 0xf);
    p++;
  }
  if (p > start) {
    if (p - start > 3) return null;
    kind = 'n';
  } else {
    const c = p < end ? text.charCodeAt(p) : 0;
    const lower = c | 0x20;
    if (lower < 0x61 || lower > 0x7a) return null;
    value = lower;
    p++;
    kind = 'a';
  }
  const c1 = p < end ? text.charCodeAt(p) : 0;
  const c2 = p + 1 < end ? text.charCodeAt(p + 1) : 0;
  let form: string;
  if (c1 === 0x2e && c2 === 0x29) form = '.)';
  else if (c1 === 0x29) form = ')';
  else if (c1 === 0x2e && !paren) form = '.';
  else return null;
  if (kind === 'a' && form === '.' && !letterDot) return null;
  p += form.length;
  if (p >= end || !isSpace(text.charCodeAt(p))) return null;
  return { end: p, kind: (paren ? '(' : '') + kind + form, value };
}

/** True when `next` continues the list that `first` began: same shape, and the next number or letter. */
export function continuesList(first: ListMarker, next: ListMarker, previousValue: number): boolean {
  if (first.kind !== next.kind) return false;
  return first.kind.charCodeAt(0) === 0x62 /* b */ || next.value === previousValue + 1;
}

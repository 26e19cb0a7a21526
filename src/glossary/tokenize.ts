/**
 * Tokenizing text for the glossary matcher: one pass, words only, with the gap before each word.
 *
 * A word is a run of letters, digits and combining marks, with internal apostrophes (`don't`).
 * Hyphens and dashes are separators that count as white space, so `new-crown` ≡ `new crown`.
 * The gap between two words is normalised: white space and hyphens vanish, other punctuation stays
 * (`Mr. White` has the gap `.`); a gap of only white space and hyphens is a single space; a gap
 * containing a blank line is `\n`, which no glossary phrase can bridge.
 */

/** The tokens of one text, as parallel arrays (cheap to build, cheap to walk). */
export interface Tokens {
  /** Number of word tokens. */
  length: number;
  /** Offset of each word's first character. */
  start: number[];
  /** Offset one past each word's last character, possessive suffix included. */
  end: number[];
  /** Lower-cased word, typographic apostrophes folded to `'`, possessive suffix removed. */
  key: string[];
  /** The possessive suffix as written (`'s`, `’s`, or `'`/`’` after a final s), else ``. */
  poss: string[];
  /** Normalised gap before each word (see the module comment); the first word's gap is ` `. */
  gap: string[];
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

/** Whether the code point is part of a word. */
function isWordCode(c: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  return NON_ASCII_WORD.test(String.fromCodePoint(c));
}

/** Whether the UTF-16 unit is an apostrophe (straight or typographic). */
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Whether the UTF-16 unit is a hyphen or dash that joins words like white space (not the em dash). */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013;
}

/** Whether the UTF-16 unit is white space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000 || c === 0x202f || (c >= 0x2000 && c <= 0x200b);
}

/** Normalises the text between two words (see the module comment). */
export function normaliseGap(text: string, from: number, to: number): string {
  if (to - from === 1 && text.charCodeAt(from) === 0x20) return ' ';
  let out = '';
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) newlines++;
    else if (isSpace(c) || isHyphen(c)) continue;
    else out += text[i];
  }
  if (newlines >= 2) return '\n';
  return out === '' ? ' ' : out;
}

/** Splits a text into word tokens with normalised keys, possessives and gaps, in one pass. */
export function tokenize(text: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  const key: string[] = [];
  const poss: string[] = [];
  const gap: string[] = [];
  const n = text.length;
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_WORD[c] === 0) {
        i++;
        continue;
      }
    } else {
      c = text.codePointAt(i)!;
      if (!isWordCode(c)) {
        i += c > 0xffff ? 2 : 1;
        continue;
      }
    }
    const s = i;
    // Scan the word: word characters, plus apostrophes between word characters.
    for (;;) {
      i += c > 0xffff ? 2 : 1;
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c < 128 && ASCII_WORD[c] === 1) continue;
      if (c >= 128) c = text.codePointAt(i)!;
      if (isWordCode(c)) continue;
      if (isApostrophe(c) && i + 1 < n && isWordCode(text.codePointAt(i + 1)!)) {
        c = text.codePointAt(i + 1)!;
        i += 1;
        continue;
      }
      break;
    }
    let e = i;
    let suffix = '';
    let coreEnd = e;
    const last = text.charCodeAt(e - 1);
    if (e - s > 2 && (last === 0x73 || last === 0x53) && isApostrophe(text.charCodeAt(e - 2))) {
      // `White's`, `WHITE'S`: the suffix is not part of the key.
      suffix = text.slice(e - 2, e);
      coreEnd = e - 2;
    } else if ((last === 0x73 || last === 0x53) && e < n && isApostrophe(text.charCodeAt(e)) && !(e + 1 < n && isWordCode(text.codePointAt(e + 1)!))) {
      // `crowns'`: the plural possessive apostrophe follows the word.
      suffix = text[e]!;
      e += 1;
      i = e;
    }
    let k = text.slice(s, coreEnd).toLowerCase();
    if (k.includes('’')) k = k.replace(/’/g, "'");
    gap.push(prevEnd < 0 ? ' ' : normaliseGap(text, prevEnd, s));
    start.push(s);
    end.push(e);
    key.push(k);
    poss.push(suffix);
    prevEnd = e;
  }
  return { length: start.length, start, end, key, poss, gap };
}

/** Whether the UTF-16 unit is white space (exported for lead/trail punctuation checks). */
export function isSpaceCode(c: number): boolean {
  return isSpace(c);
}

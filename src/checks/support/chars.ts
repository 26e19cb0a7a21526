/**
 * Unicode character classes for the checks' hand-written scanners, with the exact meaning of the
 * `u`-flag regular expressions they replace (`\p{L}`, `\p{M}`, `\p{N}`, `\p{Lu}`, `\p{Ll}`): each
 * class is decided by that very regular expression the first time a code point is seen, then read
 * from a table. A scanner that looks one character back or ahead uses `codePointBefore` and
 * `codePointAt`, which read surrogate pairs as one code point, as a `u` regex does. `isAscii` is
 * the checks' one test for text that needs no Unicode handling at all.
 */

/** `\p{L}`: a letter. */
export const LETTER = 1;
/** `\p{M}`: a combining mark. */
export const MARK = 2;
/** `\p{N}`: a number. */
export const NUMBER = 4;
/** `\p{Lu}`: an upper-case letter. */
export const UPPER = 8;
/** `\p{Ll}`: a lower-case letter. */
export const LOWER = 16;

const TESTS: readonly [number, RegExp][] = [
  [LETTER, /^\p{L}$/u],
  [MARK, /^\p{M}$/u],
  [NUMBER, /^\p{N}$/u],
  [UPPER, /^\p{Lu}$/u],
  [LOWER, /^\p{Ll}$/u],
];

/** Bit 128 marks a computed entry of the BMP table. */
const KNOWN = 128;
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

/** Decides the classes of one code point with the regular expressions themselves. */
function compute(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let bits = 0;
  for (const [bit, re] of TESTS) if (re.test(ch)) bits |= bit;
  return bits;
}

/** The class bits of a code point (0 for -1, "no character"). */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    if (cp < 0) return 0;
    const v = bmp[cp]!;
    if (v !== 0) return v & ~KNOWN;
    const bits = compute(cp);
    bmp[cp] = bits | KNOWN;
    return bits;
  }
  let bits = astral.get(cp);
  if (bits === undefined) astral.set(cp, (bits = compute(cp)));
  return bits;
}

/** The class bits of the ASCII characters, by code. */
const ASCII_CLASSES: Uint8Array = Uint8Array.from({ length: 0x80 }, (_, c) => classOf(c));

/**
 * The end of the run of code points of class `mask` (any of its bits) that starts at `i`, or `i`
 * when none starts there.
 */
export function runEnd(text: string, i: number, mask: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!(ASCII_CLASSES[c]! & mask)) break;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (!(classOf(cp) & mask)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** The code point that starts at `i` (a surrogate pair read as one), or -1 past the end. */
export function codePointAt(text: string, i: number): number {
  return i < text.length ? text.codePointAt(i)! : -1;
}

/** The code point that ends just before `i` (a surrogate pair read as one), or -1 at the start. */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** UTF-16 length of a code point (2 for astral ones). */
export function widthOf(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * True when every code unit of `text.slice(start, end)` is ASCII. A whole text is tested with one
 * regular expression (faster than a loop over a long sentence); a range, such as a
 * word, with a loop, so nothing is sliced.
 */
export function isAscii(text: string, start = 0, end = text.length): boolean {
  if (start === 0 && end === text.length) return !NON_ASCII.test(text);
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

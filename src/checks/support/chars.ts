/**
 * Unicode character classes for the checks' hand-written scanners, with the exact meaning of the
 * `u`-flag regular expressions they replace (`\p{L}`, `\p{Lu}`, `\p{Script=Latin}`, …): each class
 * is decided by that very regular expression the first time a code point is seen, then read from
 * a table. A scanner that looks one character back or ahead uses `codePointBefore` and
 * `codePointAt`, which read surrogate pairs as one code point, as a `u` regex does.
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
/** `\p{Script=Latin}`. */
export const LATIN = 32;
/** `\p{L}` that is not `\p{Script=Latin}`. */
export const NON_LATIN_LETTER = 64;

const TESTS: readonly [number, RegExp][] = [
  [LETTER, /^\p{L}$/u],
  [MARK, /^\p{M}$/u],
  [NUMBER, /^\p{N}$/u],
  [UPPER, /^\p{Lu}$/u],
  [LOWER, /^\p{Ll}$/u],
  [LATIN, /^\p{Script=Latin}$/u],
  [NON_LATIN_LETTER, /^(?!\p{Script=Latin})\p{L}$/u],
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
export const ASCII_CLASSES: Uint8Array = Uint8Array.from({ length: 0x80 }, (_, c) => classOf(c));

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

/** True when every code unit of `text` is ASCII. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

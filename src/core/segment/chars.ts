/**
 * Character classes for the sentence segmenter, on UTF-16 code units (no string allocation).
 */

const LOWER = /\p{Ll}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LETTER = /\p{L}/u;

/** True for exactly the code units `String.prototype.trim` removes (so trimmed text is `trim()`-stable). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** True for the two line-ending code units, CR and LF. */
export function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** True for an ASCII digit or a full-width digit. */
export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** True for a lower-case letter (ASCII fast path; other BMP letters by Unicode category). */
export function isLower(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return c < 0xd800 || c > 0xdfff ? LOWER.test(String.fromCharCode(c)) : false;
}

/** True for an upper-case or title-case letter (ASCII fast path; other BMP letters by category). */
export function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return c < 0xd800 || c > 0xdfff ? UPPER.test(String.fromCharCode(c)) : false;
}

/** True for any letter (ASCII fast path; other BMP letters by category). */
export function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return c < 0xd800 || c > 0xdfff ? LETTER.test(String.fromCharCode(c)) : false;
}

/** True for a character that may open a quotation or parenthesis before a sentence's first word. */
export function isOpener(c: number): boolean {
  switch (c) {
    case 0x22: case 0x27: case 0x28: case 0x5b: case 0x7b: case 0x60: // " ' ( [ { `
    case 0x201c: case 0x2018: case 0x201e: case 0x201a: case 0xab: case 0x2039: // “ ‘ „ ‚ « ‹
    case 0xbf: case 0xa1: // ¿ ¡
    case 0x300c: case 0x300e: case 0x300a: case 0xff08: case 0x3010: // 「 『 《 （ 【
      return true;
    default:
      return false;
  }
}

/** True for a character that may close a quotation or parenthesis after a sentence's last mark. */
export function isCloser(c: number): boolean {
  switch (c) {
    case 0x22: case 0x27: case 0x29: case 0x5d: case 0x7d: // " ' ) ] }
    case 0x201d: case 0x2019: case 0xbb: case 0x203a: // ” ’ » ›
    case 0x300d: case 0x300f: case 0x300b: case 0xff09: case 0x3011: // 」 』 》 ） 】
      return true;
    default:
      return false;
  }
}

/** Change in CJK bracket depth this character makes: +1 for 「『《（【, -1 for their closers, else 0. */
export function cjkDepthDelta(c: number): number {
  switch (c) {
    case 0x300c: case 0x300e: case 0x300a: case 0xff08: case 0x3010:
      return 1;
    case 0x300d: case 0x300f: case 0x300b: case 0xff09: case 0x3011:
      return -1;
    default:
      return 0;
  }
}

/** True for `?`, `!` and their doubled forms ‼ ⁇ ⁈ ⁉. */
export function isQuestionOrExclamation(c: number): boolean {
  return c === 0x3f || c === 0x21 || c === 0x203c || (c >= 0x2047 && c <= 0x2049);
}

/** True for the CJK sentence ends 。！？｡ and the full-width period ．, which need no following space. */
export function isCjkTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61 || c === 0xff0e;
}

/**
 * The sentence-boundary scanner: one left-to-right pass over a run of text that holds no blank
 * line and no list-item line break, deciding at each `.`, `…`, `?`, `!` or CJK full stop whether a
 * sentence ends there. Lookbehind and lookahead are bounded, so the whole pass is linear.
 */
import { ABBREVIATIONS, SENTENCE_STARTERS, TITLES_AFTER_TIME, type AbbreviationKind } from './abbreviations.js';
import {
  cjkDepthDelta,
  isCjkTerminator,
  isCloser,
  isDigit,
  isLetter,
  isLower,
  isOpener,
  isQuestionOrExclamation,
  isSpace,
  isUpper,
} from './chars.js';
import { continuesList, matchListMarker, type ListMarker } from './list-marker.js';

/** Longest token (in code units) looked at behind or ahead of a candidate boundary. */
const MAX_TOKEN = 64;
/** Longest token that can be an abbreviation (`u.s.s.r`, `messrs`). */
const MAX_ABBREVIATION = 12;

/**
 * Calls `emit(start, end)` for each sentence of `text.slice(start, end)`, in order.
 * `start` and `end` must be trimmed (no white space at either edge) and `start < end`; every
 * emitted range is trimmed and non-empty, and together they cover every non-space character.
 */
export function scanSentences(text: string, start: number, end: number, emit: (start: number, end: number) => void): void {
  let s = start;
  let depth = 0; // depth inside CJK brackets 「『《（【, where CJK full stops do not end the sentence
  let list: ListMarker | null = null;
  let listValue = 0;
  // A quotation or parenthesis whose closing mark lies at `quoteEnd`: marks inside it end no
  // sentence, except the one right before the closing mark ('He said, "Go." Then …').
  let quoteEnd = -1;
  const findClose = closingMarkFinder(text, end);

  /** Skips a list marker at the sentence start and keeps track of the list it belongs to. */
  const skipMarker = (at: number): number => {
    const m = matchListMarker(text, at, end, true);
    if (!m) return at;
    if (!list || !continuesList(list, m, listValue)) list = m;
    listValue = m.value;
    return m.end;
  };

  let i = skipMarker(s);
  let words = 0; // words of the current sentence seen so far (at most a few are ever needed)
  let afterSpace = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    // Fast path: most characters are ASCII letters, digits or spaces and decide nothing.
    if (c === 0x20) {
      afterSpace = true;
      i++;
      continue;
    }
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2c) {
      if (!afterSpace) {
        i++;
        continue;
      }
      if (list === null) {
        words++;
        afterSpace = false;
        i++;
        continue;
      }
    }
    if (isSpace(c)) {
      afterSpace = true;
      i++;
      continue;
    }
    if (afterSpace) {
      words++;
      afterSpace = false;
      // An inline list ("1. The first item 2. The second item"): the next marker starts a sentence.
      if (list !== null && i > s) {
        const m = matchListMarker(text, i, end, true);
        if (m && continuesList(list, m, listValue) && startsItem(text, m.end, end)) {
          emit(s, trimEnd(text, i));
          s = i;
          listValue = m.value;
          depth = 0;
          quoteEnd = -1;
          words = 0;
          afterSpace = true;
          i = m.end;
          continue;
        }
      }
    }
    if (i > quoteEnd && isOpener(c) && (i === s || opensQuote(c, text.charCodeAt(i - 1)))) {
      const close = findClose(c, i + 1);
      if (close > 0) quoteEnd = close;
    }
    let r: number; // >= 0: a sentence ends at r; < 0: no boundary, resume at ~r
    if (c === 0x2e || c === 0x2026) r = dots(text, i, s, end, words - 1);
    else if (isQuestionOrExclamation(c)) r = questionOrExclamation(text, i, s, end);
    else if (isCjkTerminator(c)) r = cjkStop(text, i, end, depth);
    else {
      const d = cjkDepthDelta(c);
      if (d !== 0) depth = Math.max(0, depth + d);
      i++;
      continue;
    }
    if (r >= 0 && i < quoteEnd && r <= quoteEnd) r = ~r;
    if (r < 0) {
      const resume = ~r;
      for (let x = i + 1; x < resume; x++) {
        const cx = text.charCodeAt(x);
        const d = cjkDepthDelta(cx);
        if (d !== 0) depth = Math.max(0, depth + d);
        if (isSpace(cx)) afterSpace = true;
        else if (afterSpace) {
          words++;
          afterSpace = false;
        }
      }
      i = resume > i ? resume : i + 1;
      continue;
    }
    emit(s, r);
    depth = 0;
    quoteEnd = -1;
    words = 0;
    afterSpace = true;
    s = r;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    if (s >= end) return;
    i = skipMarker(s);
  }
  emit(s, end);
}

/** Longest quotation or parenthesis (in code units) inside which sentence marks are ignored. */
const MAX_QUOTE = 400;

/** True when `c` opens a quotation here: curly quotes and brackets always, straight ones after a space. */
function opensQuote(c: number, before: number): boolean {
  if (c === 0x22 || c === 0x27 || c === 0x60) return isSpace(before) || isOpener(before);
  return c === 0x201c || c === 0x2018 || c === 0xab || c === 0x28;
}

/**
 * Returns `find(opener, from)`: the offset of the mark closing `opener` at or after `from`
 * (within MAX_QUOTE), or -1. Each kind of closing mark is searched for at most once per offset,
 * so the searches of one scan take linear time together.
 */
function closingMarkFinder(text: string, end: number): (opener: number, from: number) => number {
  const found = [-1, -1, -1, -1, -1];
  const scanned = [0, 0, 0, 0, 0];
  const isClose = (kind: number, p: number): boolean => {
    const c = text.charCodeAt(p);
    switch (kind) {
      case 0: return c === 0x22;
      case 1: return c === 0x201d;
      case 2: {
        if (c !== 0x27 && c !== 0x2019) return false;
        const next = p + 1 < end ? text.charCodeAt(p + 1) : 0x20;
        if (isLetter(next) || isDigit(next)) return false; // an apostrophe: they'll, one’s
        // "workers' wages": a plural possessive, not the end of a quotation
        const prev = text.charCodeAt(p - 1);
        return !((prev === 0x73 || prev === 0x53) && next === 0x20 && p + 2 < end && isLower(text.charCodeAt(p + 2)));
      }
      case 3: return c === 0xbb;
      default: return c === 0x29;
    }
  };
  return (opener, from) => {
    let kind: number;
    if (opener === 0x22) kind = 0;
    else if (opener === 0x201c) kind = 1;
    else if (opener === 0x27 || opener === 0x2018 || opener === 0x60) kind = 2;
    else if (opener === 0xab) kind = 3;
    else if (opener === 0x28) kind = 4;
    else return -1;
    if (kind === 2 && !(from < end && isLetter(text.charCodeAt(from)))) return -1; // '90s
    const limit = Math.min(end, from + MAX_QUOTE);
    if (found[kind]! >= from) return found[kind]! < limit ? found[kind]! : -1;
    let p = Math.max(from, scanned[kind]!);
    while (p < limit && !isClose(kind, p)) p++;
    scanned[kind] = p + 1;
    if (p >= limit) {
      scanned[kind] = p;
      return -1;
    }
    found[kind] = p;
    return p;
  };
}

/** Position after any closing quotes and brackets from `j`. */
function afterClosers(text: string, j: number, end: number): number {
  while (j < end && isCloser(text.charCodeAt(j))) j++;
  return j;
}

/** Position of the first character after white space and opening quotes or brackets from `j`. */
function nextSignificant(text: string, j: number, end: number): number {
  while (j < end && isSpace(text.charCodeAt(j))) j++;
  const limit = j + 4;
  while (j < end && j < limit && isOpener(text.charCodeAt(j))) j++;
  return j;
}

/** Position just after the last non-space character before `i`. */
function trimEnd(text: string, i: number): number {
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** True when what follows a list marker looks like an item: a capital, a digit or an opening quote. */
function startsItem(text: string, j: number, end: number): boolean {
  const q = nextSignificant(text, j, end);
  if (q >= end) return false;
  const c = text.charCodeAt(q);
  return isUpper(c) || isDigit(c);
}

/** Characters that continue a sentence even after a space: `, ; : ) ] }`. */
function isMidSentence(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x29 || c === 0x5d || c === 0x7d;
}

/** A period, an ellipsis (`...`, `…`, `. . .`) or a period followed by a spaced ellipsis. */
function dots(text: string, i: number, s: number, end: number, wordsBefore: number): number {
  let j = i;
  let count = 0;
  while (j < end) {
    const d = text.charCodeAt(j);
    if (d === 0x2e) count += 1;
    else if (d === 0x2026) count += 3;
    else break;
    j++;
  }
  // A spaced ellipsis continues with single spaces: ". . . ."
  let k = j;
  let spaced = 0;
  while (k + 1 < end && text.charCodeAt(k) === 0x20 && text.charCodeAt(k + 1) === 0x2e) {
    k += 2;
    spaced++;
    while (k < end && text.charCodeAt(k) === 0x2e) {
      k++;
      spaced++;
    }
  }
  if (count === 1 && spaced === 0) return period(text, i, s, end, wordsBefore);

  const before = i > s ? text.charCodeAt(i - 1) : 0x20;
  const attached = !isSpace(before);
  const after = afterClosers(text, k, end);
  if (after >= end) return ~after;
  if (!isSpace(text.charCodeAt(after))) return ~j; // "mean...see", "[...]"
  const q = nextSignificant(text, after, end);
  const upperNext = q < end && isUpper(text.charCodeAt(q));
  if (attached && count === 1 && spaced >= 3) {
    // "compounds. . . . The practice": the period ends the sentence, the ellipsis opens the next.
    return upperNext ? i + 1 : ~after;
  }
  if (before === 0x5b || before === 0x28) return ~after; // an omission mark: "[...]", "(...)"
  if (!attached && count + spaced === 3) return ~after; // "the thing is . . . I didn't"
  return upperNext ? after : ~after;
}

/** A single period; `wordsBefore` counts the sentence's words before the one the period ends. */
function period(text: string, i: number, s: number, end: number, wordsBefore: number): number {
  const j = afterClosers(text, i + 1, end);
  if (j >= end) return ~j;
  if (!isSpace(text.charCodeAt(j))) return noSpaceBoundary(text, i, j, s, end) ? j : ~(i + 1);
  const q = nextSignificant(text, j, end);
  if (q >= end) return ~q;
  const n = text.charCodeAt(q);
  if (isLower(n) || isMidSentence(n)) return ~j;
  const t0 = tokenStart(text, i, s);
  switch (classify(text, t0, i)) {
    case 'ordinary':
      return j;
    case 'continues':
      return ~j;
    case 'before-number':
      return isDigit(n) ? ~j : j;
    case 'ambiguous':
      return !isDigit(n) && isStarter(text, q, end) ? j : ~j;
    case 'time':
      if (isDigit(n)) return ~j;
      if (isStarter(text, q, end)) return j;
      // "He left the bank at 6 P.M. Mr. Smith …" ends; "At 5 a.m. Mr. Smith went …" does not.
      return isTitle(text, q, end) && wordsBefore >= 4 ? j : ~j;
  }
}

/** `?`, `!` and runs of them (`?!`, `!!`). */
function questionOrExclamation(text: string, i: number, s: number, end: number): number {
  let j = i + 1;
  while (j < end && isQuestionOrExclamation(text.charCodeAt(j))) j++;
  const a = afterClosers(text, j, end);
  if (a >= end) return ~a;
  if (!isSpace(text.charCodeAt(a))) return noSpaceBoundary(text, i, a, s, end) ? a : ~j;
  const q = nextSignificant(text, a, end);
  if (q >= end) return ~q;
  const n = text.charCodeAt(q);
  return isLower(n) || isMidSentence(n) ? ~a : a;
}

/** A CJK full stop (。！？): a boundary even without a space, except inside CJK quotes or in `３．２９`. */
function cjkStop(text: string, i: number, end: number, depth: number): number {
  let j = i + 1;
  while (j < end && (isCjkTerminator(text.charCodeAt(j)) || isQuestionOrExclamation(text.charCodeAt(j)))) j++;
  if (depth > 0) return ~j;
  if (text.charCodeAt(i) === 0xff0e && j === i + 1 && j < end && isDigit(text.charCodeAt(j))) return ~j;
  return afterClosers(text, j, end);
}

/**
 * "He left.She stayed.": a boundary with no space after the mark, only between two ordinary
 * words (not `U.S.`, `3.5`, `example.com`, `Jane.Doe@example.com`, `www.testurl.Awesome.com`).
 */
function noSpaceBoundary(text: string, i: number, j: number, s: number, end: number): boolean {
  const n = text.charCodeAt(j);
  if (!isUpper(n)) return false;
  const n2 = j + 1 < end ? text.charCodeAt(j + 1) : 0x20;
  const capitalised = isLower(n2) || ((n === 0x49 || n === 0x41) && (isSpace(n2) || n2 === 0x27 || n2 === 0x2019));
  if (!capitalised) return false;
  let p = i;
  while (p > s && i - p < MAX_TOKEN) {
    const d = text.charCodeAt(p - 1);
    if (isSpace(d) || isOpener(d)) break;
    if (!(isLetter(d) || isDigit(d) || d === 0x2c || d === 0x27 || d === 0x2019 || d === 0x2d)) return false;
    p--;
  }
  if (i - p < 2 || i - p >= MAX_TOKEN) return false;
  const last = text.charCodeAt(i - 1);
  if (!isLetter(last) && !isDigit(last)) return false;
  if (i - p <= MAX_ABBREVIATION && ABBREVIATIONS.has(text.slice(p, i).toLowerCase())) return false;
  for (let q = j; q < end && q - j < MAX_TOKEN; q++) {
    const d = text.charCodeAt(q);
    if (isSpace(d)) break;
    if (d === 0x40 || d === 0x2f) return false; // an e-mail address or a URL
    if (d === 0x2e && q + 1 < end && (isLetter(text.charCodeAt(q + 1)) || isDigit(text.charCodeAt(q + 1)))) return false;
  }
  return true;
}

/** Start of the token that ends at `i` (opening quotes and brackets excluded), or -1 if too long. */
function tokenStart(text: string, i: number, s: number): number {
  let p = i;
  while (p > s && !isSpace(text.charCodeAt(p - 1))) {
    p--;
    if (i - p > MAX_TOKEN) return -1;
  }
  while (p < i && isOpener(text.charCodeAt(p))) p++;
  return p;
}

/** What the token before a period is: an ordinary word, or one of the abbreviation kinds. */
function classify(text: string, t0: number, i: number): AbbreviationKind | 'ordinary' {
  const len = i - t0;
  if (t0 < 0 || len <= 0 || len > MAX_ABBREVIATION) return 'ordinary';
  if (len === 1) return isLetter(text.charCodeAt(t0)) ? 'ambiguous' : 'ordinary'; // an initial, or p. 55
  const lower = text.slice(t0, i).toLowerCase();
  const kind = ABBREVIATIONS.get(lower);
  if (kind) return kind;
  return isDottedAcronym(lower) ? 'ambiguous' : 'ordinary';
}

/** `u.s`, `u.s.a`, `ph.d`, `j.c`: runs of one or two letters joined by periods. */
function isDottedAcronym(lower: string): boolean {
  let run = 0;
  let periods = 0;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c === 0x2e) {
      if (run === 0) return false;
      run = 0;
      periods++;
    } else if (isLetter(c)) {
      if (++run > 2) return false;
    } else {
      return false;
    }
  }
  return periods > 0 && run > 0;
}

/** The ASCII letters of the word at `q`, lower-cased (at most 16), or '' when it is not capitalised. */
function capitalisedWord(text: string, q: number, end: number): string {
  if (!isUpper(text.charCodeAt(q))) return '';
  let e = q;
  while (e < end && e - q < 16) {
    const c = text.charCodeAt(e) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    e++;
  }
  if (e === q) return '';
  return text.slice(q, e).toLowerCase();
}

/** True when the word at `q` is a common sentence starter (`The`, `He`, `But`), not an initial. */
function isStarter(text: string, q: number, end: number): boolean {
  const w = capitalisedWord(text, q, end);
  if (!w) return false;
  const after = q + w.length;
  if (after < end) {
    const c = text.charCodeAt(after);
    if (isLetter(c) || isDigit(c)) return false; // the word goes on beyond ASCII letters
    if (w.length === 1 && c === 0x2e) return false; // "A." is an initial, not the article
  }
  return SENTENCE_STARTERS.has(w);
}

/** True when the word at `q` is a title such as `Mr.` that may open a sentence. */
function isTitle(text: string, q: number, end: number): boolean {
  const w = capitalisedWord(text, q, end);
  return w !== '' && q + w.length < end && text.charCodeAt(q + w.length) === 0x2e && TITLES_AFTER_TIME.has(w);
}

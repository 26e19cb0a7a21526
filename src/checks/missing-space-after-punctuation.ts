/**
 * `missing-space-after-punctuation`: a comma, full stop, colon, semicolon, question or exclamation
 * mark glued to the next word ("Russia,Belarus", "end.Next"), as MT output from Chinese often has.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { LETTER, LOWER, NUMBER, UPPER, classOf, codePointAt, codePointBefore, widthOf } from './support/chars.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'missing-space-after-punctuation',
  description: 'A comma, full stop, colon, semicolon, ? or ! glued to the following word.',
  category: 'typography',
  defaultSeverity: 'warning',
  // Document scope: it looks into the next sentence when nothing separates the two.
  scope: 'document',
  messages: { missing: 'Add a space after “{{mark}}”.' },
};

/** Tokens that legitimately glue marks to letters: URLs, e-mail addresses, domain names, code. */
const LINKISH = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|urn:|tel:)|@|::|\.(?:com|org|net|gov|edu|cn|ru|by|io|html?)\b/i;

/**
 * The glued spots that are safe to call errors (what a lookbehind/mark/lookahead regex would say;
 * each condition reads whole code points, as a `u` regex does):
 * - `,` `;` between letters, or a comma between a number and a capitalised word ("14,Putin"),
 * - `.` `?` `!` after a lower-case word of two letters or more (not "U.S.", "e.g.", "Ph.D"),
 *   a percent sign or closing bracket/quote, before a capitalised word ("end.Next"),
 * - `:` after a lower-case word of two letters or more, before a letter ("said:Russia").
 */
function isGlued(probe: string, at: number): boolean {
  const mark = probe.charCodeAt(at);
  if (mark === COMMA || mark === SEMICOLON) {
    const before = classOf(codePointBefore(probe, at));
    const next = codePointAt(probe, at + 1);
    if (before & LETTER && classOf(next) & LETTER) return true;
    return mark === COMMA && (before & NUMBER) !== 0 && capitalisedWordAt(probe, at + 1);
  }
  if (mark === STOP || mark === QUESTION || mark === EXCLAMATION) {
    const prev = probe.charCodeAt(at - 1);
    const afterCloser = prev === 0x25 || prev === 0x29 || prev === 0x201d || prev === 0x22; // % ) ” "
    return (afterCloser || twoLowerBefore(probe, at)) && capitalisedWordAt(probe, at + 1);
  }
  if (mark === COLON) return twoLowerBefore(probe, at) && (classOf(codePointAt(probe, at + 1)) & LETTER) !== 0;
  return false;
}

/** `(?<=\p{Ll}\p{Ll})` at `at`. */
function twoLowerBefore(t: string, at: number): boolean {
  const last = codePointBefore(t, at);
  if (!(classOf(last) & LOWER)) return false;
  return (classOf(codePointBefore(t, at - widthOf(last))) & LOWER) !== 0;
}

/** `(?=\p{Lu}\p{Ll})` at `at`. */
function capitalisedWordAt(t: string, at: number): boolean {
  const first = codePointAt(t, at);
  if (!(classOf(first) & UPPER)) return false;
  return (classOf(codePointAt(t, at + widthOf(first))) & LOWER) !== 0;
}

const MARK_THEN_LETTER = /[,;.?!:]\p{L}/u;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const STOP = 0x2e;
const QUESTION = 0x3f;
const EXCLAMATION = 0x21;
const COLON = 0x3a;

/** Flags a mark glued to the next word, outside URLs, e-mail addresses, decimals, times and thousands; the fix adds a space. */
export const missingSpaceAfterPunctuation: CheckDefinition = {
  meta,
  create() {
    return (doc) => {
      const out: SentenceFinding[] = [];
      const sentences = doc.segmentation.sentences;
      sentences.forEach((s, k) => {
        const t = s.text;
        // "ready.Really" may be split into two sentences with nothing between them: look two
        // characters into a sentence that starts exactly where this one ends.
        const next = sentences[k + 1];
        const probe = next && next.start === s.end ? t + next.text.slice(0, 2) : t;
        // Every glued spot has a letter right after the mark: most sentences have none.
        if (!MARK_THEN_LETTER.test(probe)) return;
        for (let at = 0; at < t.length; at++) {
          const code = t.charCodeAt(at);
          if (code !== COMMA && code !== STOP && code !== COLON && code !== SEMICOLON && code !== QUESTION && code !== EXCLAMATION) continue;
          if (!isGlued(probe, at)) continue;
          // The whitespace-delimited token around the mark: skip anything link- or code-like.
          const from = probe.slice(0, at).search(/\S*$/);
          const to = at + (probe.slice(at).search(/\s/) + 1 || probe.length - at + 1) - 1;
          if (LINKISH.test(probe.slice(from, to))) continue;
          const mark = t[at]!;
          const range = [at, at + 1] as const;
          out.push(
            makeFinding(meta, {
              messageId: 'missing',
              data: { mark },
              sentence: s.index,
              text: t,
              range,
              suggestions: [`${mark} `],
              fix: { range, text: `${mark} ` },
            }),
          );
        }
      });
      return out;
    };
  },
};

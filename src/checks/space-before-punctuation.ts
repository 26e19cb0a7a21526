/**
 * `space-before-punctuation`: a space before a comma, full stop, colon, semicolon, question or
 * exclamation mark ("Russia ,", "end ."), a common MT and French-typing slip.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { LETTER, MARK, NUMBER, classOf, codePointBefore } from './support/chars.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'space-before-punctuation',
  description: 'A space before , . : ; ? or ! in English text.',
  category: 'typography',
  defaultSeverity: 'warning',
  // Sentence scope: only a mark and the spaces before it within the sentence count.
  scope: 'sentence',
  messages: { space: 'Remove the space before “{{mark}}”.' },
};

const SPACE_THEN_MARK = /[ \u00a0][,.:;?!]/;

/** An ordinary or no-break space. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0;
}

/** `(?<=[\p{L}\p{M}\p{N})\]”’"'%])` at `i`: a word, a closing bracket or quote, or a percent sign before it. */
function followsWord(t: string, i: number): boolean {
  const cp = codePointBefore(t, i);
  if (cp === 0x29 || cp === 0x5d || cp === 0x201d || cp === 0x2019 || cp === 0x22 || cp === 0x27 || cp === 0x25) return true;
  return (classOf(cp) & (LETTER | MARK | NUMBER)) !== 0;
}

/** Flags spaces between a word and a following , . : ; ? !; the fix removes the space. */
export const spaceBeforePunctuation: CheckDefinition = {
  meta,
  create() {
    // A word, closing bracket or closing quote; spaces; the mark — what
    // `(?<=[\p{L}\p{M}\p{N})\]”’"'%])([ \u00a0]+)([,.:;?!])` finds, read backwards from each mark.
    // What follows the mark decides the near misses: ".5" and ".NET" are numbers and names, "..."
    // is an ellipsis, ":)" a smiley.
    return (doc) => {
      const out: SentenceFinding[] = [];
      for (const s of doc.segmentation.sentences) {
        const t = s.text;
        if (!SPACE_THEN_MARK.test(t)) continue;
        for (let at = 1; at < t.length; at++) {
          const code = t.charCodeAt(at);
          if (code !== 0x2c && code !== 0x2e && code !== 0x3a && code !== 0x3b && code !== 0x3f && code !== 0x21) continue;
          let from = at;
          while (from > 0 && isSpace(t.charCodeAt(from - 1))) from--;
          if (from === at || !followsWord(t, from)) continue;
          const mark = t[at]!;
          const after = t[at + 1] ?? '';
          if (mark === '.' && /[\p{L}\p{N}.]/u.test(after)) continue; // .5, .NET, ...
          if ((mark === ':' || mark === ';') && /[-()DPp]/.test(after)) continue; // :) ;-)
          if (mark === ':' && /\d/.test(t[from - 1] ?? '') && / \d/.test(t.slice(at + 1, at + 3))) continue; // 2 : 1
          if (/[,:;]/.test(mark) && /[\p{L}\p{N}]/u.test(after)) continue; // ",5" or ":x" belong to the next token
          const range = [from, at + 1] as const;
          out.push(
            makeFinding(meta, {
              messageId: 'space',
              data: { mark },
              sentence: s.index,
              text: t,
              range,
              suggestions: [mark],
              fix: { range, text: mark },
            }),
          );
        }
      }
      return out;
    };
  },
};

/**
 * `space-before-punctuation`: a space before a comma, full stop, colon, semicolon, question or
 * exclamation mark ("Russia ,", "end ."), a common MT and French-typing slip.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'space-before-punctuation',
  description: 'A space before , . : ; ? or ! in English text.',
  category: 'typography',
  defaultSeverity: 'warning',
  messages: { space: 'Remove the space before “{{mark}}”.' },
};

/** Flags spaces between a word and a following , . : ; ? !; the fix removes the space. */
export const spaceBeforePunctuation: CheckDefinition = {
  meta,
  create() {
    // A word, closing bracket or closing quote; spaces; the mark. What follows the mark decides
    // the near misses: ".5" and ".NET" are numbers and names, "..." is an ellipsis, ":)" a smiley.
    const re = /(?<=[\p{L}\p{M}\p{N})\]”’"'%])([ \u00a0]+)([,.:;?!])/gu;
    return (doc) => {
      const out: SentenceFinding[] = [];
      for (const s of doc.segmentation.sentences) {
        const t = s.text;
        for (const m of t.matchAll(re)) {
          const mark = m[2]!;
          const at = m.index + m[1]!.length;
          const after = t[at + 1] ?? '';
          if (mark === '.' && /[\p{L}\p{N}.]/u.test(after)) continue; // .5, .NET, ...
          if ((mark === ':' || mark === ';') && /[-()DPp]/.test(after)) continue; // :) ;-)
          if (mark === ':' && /\d/.test(t[m.index - 1] ?? '') && / \d/.test(t.slice(at + 1, at + 3))) continue; // 2 : 1
          if (/[,:;]/.test(mark) && /[\p{L}\p{N}]/u.test(after)) continue; // ",5" or ":x" belong to the next token
          const range = [m.index, at + 1] as const;
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

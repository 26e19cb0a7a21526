/**
 * `repeated-word`: the same word twice in a row ("the the"), a classic MT and editing slip.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { isAscii } from './support/chars.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'repeated-word',
  description: 'The same word written twice in a row, such as “the the”.',
  category: 'typography',
  defaultSeverity: 'warning',
  // Sentence scope: only two words in a row within the sentence count.
  scope: 'sentence',
  messages: { repeated: 'The word “{{word}}” is repeated.' },
};

/**
 * Doublings that English grammar or names allow: "had had", "that that", "is is" (what it is is),
 * "do do", reduplicated names ("Bora Bora", "Walla Walla", "Sing Sing"), interjections.
 */
const ALLOWED = new Set(['had', 'that', 'is', 'do', 'does', 'bora', 'walla', 'sing', 'baden', 'bye', 'ha', 'tut', 'chop', 'knock', 'yada', 'tsk']);

/** A word, spaces and the same word (ASCII case-insensitively): what every match in ASCII text holds. */
const ASCII_REPEAT = /\b([A-Za-z]+) +\1\b/i;

/** Flags a word immediately repeated (case-insensitive, separated only by spaces); the fix keeps one. */
export const repeatedWord: CheckDefinition = {
  meta,
  create() {
    // A whole word, then one or more repetitions of it separated by spaces; the look-arounds keep
    // "the theory" and "anti-anti" from matching.
    const re = /(?<![\p{L}\p{M}\p{N}_'’-])(\p{L}[\p{L}\p{M}]*)(?:[ \u00a0]+\1)+(?![\p{L}\p{M}\p{N}_'’-])/giu;
    return (doc) => {
      const out: SentenceFinding[] = [];
      for (const s of doc.segmentation.sentences) {
        // In ASCII text every match is also a match of the plain `ASCII_REPEAT`, which is cheaper.
        if (isAscii(s.text) && !ASCII_REPEAT.test(s.text)) continue;
        for (const m of s.text.matchAll(re)) {
          const word = m[1]!;
          if (ALLOWED.has(word.toLowerCase())) continue;
          const range = [m.index, m.index + m[0].length] as const;
          out.push(
            makeFinding(meta, {
              messageId: 'repeated',
              data: { word },
              sentence: s.index,
              text: s.text,
              range,
              suggestions: [word],
              fix: { range, text: word },
            }),
          );
        }
      }
      return out;
    };
  },
};

/**
 * `duplicate-sentence`: a body sentence that repeats an earlier one word for word, as MT pipelines
 * do when a paragraph is sent twice. Short sentences ("He said so.") may repeat legitimately.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'duplicate-sentence',
  description: 'A body sentence of six words or more that repeats an earlier one word for word.',
  category: 'accuracy',
  defaultSeverity: 'warning',
  messages: { duplicate: 'This sentence repeats an earlier one word for word (“{{opening}}…”).' },
};

/** Sentences shorter than this many words may repeat on purpose. */
export const MIN_DUPLICATE_WORDS = 6;

/** The words of a sentence, lower-cased, without punctuation: the identity two copies share. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:['’.,-][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
}

/** Flags later copies of a body sentence; no fix, since deleting a sentence is an editor's call. */
export const duplicateSentence: CheckDefinition = {
  meta,
  create() {
    return (doc) => {
      const out: SentenceFinding[] = [];
      const seen = new Set<string>();
      for (const s of doc.segmentation.sentences) {
        if (s.kind === 'headline') continue; // a headline restated in the lead is normal
        const words = wordsOf(s.text);
        if (words.length < MIN_DUPLICATE_WORDS) continue;
        const key = words.join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        out.push(
          makeFinding(meta, {
            messageId: 'duplicate',
            data: { opening: s.text.split(/\s+/).slice(0, 4).join(' ') },
            sentence: s.index,
            text: s.text,
            range: [0, s.text.length],
          }),
        );
      }
      return out;
    };
  },
};

/**
 * `double-space`: two or more spaces in a row inside a sentence.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'double-space',
  description: 'Two or more spaces in a row inside a sentence.',
  category: 'typography',
  defaultSeverity: 'warning',
  // Sentence scope: only runs of spaces inside the sentence count.
  scope: 'sentence',
  messages: { double: 'Use one space instead of {{count}}.' },
};

/** Flags runs of two or more spaces (ordinary or no-break) inside a sentence; the fix leaves one ordinary space. */
export const doubleSpace: CheckDefinition = {
  meta,
  create() {
    // Runs of ordinary spaces or no-break spaces; tabs and line breaks are layout, not typos.
    const runs = /[ \u00a0]{2,}/g;
    return (doc) => {
      const out: SentenceFinding[] = [];
      for (const s of doc.segmentation.sentences) {
        // Most sentences have neither two spaces in a row nor a no-break space.
        if (s.text.indexOf('  ') === -1 && s.text.indexOf('\u00a0') === -1) continue;
        for (const m of s.text.matchAll(runs)) {
          const range = [m.index, m.index + m[0].length] as const;
          out.push(
            makeFinding(meta, {
              messageId: 'double',
              data: { count: String(m[0].length) },
              sentence: s.index,
              text: s.text,
              range,
              suggestions: [' '],
              fix: { range, text: ' ' },
            }),
          );
        }
      }
      return out;
    };
  },
};

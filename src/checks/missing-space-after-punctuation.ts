/**
 * `missing-space-after-punctuation`: a comma, full stop, colon, semicolon, question or exclamation
 * mark glued to the next word ("Russia,Belarus", "end.Next"), as MT output from Chinese often has.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'missing-space-after-punctuation',
  description: 'A comma, full stop, colon, semicolon, ? or ! glued to the following word.',
  category: 'typography',
  defaultSeverity: 'warning',
  messages: { missing: 'Add a space after “{{mark}}”.' },
};

/** Tokens that legitimately glue marks to letters: URLs, e-mail addresses, domain names, code. */
const LINKISH = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|urn:|tel:)|@|::|\.(?:com|org|net|gov|edu|cn|ru|by|io|html?)\b/i;

/**
 * The glued spots that are safe to call errors, each a lookbehind/mark/lookahead triple:
 * - `,` `;` between letters, or a comma between a number and a capitalised word ("14,Putin"),
 * - `.` `?` `!` after a lower-case word of two letters or more (not "U.S.", "e.g.", "Ph.D"),
 *   a percent sign or closing bracket/quote, before a capitalised word ("end.Next"),
 * - `:` after a lower-case word of two letters or more, before a letter ("said:Russia").
 */
const GLUED = new RegExp(
  [
    String.raw`(?<=\p{L})[,;](?=\p{L})`,
    String.raw`(?<=\p{N}),(?=\p{Lu}\p{Ll})`,
    String.raw`(?<=\p{Ll}\p{Ll}|[%)”"])[.?!](?=\p{Lu}\p{Ll})`,
    String.raw`(?<=\p{Ll}\p{Ll}):(?=\p{L})`,
  ].join('|'),
  'gu',
);

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
        for (const m of probe.matchAll(GLUED)) {
          const at = m.index;
          if (at >= t.length) continue;
          // The whitespace-delimited token around the mark: skip anything link- or code-like.
          const from = probe.slice(0, at).search(/\S*$/);
          const to = at + (probe.slice(at).search(/\s/) + 1 || probe.length - at + 1) - 1;
          if (LINKISH.test(probe.slice(from, to))) continue;
          const mark = m[0];
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

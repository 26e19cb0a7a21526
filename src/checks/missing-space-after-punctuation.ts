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
      for (const s of doc.segmentation.sentences) {
        const t = s.text;
        for (const m of t.matchAll(GLUED)) {
          const at = m.index;
          // The whitespace-delimited token around the mark: skip anything link- or code-like.
          const from = t.slice(0, at).search(/\S*$/);
          const to = at + (t.slice(at).search(/\s/) + 1 || t.length - at + 1) - 1;
          if (LINKISH.test(t.slice(from, to))) continue;
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
      }
      return out;
    };
  },
};

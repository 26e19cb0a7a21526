/**
 * `unbalanced-quotes`: a quotation opened and never closed, or closed and never opened, within one
 * block (paragraph as typed, between blank lines). Apostrophes (don't, Russia's, '90s, protesters') are told apart from single quotes.
 */
import type { CheckDefinition, CheckMeta, Sentence, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';
import { sentencesByBlock } from './support/blocks.js';

const meta: CheckMeta = {
  id: 'unbalanced-quotes',
  description: 'A quotation mark without its partner in the same paragraph (apostrophes excepted).',
  category: 'typography',
  defaultSeverity: 'warning',
  // Document scope: quotes pair across the sentences of a block, and the next block may reopen them.
  scope: 'document',
  messages: {
    unclosed: 'The quotation opened by “{{match}}” is never closed.',
    unopened: 'The quotation mark “{{match}}” closes a quotation that was never opened.',
  },
};

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const ANY_QUOTE = /["'‘’“”]/;
/** What may stand before an opening quote: start, space, an opening bracket or dash, another quote. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/“‘"']/u;

interface Mark {
  s: Sentence;
  at: number;
}

/** True when a quote character at `i` is placed like an opening mark (nothing or space before, a non-space after). */
function looksOpening(t: string, i: number): boolean {
  const before = i === 0 ? ' ' : t[i - 1]!;
  const after = t[i + 1];
  return OPENS_AFTER.test(before) && after !== undefined && !/\s/.test(after);
}

/** True when a straight single quote at `i` is an apostrophe or elision rather than a quotation mark. */
function isApostrophe(t: string, i: number): boolean {
  const before = i === 0 ? '' : t[i - 1]!;
  const after = t[i + 1] ?? '';
  if (LETTER.test(before) && LETTER.test(after)) return true; // don't, Russia's
  if (/\d/.test(after) && !/\d/.test(before)) return true; // '90s
  if (/^(?:em|tis|twas|n|cause|til)\b/i.test(t.slice(i + 1))) return true; // 'em, 'tis, rock 'n' roll
  return false;
}

/** Flags unpaired double quotes (curly and straight) and unpaired opening single quotes, per block. */
export const unbalancedQuotes: CheckDefinition = {
  meta,
  create() {
    return (doc) => {
      const out: SentenceFinding[] = [];
      const report = (m: Mark, messageId: string): void => {
        out.push(makeFinding(meta, { messageId, sentence: m.s.index, text: m.s.text, range: [m.at, m.at + 1] }));
      };
      const paragraphs = sentencesByBlock(doc);
      paragraphs.forEach((paragraph, p) => {
        let curly: Mark[] = [];
        let straight: Mark | undefined;
        let curlySingle: Mark[] = [];
        let straightSingle: Mark | undefined;
        for (const s of paragraph) {
          const t = s.text;
          if (!ANY_QUOTE.test(t)) continue;
          for (let i = 0; i < t.length; i++) {
            const code = t.charCodeAt(i);
            // Only “ ” " ‘ ’ ' matter: everything else is skipped on its code alone.
            if (code !== 0x22 && code !== 0x27 && (code < 0x2018 || code > 0x201d)) continue;
            const ch = t[i]!;
            const mark = { s, at: i };
            if (ch === '“') curly.push(mark);
            else if (ch === '”') {
              if (curly.length) curly.pop();
              else report(mark, 'unopened');
            } else if (ch === '"') {
              if (!straight && /\d/.test(t[i - 1] ?? '')) continue; // 17" screen, 5'10": an inch mark
              if (straight) straight = undefined;
              else if (looksOpening(t, i)) straight = mark;
              else report(mark, 'unopened');
            } else if (ch === '‘') curlySingle.push(mark);
            else if (ch === '’') {
              // A right single quote between letters, or after a letter with no quote open, is an apostrophe.
              const after = t[i + 1] ?? '';
              if (curlySingle.length && !LETTER.test(after)) curlySingle.pop();
            } else if (ch === "'") {
              if (isApostrophe(t, i)) continue;
              if (straightSingle) {
                if (!LETTER.test(t[i + 1] ?? '')) straightSingle = undefined;
              } else if (looksOpening(t, i) && LETTER.test(t[i + 1] ?? '')) straightSingle = mark;
              // A lone closing-looking ' is most often a plural possessive (protesters'): not flagged.
            }
          }
        }
        // News style reopens every paragraph of a multi-paragraph quotation and closes only the last.
        const next = paragraphs[p + 1]?.[0]?.text.trimStart() ?? '';
        const continues = (ch: string): boolean => next.startsWith(ch);
        if (!continues('“')) for (const m of curly) report(m, 'unclosed');
        if (straight && !continues('"')) report(straight, 'unclosed');
        if (!continues('‘')) for (const m of curlySingle) report(m, 'unclosed');
        if (straightSingle && !continues("'")) report(straightSingle, 'unclosed');
        curly = [];
        curlySingle = [];
      });
      return out.sort((a, b) => a.sentence - b.sentence || a.range[0] - b.range[0]);
    };
  },
};

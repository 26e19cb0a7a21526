/**
 * `fullwidth-punctuation`: Chinese (full-width) punctuation left in English text by the MT engine
 * ("Russia，Belarus。"). Marks inside a run of Chinese or Japanese text are left to `wrong-language`.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'fullwidth-punctuation',
  description: 'A full-width (Chinese) punctuation mark, space, letter or digit in English text.',
  category: 'typography',
  defaultSeverity: 'warning',
  // Sentence scope: only a mark and its neighbours within the sentence count.
  scope: 'sentence',
  messages: { fullwidth: 'Use “{{ascii}}” instead of the full-width “{{match}}”.' },
};

/** Marks that end a clause: the ASCII mark is followed by a space before a word. */
const SPACED_AFTER: Record<string, string> = {
  '，': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '、': ',', '．': '.',
};
/** Brackets and quotes: the ASCII mark gets a space on its outer side when glued to a word. */
const OPENING: Record<string, string> = { '（': '(', '［': '[', '｛': '{', '《': '“', '「': '“', '『': '‘', '【': '[', '〈': '‘' };
const CLOSING: Record<string, string> = { '）': ')', '］': ']', '｝': '}', '》': '”', '」': '”', '』': '’', '】': ']', '〉': '’' };

/** The ASCII opener that pairs with an ASCII closer. */
const OPEN_FOR: Record<string, string> = { ')': '(', ']': '[', '}': '{', '”': '“', '’': '‘' };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORDISH = /[\p{L}\p{N}]/u;

/** The ASCII equivalent of a full-width character and the spacing it needs in its context. */
function replacementFor(ch: string, before: string, after: string): string | undefined {
  if (ch in SPACED_AFTER) return SPACED_AFTER[ch]! + (WORDISH.test(after) ? ' ' : '');
  if (ch in OPENING) return (WORDISH.test(before) ? ' ' : '') + OPENING[ch]!;
  if (ch in CLOSING) return CLOSING[ch]! + (WORDISH.test(after) ? ' ' : '');
  if (ch === '\u3000') return ' ';
  const code = ch.codePointAt(0)!;
  // The remaining full-width forms (letters, digits, ％ ＄ ＆ …) map one to one onto ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
  return undefined;
}

/** The nearest non-space character before (`step` -1) or after (+1) index `i`. */
function neighbour(t: string, i: number, step: 1 | -1): string {
  for (let j = i + step; j >= 0 && j < t.length; j += step) if (!/\s/.test(t[j]!)) return t[j]!;
  return '';
}

const ANY_FULLWIDTH = /[\u3000-\u303f\uff01-\uff5e]/;

/** Flags full-width punctuation, spaces and ASCII-range forms outside CJK text; the fix substitutes the ASCII form with English spacing. */
export const fullwidthPunctuation: CheckDefinition = {
  meta,
  create() {
    const re = /[，。：；！？、．（）［］｛｝《》「」『』【】〈〉\u3000\uff01-\uff5e]/gu;
    return (doc) => {
      const out: SentenceFinding[] = [];
      for (const s of doc.segmentation.sentences) {
        const t = s.text;
        // Every mark it looks for lies in U+3000–U+303F or U+FF01–U+FF5E: most sentences have none.
        if (!ANY_FULLWIDTH.test(t)) continue;
        // Closers whose opener stood in CJK text belong to that text too ("白俄罗斯（Bai Eluosi）").
        const skippedOpeners: string[] = [];
        for (const m of t.matchAll(re)) {
          const i = m.index;
          const ch = m[0];
          // Inside or at the edge of a CJK run, the mark belongs to untranslated text.
          if (CJK.test(neighbour(t, i, -1)) || CJK.test(neighbour(t, i, 1))) {
            if (ch in OPENING) skippedOpeners.push(OPENING[ch]!);
            continue;
          }
          if (ch in CLOSING && skippedOpeners.length) {
            const k = skippedOpeners.lastIndexOf(OPEN_FOR[CLOSING[ch]!] ?? '');
            if (k !== -1) {
              skippedOpeners.splice(k, 1);
              continue;
            }
          }
          const ascii = replacementFor(ch, t[i - 1] ?? '', t[i + 1] ?? '');
          if (ascii === undefined) continue;
          const range = [i, i + 1] as const;
          out.push(
            makeFinding(meta, {
              messageId: 'fullwidth',
              data: { ascii: ascii.trim() || ' ' },
              sentence: s.index,
              text: t,
              range,
              suggestions: [ascii],
              fix: { range, text: ascii },
            }),
          );
        }
      }
      return out;
    };
  },
};

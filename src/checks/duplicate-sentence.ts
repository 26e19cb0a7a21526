/**
 * `duplicate-sentence`: a body sentence that repeats an earlier one word for word, as MT pipelines
 * do when a paragraph is sent twice. Short sentences ("He said so.") may repeat legitimately.
 */
import { TextMemo } from '../core/text-memo.js';
import type { CheckDefinition, CheckMeta, Sentence, SentenceFinding } from '../core/types.js';
import { isAscii } from './support/chars.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'duplicate-sentence',
  description: 'A body sentence of six words or more that repeats an earlier one word for word.',
  category: 'accuracy',
  defaultSeverity: 'warning',
  // Document scope: each sentence is compared with every earlier one.
  scope: 'document',
  messages: { duplicate: 'This sentence repeats an earlier one word for word (“{{opening}}…”).' },
};

/** Sentences shorter than this many words may repeat on purpose. */
export const MIN_DUPLICATE_WORDS = 6;

/** The words of a sentence, lower-cased, without punctuation: the identity two copies share. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:['’.,-][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
}

/** `[\p{L}\p{M}\p{N}]+(?:['’.,-][\p{L}\p{M}\p{N}]+)*` as it reads ASCII text. */
const ASCII_WORDS = /[A-Za-z0-9]+(?:['.,-][A-Za-z0-9]+)*/g;

/**
 * The words of a sentence as `wordsOf` gives them, except that ASCII text (nearly every sentence)
 * is split by a plain ASCII pattern and not lower-cased yet: lower-casing ASCII keeps every length.
 */
function rawWordsOf(text: string): string[] {
  return isAscii(text) ? (text.match(ASCII_WORDS) ?? []) : wordsOf(text);
}

/** A sentence's words as `rawWordsOf` gives them, and its signature (letters and words). */
interface SentenceWords {
  words: readonly string[];
  signature: number;
}


/** The words and signature of a sentence, or null when it is too short to count as a copy. */
function countWords(text: string): SentenceWords | null {
  const words = rawWordsOf(text);
  if (words.length < MIN_DUPLICATE_WORDS) return null;
  let letters = 0;
  for (const w of words) letters += w.length;
  return { words, signature: letters * 0x10000 + words.length };
}

/** Flags later copies of a body sentence; no fix, since deleting a sentence is an editor's call. */
export const duplicateSentence: CheckDefinition = {
  meta,
  create() {
    // A sentence's words and signature depend on its text alone, so they are remembered by text:
    // an article checked again after one sentence changed (the review app's save) reads one sentence.
    const remembered = new TextMemo<SentenceWords | null>();
    return (doc) => {
      const out: SentenceFinding[] = [];
      // Copies have the same number of words and letters: only sentences that share that
      // signature with another one need their identity (joined, lower-cased words) built.
      const candidates: { s: Sentence; words: readonly string[]; signature: number }[] = [];
      const bySignature = new Map<number, number>();
      for (const s of doc.segmentation.sentences) {
        if (s.kind === 'headline') continue; // a headline restated in the lead is normal
        let counted = remembered.get(s.text);
        if (counted === undefined) counted = remembered.set(s.text, '', countWords(s.text));
        if (!counted) continue;
        candidates.push({ s, words: counted.words, signature: counted.signature });
        bySignature.set(counted.signature, (bySignature.get(counted.signature) ?? 0) + 1);
      }
      const seen = new Set<string>();
      for (const { s, words, signature } of candidates) {
        if (bySignature.get(signature)! < 2) continue;
        const key = words.join(' ').toLowerCase();
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

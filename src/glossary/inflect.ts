/**
 * English inflection for glossary matching: the plural a term also matches, and the replacement
 * adapted to the match (plural, possessive, capitalisation).
 */

/** How a matched word was inflected relative to the glossary term. */
export type PluralSuffix = '' | 's' | 'es' | 'ies';

/**
 * The regular plural of a word and the suffix rule used, or undefined when the word has no
 * regular plural we dare to guess (ends in a digit, or is a single letter).
 */
export function pluralOf(word: string): { word: string; suffix: PluralSuffix } | undefined {
  if (word.length < 2 || !/\p{L}$/u.test(word)) return undefined;
  const lower = word.toLowerCase();
  const upper = word === word.toUpperCase() && word !== lower;
  const add = (s: string) => (upper ? s.toUpperCase() : s);
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return { word: word + add('es'), suffix: 'es' };
  if (/[^aeiou]y$/.test(lower)) return { word: word.slice(0, -1) + add('ies'), suffix: 'ies' };
  return { word: word + add('s'), suffix: 's' };
}

/**
 * Puts the last word of a phrase into the plural, when it has a regular plural and does not look
 * plural already (a final s not after s, u or i: "relations" stays, "virus" → "viruses").
 */
export function pluralizeLastWord(phrase: string): string {
  const m = /(\p{L}[\p{L}\p{M}'’]*)$/u.exec(phrase);
  if (!m) return phrase;
  if (/[^siu]s$/i.test(m[1]!)) return phrase;
  const p = pluralOf(m[1]!);
  return p ? phrase.slice(0, m.index) + p.word : phrase;
}

/** What we know about a match when adapting its replacement. */
export interface MatchShape {
  /** The matched text. */
  match: string;
  /** The glossary term as written. */
  term: string;
  /** The plural suffix the match carried (`` when singular). */
  plural: PluralSuffix;
  /** The possessive suffix the match carried (`'s`, `’s`, `'`), or ``. */
  possessive: string;
  /** Whether the match begins a sentence (only white space and opening punctuation before it). */
  sentenceInitial: boolean;
}

/** Adapts a replacement to a match: plural and possessive carried over, then capitalisation. */
export function adaptReplacement(replacement: string, shape: MatchShape): string {
  let out = replacement;
  if (shape.plural) out = pluralizeLastWord(out);
  if (shape.possessive) out += shape.possessive;
  const letters = shape.match.replace(/[^\p{L}]/gu, '');
  const termLetters = shape.term.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && termLetters !== termLetters.toUpperCase()) {
    return out.toUpperCase();
  }
  if (shape.sentenceInitial) {
    const first = /\p{L}/u.exec(shape.match);
    if (first && first[0] !== first[0].toLowerCase()) {
      const r = /\p{L}/u.exec(out);
      if (r) out = out.slice(0, r.index) + r[0].toUpperCase() + out.slice(r.index + r[0].length);
    }
  }
  return out;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '—', '-']);

/** Whether the text before `offset` ends a sentence (or is empty), skipping space and opening punctuation. */
export function isSentenceInitial(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (/\s/.test(text[i]!) || OPENERS.has(text[i]!))) i--;
  if (i < 0) return true;
  const c = text[i]!;
  return c === '.' || c === '!' || c === '?' || c === '…' || c === '”' && i > 0 && /[.!?]/.test(text[i - 1]!);
}

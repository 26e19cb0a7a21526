/**
 * A phrase trie over normalised word tokens: every phrase of a glossary (terms, exceptions, context
 * words) compiled once, then walked once per text. No regular expressions are built from glossary
 * data, so no glossary can make matching slow (no catastrophic backtracking).
 */
import { pluralOf, type PluralSuffix } from './inflect.js';
import { isSpaceCode, tokenize, type Tokens } from './tokenize.js';

/** A phrase to compile, with an opaque payload the caller gets back on a hit. */
export interface PhraseSpec<P> {
  text: string;
  caseSensitive: boolean;
  /** Also match the regular plural of the last word. */
  plural: boolean;
  payload: P;
}

/** One compiled phrase (the base form or its plural variant). */
export interface Phrase<P> {
  payload: P;
  caseSensitive: boolean;
  /** Case-preserved words (typographic apostrophes folded), for case-sensitive comparison. */
  raw: string[];
  /** The same words in capitals: a case-sensitive phrase also matches an all-caps headline. */
  upper: string[];
  /** Punctuation that must directly precede the first word (`(` in `(Reporter`). */
  lead: string;
  /** Punctuation that must directly follow the last word. */
  trail: string;
  /** Whether each word carries a possessive suffix in the phrase itself (`Kavemo's accord`). */
  poss: boolean[];
  /** Which plural rule produced this variant (`` for the base form). */
  plural: PluralSuffix;
  /** Number of words. */
  words: number;
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  hits?: number[];
}

/** A compiled phrase trie. */
export interface PhraseTrie<P> {
  phrases: Phrase<P>[];
  root: Map<string, TrieNode>;
}

/** A phrase occurrence: which phrase, its words `[first, last]` and its text range. */
export interface PhraseHit<P> {
  phrase: Phrase<P>;
  first: number;
  last: number;
  start: number;
  end: number;
}

/** The key a word is stored under after a given gap: plain for a space, prefixed otherwise. */
function edgeKey(gap: string, key: string): string {
  return gap === ' ' ? key : gap + '\u0001' + key;
}

/** The text without white space and hyphens (most phrases have no lead or trail at all). */
function stripSpaceAndHyphens(s: string): string {
  return s === '' ? s : s.replace(/[\s\-\u2010-\u2013]/g, '');
}

/** The words, gaps and lead/trail punctuation of a phrase as written in a glossary. */
export function phraseShape(text: string): { tokens: Tokens; lead: string; trail: string } {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { tokens, lead: '', trail: '' };
  return { tokens, lead: stripSpaceAndHyphens(text.slice(0, tokens.start[0])), trail: stripSpaceAndHyphens(text.slice(tokens.end[tokens.length - 1])) };
}

/** Compiles phrases into one trie; phrases without words are skipped (validation rejects them first). */
export function buildTrie<P>(specs: readonly PhraseSpec<P>[]): PhraseTrie<P> {
  const phrases: Phrase<P>[] = [];
  const root = new Map<string, TrieNode>();
  for (const spec of specs) {
    const { tokens, lead, trail } = phraseShape(spec.text);
    if (tokens.length === 0) continue;
    const raw = tokens.start.map((s, i) => {
      const word = spec.text.slice(s, tokens.end[i]! - tokens.poss[i]!.length);
      return word.includes('’') ? word.replace(/’/g, "'") : word;
    });
    const keys = tokens.key;
    // Shared by the base form and its plural variant (they differ in the last word only).
    const poss = tokens.poss.map((x) => x !== '');
    const upper = raw.map((w) => w.toUpperCase());
    const add = (lastKey: string, lastRaw: string, plural: PluralSuffix) => {
      const base = plural === '';
      const phrase: Phrase<P> = {
        payload: spec.payload,
        caseSensitive: spec.caseSensitive,
        raw: base ? raw : [...raw.slice(0, -1), lastRaw],
        upper: base ? upper : [...upper.slice(0, -1), lastRaw.toUpperCase()],
        poss,
        lead,
        trail,
        plural,
        words: keys.length,
      };
      const id = phrases.push(phrase) - 1;
      let level = root;
      let node: TrieNode | undefined;
      for (let i = 0; i < keys.length; i++) {
        const k = i === 0 ? keys[0]! : edgeKey(tokens.gap[i]!, i === keys.length - 1 ? lastKey : keys[i]!);
        const kk = i === 0 && keys.length === 1 ? lastKey : k;
        node = level.get(kk);
        if (!node) level.set(kk, (node = {}));
        if (i < keys.length - 1) level = node.next ??= new Map();
      }
      (node!.hits ??= []).push(id);
    };
    add(keys[keys.length - 1]!, raw[raw.length - 1]!, '');
    if (spec.plural) {
      const p = pluralOf(raw[raw.length - 1]!);
      if (p && tokens.poss[tokens.length - 1] === '') add(p.word.toLowerCase().replace(/’/g, "'"), p.word, p.suffix);
    }
  }
  return { phrases, root };
}

/** Whether word `i` of the text, without its possessive, is exactly `raw`. */
function rawEquals(text: string, tokens: Tokens, i: number, raw: string): boolean {
  const s = tokens.start[i]!;
  const e = tokens.end[i]! - tokens.poss[i]!.length;
  if (e - s !== raw.length) return false;
  for (let k = 0; k < raw.length; k++) {
    let c = text[s + k]!;
    if (c === '’') c = "'";
    if (c !== raw[k]) return false;
  }
  return true;
}

/**
 * Checks a trie hit against the text (possessives only on the last word, exact case where asked,
 * lead/trail punctuation) and returns its text range, or undefined when it does not hold.
 */
export function confirmHit<P>(text: string, tokens: Tokens, phrase: Phrase<P>, first: number, last: number): { start: number; end: number } | undefined {
  // A possessive inside a phrase must be written in the phrase; the last word may add one.
  for (let i = first; i < last; i++) if ((tokens.poss[i] !== '') !== phrase.poss[i - first]) return undefined;
  if (phrase.poss[last - first] && tokens.poss[last] === '') return undefined;
  if (phrase.caseSensitive) {
    for (let i = first; i <= last; i++) {
      if (!rawEquals(text, tokens, i, phrase.raw[i - first]!) && !rawEquals(text, tokens, i, phrase.upper[i - first]!)) return undefined;
    }
  }
  let start = tokens.start[first]!;
  let end = tokens.end[last]!;
  if (phrase.lead) {
    let p = start;
    while (p > 0 && isSpaceCode(text.charCodeAt(p - 1))) p--;
    if (!text.startsWith(phrase.lead, p - phrase.lead.length) || p - phrase.lead.length < 0) return undefined;
    start = p - phrase.lead.length;
  }
  if (phrase.trail) {
    if (tokens.poss[last] !== '') return undefined;
    let p = end;
    while (p < text.length && isSpaceCode(text.charCodeAt(p))) p++;
    if (!text.startsWith(phrase.trail, p)) return undefined;
    end = p + phrase.trail.length;
  }
  return { start, end };
}

/** Walks the trie over the tokens once and reports every confirmed hit, in order of first word. */
export function scan<P>(trie: PhraseTrie<P>, text: string, tokens: Tokens, onHit: (hit: PhraseHit<P>) => void): void {
  const { key, gap, length } = tokens;
  const root = trie.root;
  for (let i = 0; i < length; i++) {
    let node = root.get(key[i]!);
    let j = i;
    while (node) {
      if (node.hits) {
        for (const id of node.hits) {
          const phrase = trie.phrases[id]!;
          const range = confirmHit(text, tokens, phrase, i, j);
          if (range) onHit({ phrase, first: i, last: j, start: range.start, end: range.end });
        }
      }
      if (!node.next || j + 1 >= length) break;
      j++;
      node = node.next.get(edgeKey(gap[j]!, key[j]!));
    }
  }
}

/**
 * The bench's synthetic newsroom: news-like MT articles in the corpus format and a termbase of
 * synthetic glossary entries. Pure functions of a seed: no file system, no clock.
 *
 * Every synthetic term is built from its own invented word (CV syllables such as "kavemo"), so no
 * term is part of another term and every matcher — mt-review, one combined RegExp, one RegExp per
 * term, textlint+prh — must find exactly the same literal occurrences. The generator records
 * every occurrence it writes, so the expected counts are known without running any matcher.
 */
import { createRng, deriveSeed, type Rng } from './prng.js';

/** One wrong rendering of a synthetic entry. */
export interface SyntheticTerm {
  text: string;
  replacement: string;
}

/** A synthetic glossary entry, independent of the glossary file format. */
export interface SyntheticEntry {
  id: string;
  terms: SyntheticTerm[];
  preferred: string[];
  note: string;
  /** Phrases containing a term that are fine (the term's "White House"). */
  exceptions: string[];
  /** When non-empty, the entry applies only to documents mentioning one of these words. */
  context: string[];
  examples: { flag: string[]; pass: string[] };
  /** Strings that look like a term but are not one (for articles and `pass` examples). */
  decoys: string[];
}

/** One occurrence of a synthetic term written into an article. */
export interface PlantedHit {
  /** Index of the synthetic entry (0-based, in generation order). */
  entry: number;
  /** False when the occurrence is inside an exception phrase or the entry's context is absent. */
  flaggable: boolean;
}

/** A generated article file. */
export interface GeneratedArticle {
  name: string;
  text: string;
  words: number;
  /** Every synthetic term occurrence written, in order. */
  hits: PlantedHit[];
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES: string[] = [];
for (const c of CONSONANTS) for (const v of VOWELS) SYLLABLES.push(c + v);
const S = SYLLABLES.length; // 70: 3 syllables give 343,000 words, all of even length.

/** The invented word number `index` of `syllables` CV syllables; distinct indices give distinct words. */
export function inventedWord(index: number, syllables = 3): string {
  const space = S ** syllables;
  // An affine permutation of the index space so neighbouring indices do not look alike.
  let n = (index * 7919 + 12345) % space;
  let out = '';
  for (let i = 0; i < syllables; i++) {
    out += SYLLABLES[n % S];
    n = Math.floor(n / S);
  }
  return out;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const NOUNS = ['accord', 'council', 'bridge', 'doctrine', 'festival', 'index', 'corridor', 'summit', 'reserve', 'charter'];
const PREFIXES = ['anti', 'post', 'pro', 'semi'];
const SUFFIXES = ['led', 'style', 'class', 'wide'];
const ADJECTIVES = ['new', 'grand', 'joint', 'northern'];
const EXCEPTION_TAILS = ['Street', 'Airport', 'Prize', 'Stadium'];
const CONTEXT_WORDS = ['Zorvia', 'Marelland', 'Quostan', 'Velmora', 'Ostrelia', 'Karvonia'];

/** Shapes of synthetic terms: one word, multi-word, hyphenated, with an apostrophe. */
type Shape = 'name' | 'multi' | 'multi3' | 'hyphen-prefix' | 'hyphen-suffix' | 'possessive' | 'irish';

function termText(shape: Shape, word: string, rng: Rng): string {
  switch (shape) {
    case 'name': return cap(word);
    case 'multi': return `${word} ${rng.pick(NOUNS)}`;
    case 'multi3': return `${rng.pick(ADJECTIVES)} ${word} ${rng.pick(NOUNS)}`;
    case 'hyphen-prefix': return `${rng.pick(PREFIXES)}-${word}`;
    case 'hyphen-suffix': return `${word}-${rng.pick(SUFFIXES)}`;
    case 'possessive': return `${cap(word)}'s ${rng.pick(NOUNS)}`;
    case 'irish': return `O'${cap(word)}`;
  }
}

const SHAPES: Shape[] = ['name', 'name', 'name', 'multi', 'multi', 'multi3', 'hyphen-prefix', 'hyphen-suffix', 'possessive', 'irish'];

/** The synthetic entry number `index` for `seed`; entries are independent of each other. */
export function syntheticEntry(seed: number, index: number): SyntheticEntry {
  const rng = createRng(deriveSeed(seed ^ 0x51ab, index));
  const termCount = rng.chance(0.7) ? 1 : rng.chance(0.66) ? 2 : 3;
  const terms: SyntheticTerm[] = [];
  const decoys: string[] = [];
  const preferredWord = cap(inventedWord(index, 4));
  const preferred = `${preferredWord} ${rng.pick(NOUNS)}`;
  for (let j = 0; j < termCount; j++) {
    const word = inventedWord(index * 3 + j);
    const shape = rng.pick(SHAPES);
    const text = termText(shape, word, rng);
    terms.push({ text, replacement: preferred });
    // The invented word with a letter more is never a word of any term (terms have even-length words).
    decoys.push(`${word}n`);
    if (shape !== 'name' && shape !== 'irish') decoys.push(word);
  }
  const first = terms[0]!.text;
  const exceptions = terms.length === 1 && rng.chance(0.06) ? [`${first} ${rng.pick(EXCEPTION_TAILS)}`] : [];
  const context = exceptions.length === 0 && rng.chance(0.05) ? [rng.pick(CONTEXT_WORDS)] : [];
  const where = context.length ? ` in ${context[0]}` : '';
  const examples = {
    flag: [`Officials discussed the ${first} on Monday${where}.`],
    pass: [`Officials discussed the ${decoys[0]} on Monday${where}.`, ...exceptions.map((e) => `Officials met at the ${e} on Monday${where}.`)],
  };
  return {
    id: `syn-${String(index).padStart(5, '0')}`,
    terms,
    preferred: [preferred],
    note: `Synthetic bench entry ${index}: the MT engine's rendering of an invented name.`,
    exceptions,
    context,
    examples,
    decoys,
  };
}

/** The first `count` synthetic entries for `seed`. */
export function syntheticEntries(seed: number, count: number): SyntheticEntry[] {
  return Array.from({ length: count }, (_, i) => syntheticEntry(seed, i));
}

// ---------------------------------------------------------------------------------------------
// Articles

const SUBJECTS = ['The ministry', 'Officials', 'The spokesperson', 'Local media', 'The delegation', 'Analysts', 'The committee', 'Residents', 'The government', 'Observers', 'Experts', 'The central bank', 'The mayor', 'Diplomats'];
const VERBS = ['said', 'stated', 'reported', 'noted', 'stressed', 'announced', 'confirmed', 'warned'];
const SUBJECTS2 = ['the two countries', 'both sides', 'the authorities', 'the region', 'local companies', 'the new cabinet', 'the partners', 'farmers'];
const MODALS = ['will', 'should', 'could', 'must', 'plan to'];
const VERBS2 = ['strengthen', 'review', 'expand', 'discuss', 'support', 'restore', 'finance', 'monitor'];
const OBJECTS = ['cooperation in the energy sector', 'new measures to support exports', 'the budget for next year', 'talks on regional security', 'investment in roads and railways', 'trade to the level before the epidemic', 'the supply of grain and fertiliser', 'joint projects in science and education', 'the rules for cross-border transport'];
const PPS = ['in the coming months', 'after the meeting', 'during the visit', 'despite external pressure', 'on Tuesday', 'in the capital', 'before the end of the year', 'at the request of parliament'];
const TAILS = ['and the details will be published later', 'according to a statement released on the same day', 'as agreed at the previous round of talks', 'although no timetable was given', 'and the matter has been dealt with', 'which was welcomed by business groups'];
const HIT_FRAMES = [
  (t: string) => `${pick3()} that the ${t} remains a priority for the coming year.`,
  (t: string) => `According to local media, the ${t} was discussed at length during the meeting.`,
  (t: string) => `${pick3()} that talks on the ${t} will continue next week in the capital.`,
  (t: string) => `The report mentions the ${t} several times, without giving further details.`,
];
// A module-level rng is never used for output: frames get their words from the article rng below.
let frameRng: Rng = createRng(1);
function pick3(): string {
  return `${frameRng.pick(SUBJECTS)} ${frameRng.pick(VERBS)}`;
}

/** Sentences of the shipped glossary's domain: hits of the MT engine's known mistakes. */
export const SHIPPED_HITS = [
  'White is a close ally of Russia, and Russia will fulfill all its commitments.',
  'Belarus will become the first country to obtain a Russian-made new crown vaccine.',
  'The new crown epidemic has affected Russia, Belarus, and even global trade.',
  'This is the first visit abroad after the election of the White President.',
];

/** Near misses of the shipped entries: they look like the mistakes but are fine. */
export const NEAR_MISSES = [
  'The White House said it was following the situation in the region closely.',
  'The ministry published a white paper on trade policy earlier this year.',
  'The crown prince attended the opening ceremony of the new port.',
  'Both sides waved a white flag at the end of the long negotiations.',
];

/** Correct renderings: the preferred terms, which must never be flagged. */
export const CORRECT_RENDERINGS = [
  'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.',
  'The COVID-19 pandemic has affected trade between the two countries.',
  'The first shipment of the COVID-19 vaccine arrived in Minsk on Friday.',
];

/** How `syntheticUse` picks entries: mostly the first ones, so every glossary size has hits. */
function pickEntry(rng: Rng, entryLimit: number): number {
  const r = rng.next();
  const bound = r < 0.6 ? 50 : r < 0.85 ? 1000 : 10000;
  return rng.int(Math.min(bound, entryLimit));
}

/** Options of `generateArticle`. */
export interface ArticleOptions {
  /** Body sentences (default 48, about 1,000 words). */
  sentences?: number;
  /** Synthetic entries the articles draw hits from (default 10,000). */
  entryLimit?: number;
}

/** Generates article number `index` for `seed`: a headline, then indented paragraphs of one-sentence blocks. */
export function generateArticle(seed: number, index: number, options: ArticleOptions = {}): GeneratedArticle {
  const rng = createRng(deriveSeed(seed, index));
  frameRng = rng;
  const bodyCount = options.sentences ?? 48;
  const entryLimit = options.entryLimit ?? 10000;
  const hits: PlantedHit[] = [];
  const contextsNeeded: string[] = [];
  const pendingContext: PlantedHit[] = [];

  const filler = (): string =>
    `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} that ${rng.pick(SUBJECTS2)} ${rng.pick(MODALS)} ${rng.pick(VERBS2)} ${rng.pick(OBJECTS)} ${rng.pick(PPS)}, ${rng.pick(TAILS)}.`;

  const syntheticSentence = (): string => {
    const n = pickEntry(rng, entryLimit);
    const e = syntheticEntry(seed, n);
    if (e.exceptions.length && rng.chance(0.5)) {
      hits.push({ entry: n, flaggable: false });
      return `${pick3()} that a ceremony was held at the ${e.exceptions[0]} ${rng.pick(PPS)}.`;
    }
    const hit: PlantedHit = { entry: n, flaggable: true };
    hits.push(hit);
    if (e.context.length) {
      if (rng.chance(0.5)) contextsNeeded.push(e.context[0]!);
      pendingContext.push(hit);
    }
    return rng.pick(HIT_FRAMES)(rng.pick(e.terms).text);
  };

  const decoySentence = (): string => {
    const e = syntheticEntry(seed, pickEntry(rng, entryLimit));
    return `${pick3()} that the ${rng.pick(e.decoys)} ${rng.pick(['project', 'group', 'plan'])} was postponed ${rng.pick(PPS)}.`;
  };

  const body: string[] = [];
  for (let i = 0; i < bodyCount; i++) {
    const r = rng.next();
    if (r < 0.12) body.push(syntheticSentence());
    else if (r < 0.15) body.push(rng.pick(SHIPPED_HITS));
    else if (r < 0.2) body.push(rng.pick(NEAR_MISSES));
    else if (r < 0.22) body.push(rng.pick(CORRECT_RENDERINGS));
    else if (r < 0.3) body.push(decoySentence());
    else body.push(filler());
  }
  // Context words go into filler sentences, so a context entry sometimes applies and sometimes not.
  const contexts = new Set(contextsNeeded);
  for (const word of contexts) {
    body.push(`${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} that the delegation from ${word} arrived ${rng.pick(PPS)}.`);
  }
  for (const hit of pendingContext) {
    const e = syntheticEntry(seed, hit.entry);
    hit.flaggable = e.context.some((w) => contexts.has(w));
  }

  const place = cap(inventedWord(900000 + index, 3));
  const headline = `${place} and ${rng.pick(['Russia', 'China', 'the partners', 'its neighbours'])} agree to ${rng.pick(VERBS2)} ${rng.pick(OBJECTS)}`;
  const blocks: string[] = [headline];
  let i = 0;
  while (i < body.length) {
    const size = 1 + rng.int(3);
    for (let j = 0; j < size && i < body.length; j++, i++) blocks.push((j === 0 ? '  ' : '') + body[i]);
  }
  const text = `${blocks.join('\n\n')}\n`;
  const words = text.split(/\s+/).filter(Boolean).length;
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  const name = `2021-${month}-${day}-${place.toLowerCase()}-${String(index).padStart(5, '0')}.txt`;
  return { name, text, words, hits };
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

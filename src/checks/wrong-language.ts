/**
 * `wrong-language`: a sentence, or a long run inside one such as a quotation, left untranslated.
 *
 * Two stages, because franc is unreliable on short text (it calls many short English lines Scots
 * or Portuguese):
 * 1. Script: a run of a non-Latin writing system (Han, Cyrillic, Arabic, …) in English text is
 *    untranslated for certain; franc, restricted to that script's languages, only names it.
 * 2. Latin script: only sentences of at least 40 letters (quotations: 24) go to franc, restricted
 *    to a short list of languages, and a finding needs three votes: franc's best language beats
 *    English by a clear margin, English function words are nearly absent, and that language's own
 *    function words are frequent. Lists of names and headlines fail the last vote.
 */
import { francAll } from 'franc';
import type { CheckDefinition, CheckMeta, Sentence, SentenceFinding, Span } from '../core/types.js';
import { isAscii } from './support/chars.js';
import { makeFinding } from './support/finding.js';
import { ENGLISH_FUNCTION_WORDS, LANGUAGE_NAMES, LATIN_FUNCTION_WORDS, SCRIPTS, type ScriptInfo } from './support/languages.js';

const meta: CheckMeta = {
  id: 'wrong-language',
  description: 'A sentence, or a run inside one such as a quotation, left untranslated.',
  category: 'language',
  defaultSeverity: 'error',
  // Sentence scope: only the sentence's own text counts (the expected language is an option, fixed per checker).
  scope: 'sentence',
  messages: {
    sentence: 'This sentence is in {{language}}, not {{expected}}: it was left untranslated.',
    run: 'Untranslated {{language}} text inside a sentence in {{expected}}.',
  },
};

/** Letters a Latin-script sentence needs before franc is asked about it. */
export const MIN_SENTENCE_LETTERS = 40;
/** Letters a quotation inside an English sentence needs before franc is asked about it. */
export const MIN_QUOTE_LETTERS = 24;
/** franc's score for English must trail the best language's (1.0) by at least this much. */
const FRANC_MARGIN = 0.2;
/** Above this share of English function words, the text is English whatever franc says. */
const MAX_ENGLISH_SHARE = 0.1;
/** The share of the detected language's function words the text needs. */
const MIN_FOREIGN_SHARE = 0.2;
/** …and never fewer than this many of them. */
const MIN_FOREIGN_WORDS = 2;
/** Letters a non-Latin run needs before franc (rather than letter clues) names its language. */
const MIN_FRANC_LETTERS = 40;

const LATIN_LETTER = /\p{Script=Latin}/u;
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;
const LATIN_LETTERS = /\p{Script=Latin}/gu;
const WORDS = /[\p{L}\p{M}]+/gu;
/** Quotations: “…”, "…", «…», „…“. Single quotes are too often apostrophes. */
const QUOTES = /“([^“”]+)”|"([^"]+)"|«([^«»]+)»|„([^„“”]+)[“”]/g;
const FINAL_MARKS = /[.!?…。！？]/u;

/** A detected untranslated span of one sentence. */
interface Hit {
  range: Span;
  lang: string;
}

/** Names the language of a non-Latin run: letter clues for short runs, franc for long ones. */
function runLanguage(script: ScriptInfo, run: string, letters: number): string {
  if (script.name === 'CJK') {
    if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(run)) return 'jpn';
    if (/\p{Script=Hangul}/u.test(run)) return 'kor';
    return 'cmn';
  }
  if (script.name === 'Cyrillic') {
    // Letters peculiar to one language beat franc, which confuses Russian with Bulgarian.
    if (/[ўЎ]/.test(run)) return 'bel';
    if (/[їЇєЄґҐ]/.test(run) || (/[іІ]/.test(run) && /[иИ]/.test(run))) return 'ukr';
    if (/[іІ]/.test(run)) return 'bel';
    // Belarusian spells жы, шы, чы where Russian spelling has жи, ши, чи.
    if (/[жшчЖШЧ][ыЫ]/.test(run) && !/[иИщЩъЪ]/.test(run)) return 'bel';
    if (/[ыЫэЭёЁ]/.test(run)) return 'rus';
    if (/[ѓЃќЌѕЅ]/.test(run)) return 'mkd';
    if (/[ђЂћЋљЉњЊџЏјЈ]/.test(run)) return 'srp';
  }
  if (script.franc && letters >= MIN_FRANC_LETTERS) {
    const best = francAll(run, { only: script.franc, minLength: 1 })[0];
    if (best && best[0] !== 'und') return best[0];
  }
  return script.defaultLang;
}

/** Finds runs of non-Latin scripts: from a letter of the script to its last letter before Latin text, plus a final full stop. */
function scriptRuns(text: string, skip: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const script = SCRIPTS.find((s) => s.letter.test(ch));
    if (!script) {
      i += ch.length;
      continue;
    }
    const start = i;
    let end = i + ch.length;
    let letters = 0;
    let j = i;
    while (j < text.length) {
      const c = String.fromCodePoint(text.codePointAt(j)!);
      if (script.letter.test(c)) {
        letters++;
        end = j + c.length;
      } else if (/[\p{L}]/u.test(c)) {
        break; // a letter of another script ends the run
      }
      j += c.length;
    }
    while (end < text.length && FINAL_MARKS.test(text[end]!)) end++;
    if (letters >= script.minLetters && !skip.has(script.name)) hits.push({ range: [start, end], lang: runLanguage(script, text.slice(start, end), letters) });
    i = Math.max(end, i + ch.length);
  }
  return hits;
}

/** The share of words of `text` found in `words`, and how many there are. */
function wordShare(tokens: string[], words: ReadonlySet<string>): { share: number; count: number } {
  const count = tokens.filter((t) => words.has(t)).length;
  return { share: tokens.length ? count / tokens.length : 0, count };
}

const ASCII_WORDS = /[A-Za-z]+/g;
const QUOTE_MARKS = /[“"«„]/;

/**
 * The first two votes for ASCII text, cheaply: in ASCII the Latin letters are A–Z and a–z and the
 * words are their runs, so this agrees with the general path, which it lets most English
 * sentences skip (no lower-cased copy, no Unicode scan, no franc).
 */
function mayBeForeignAscii(text: string, minLetters: number): boolean {
  const words = text.match(ASCII_WORDS);
  if (!words) return false;
  let letters = 0;
  let english = 0;
  for (const w of words) {
    letters += w.length;
    if (ENGLISH.has(w) || ENGLISH.has(w.toLowerCase())) english++;
  }
  return letters >= minLetters && english / words.length <= MAX_ENGLISH_SHARE;
}

/** Compiled function-word sets, once. */
const ENGLISH = new Set(ENGLISH_FUNCTION_WORDS);
const FOREIGN = new Map(Object.entries(LATIN_FUNCTION_WORDS).map(([lang, words]) => [lang, new Set(words)]));
const FRANC_ONLY = ['eng', ...FOREIGN.keys()];

/** The foreign language of a Latin-script text when franc and both function-word votes agree, else undefined. */
export function latinForeignLanguage(text: string, minLetters: number): string | undefined {
  if (isAscii(text) && !mayBeForeignAscii(text, minLetters)) return undefined;
  if ((text.match(LATIN_LETTERS)?.length ?? 0) < minLetters) return undefined;
  const tokens = (text.toLowerCase().match(WORDS) ?? []) as string[];
  if (wordShare(tokens, ENGLISH).share > MAX_ENGLISH_SHARE) return undefined;
  const scores = francAll(text, { only: FRANC_ONLY, minLength: 1 });
  const [best, bestScore] = scores[0] ?? ['und', 0];
  if (best === 'eng' || best === 'und') return undefined;
  const english = scores.find(([lang]) => lang === 'eng')?.[1] ?? 0;
  if (bestScore - english < FRANC_MARGIN) return undefined;
  const own = wordShare(tokens, FOREIGN.get(best)!);
  if (own.count < MIN_FOREIGN_WORDS || own.share < MIN_FOREIGN_SHARE) return undefined;
  return best;
}

/** Finds quotations in a Latin-script sentence that are in another Latin-script language. */
function foreignQuotes(text: string): Hit[] {
  const hits: Hit[] = [];
  if (!QUOTE_MARKS.test(text)) return hits;
  for (const m of text.matchAll(QUOTES)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const lead = inner.length - inner.trimStart().length;
    const start = m.index + 1 + lead;
    const trimmed = inner.trim();
    const lang = latinForeignLanguage(trimmed, MIN_QUOTE_LETTERS);
    if (lang) hits.push({ range: [start, start + trimmed.length], lang });
  }
  return hits;
}

/** Flags untranslated sentences and runs: any non-Latin script run, and long Latin-script text that three votes call foreign. */
export const wrongLanguage: CheckDefinition = {
  meta,
  create(env) {
    const target = env.options.lang ?? 'eng';
    // The Latin-script stage knows English only; the script stage holds for any Latin-script target.
    const latinStage = target === 'eng';
    const expected = LANGUAGE_NAMES[target] ?? target;
    // A script the expected language is written in is no evidence (Cyrillic in a Russian text).
    const ownScripts = new Set(SCRIPTS.filter((sc) => sc.defaultLang === target || sc.franc?.includes(target) || (sc.name === 'CJK' && ['jpn', 'kor'].includes(target))).map((sc) => sc.name));
    return (doc) => {
      const out: SentenceFinding[] = [];
      const report = (s: Sentence, hit: Hit): void => {
        const whole = hit.range[0] === 0 && hit.range[1] === s.text.length;
        out.push(
          makeFinding(meta, {
            messageId: whole ? 'sentence' : 'run',
            data: { language: LANGUAGE_NAMES[hit.lang] ?? hit.lang, expected },
            sentence: s.index,
            text: s.text,
            range: hit.range,
            lang: hit.lang,
          }),
        );
      };
      for (const s of doc.segmentation.sentences) {
        // Most sentences have no letter outside Latin script: skip the per-character scan for them.
        const runs = !isAscii(s.text) && NON_LATIN_LETTER.test(s.text) ? scriptRuns(s.text, ownScripts) : [];
        for (const hit of runs) report(s, hit);
        if (!latinStage || !LATIN_LETTER.test(s.text)) continue;
        // Judge the Latin part alone (a Cyrillic run is already reported), quotations first, then
        // the rest of the sentence without its foreign quotations.
        const latinText = runs.length ? maskRanges(s.text, runs) : s.text;
        const quotes = foreignQuotes(latinText);
        const rest = quotes.length ? maskRanges(latinText, quotes) : latinText;
        const lang = latinForeignLanguage(rest, MIN_SENTENCE_LETTERS);
        if (lang && !runs.length) report(s, { range: [0, s.text.length], lang });
        else for (const hit of quotes) report(s, hit);
      }
      return out;
    };
  },
};

/** Blanks the given ranges with spaces, keeping offsets. */
function maskRanges(text: string, hits: Hit[]): string {
  let out = text;
  for (const { range } of hits) out = out.slice(0, range[0]) + ' '.repeat(range[1] - range[0]) + out.slice(range[1]);
  return out;
}

/**
 * `inconsistent-title`: the same person's title written two ways in one article: "Belarusian
 * President Lukashenko", then "President of Belarus Lukashenko" or "Belarus President Lukashenko".
 * Precise by construction: only `<Country-adjective|Country> <Title> <Name>` and
 * `<Title> of [the] <Country> <Name>` count, and only the same title with the same surname compares.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { COUNTRIES, TITLES, type Country } from './support/countries.js';
import { makeFinding } from './support/finding.js';

const meta: CheckMeta = {
  id: 'inconsistent-title',
  description: 'A person’s title written in a different pattern from its first use in the article.',
  category: 'consistency',
  defaultSeverity: 'warning',
  // Document scope: the first use of a title in the article sets the norm.
  scope: 'document',
  messages: {
    inconsistent: '“{{match}}” writes the title differently from its first use in the article (“{{first}}”).',
  },
};

/** Escapes text for a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of phrases, longest first so "Vice President" wins over "President". */
function alternation(phrases: readonly string[]): string {
  return [...phrases].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/** Which way a title is written. */
type Pattern = 'adjective' | 'noun' | 'of';

/** One title occurrence. */
interface Titled {
  pattern: Pattern;
  /** The title phrase without the name: "Belarusian President", "President of Belarus". */
  head: string;
  title: string;
  name: string;
  country: Country;
}

/** Flags a person's title written in another pattern than at its first use; the fix rewrites it to the first pattern. */
export const inconsistentTitle: CheckDefinition = {
  meta,
  create() {
    const byWord = new Map<string, { country: Country; kind: 'adjective' | 'noun' }>();
    for (const c of COUNTRIES) {
      for (const n of c.nouns) byWord.set(n, { country: c, kind: 'noun' });
      for (const a of c.adjectives) byWord.set(a, { country: c, kind: 'adjective' });
    }
    const countryWords = alternation([...byWord.keys()]);
    const nouns = alternation(COUNTRIES.flatMap((c) => c.nouns));
    const titles = alternation(TITLES);
    // A name: one to three capitalised words; an initial like "Alexander G." is not needed in news.
    const name = String.raw`\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){0,2}`;
    const re = new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:(?<pre>${countryWords}) (?<t1>${titles})|(?<t2>${titles}) of (?<the>the )?(?<post>${nouns})) (?<name>${name})(?![\p{L}\p{N}])`,
      'gu',
    );
    // Every match holds a title as written (the pattern is case-sensitive): a sentence without one
    // is skipped. Titles that contain another ("Vice President") need no test of their own.
    const cores = TITLES.filter((t) => !TITLES.some((o) => o !== t && t.includes(o)));
    const mentionsTitle = (text: string): boolean => cores.some((t) => text.includes(t));
    return (doc) => {
      const out: SentenceFinding[] = [];
      const firstByPerson = new Map<string, Titled>();
      for (const s of doc.segmentation.sentences) {
        if (!mentionsTitle(s.text)) continue;
        for (const m of s.text.matchAll(re)) {
          const g = m.groups!;
          const personName = g.name!;
          let found: Titled;
          if (g.pre !== undefined) {
            const w = byWord.get(g.pre)!;
            found = { pattern: w.kind, head: `${g.pre} ${g.t1}`, title: g.t1!, name: personName, country: w.country };
          } else {
            const w = byWord.get(g.post!)!;
            found = { pattern: 'of', head: `${g.t2} of ${g.the ?? ''}${g.post}`, title: g.t2!, name: personName, country: w.country };
          }
          const surname = personName.split(' ').pop()!.replace(/['’]s$/, '');
          const key = `${found.title}|${surname}`;
          const first = firstByPerson.get(key);
          if (!first) {
            firstByPerson.set(key, found);
            continue;
          }
          // Same person and title under another country is not a style question.
          if (first.country !== found.country || first.pattern === found.pattern) continue;
          const suggestion = `${first.head} ${personName}`;
          const range = [m.index, m.index + m[0].length] as const;
          out.push(
            makeFinding(meta, {
              messageId: 'inconsistent',
              data: { first: `${first.head} ${first.name}` },
              sentence: s.index,
              text: s.text,
              range,
              suggestions: [suggestion],
              fix: { range, text: suggestion },
            }),
          );
        }
      }
      return out;
    };
  },
};

/**
 * `inconsistent-spelling`: one word spelled two ways in one article ("Lukashenko"/"Lukashenka",
 * "COVID-19"/"Covid-19", "cooperation"/"co-operation", "fulfill"/"fulfil"). Two sources, both
 * precise: a compiled list of variant families, and hyphenation variants of the same word found in
 * the article itself ("re-elected"/"reelected"). The first spelling used sets the norm.
 */
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { makeFinding } from './support/finding.js';
import { VARIANT_FAMILIES, type VariantFamily } from './support/spelling-variants.js';

const meta: CheckMeta = {
  id: 'inconsistent-spelling',
  description: 'A word spelled differently from its first spelling in the article.',
  category: 'consistency',
  defaultSeverity: 'warning',
  messages: {
    inconsistent: '“{{match}}” is spelled “{{first}}” earlier in the article: use one spelling.',
  },
};

/** Where a known form belongs. */
interface FormRef {
  family: VariantFamily;
  variant: number;
  form: number;
}

/** One word occurrence to compare. */
interface Occurrence {
  sentence: number;
  start: number;
  text: string;
  /** The family key ("family id" or "hyphen:reelected"). */
  key: string;
  /** Which way it is written within the family. */
  variant: string;
  /** The same form written the other ways, by variant. */
  spell: (variant: string) => string;
}

/**
 * Closed forms that are other words than their hyphenated look-alikes ("re-sign" a treaty is not
 * "resign"), so the pair is no spelling variant.
 */
const DIFFERENT_WORDS = new Set(
  'recover resign reform recreation recollect repress release remark resort reserve represent retreat resolve restrain react redress resent reside recount research coop unionized'.split(' '),
);

const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{N}-])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\p{N}]|-\p{L})`;

/** Escapes text for a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Gives `word` the capital of `model` when `model` starts with one (sentence starts, headlines). */
function matchCase(word: string, model: string): string {
  return /^\p{Lu}/u.test(model) && /^\p{Ll}/u.test(word) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Flags listed variants and hyphenation variants that differ from the first spelling in the article; the fix uses the first spelling. */
export const inconsistentSpelling: CheckDefinition = {
  meta,
  create() {
    const exact = new Map<string, FormRef>();
    const folded = new Map<string, FormRef>();
    for (const family of VARIANT_FAMILIES) {
      family.variants.forEach((forms, variant) =>
        forms.forEach((f, form) => {
          exact.set(f, { family, variant, form });
          if (!family.caseSensitive) folded.set(f.toLowerCase(), { family, variant, form });
        }),
      );
    }
    const all = [...exact.keys()].sort((a, b) => b.length - a.length).map((f) => escape(f).replace(/ /g, '\\s'));
    const listed = new RegExp(`${BOUNDARY_BEFORE}(?:${all.join('|')})${BOUNDARY_AFTER}`, 'giu');
    const words = /(?<![\p{L}\p{N}-])\p{L}+(?:-\p{L}+)?(?![\p{L}\p{N}]|-\p{L})/gu;

    return (doc) => {
      const occurrences: Occurrence[] = [];
      const sentences = doc.segmentation.sentences;
      const taken = new Set<string>();
      for (const s of sentences) {
        for (const m of s.text.matchAll(listed)) {
          const text = m[0].replace(/\s/g, ' ');
          const ref = exact.get(text) ?? folded.get(text.toLowerCase());
          if (!ref) continue; // a case-sensitive family in a case it does not list
          taken.add(`${s.index}:${m.index}`);
          occurrences.push({
            sentence: s.index,
            start: m.index,
            text: m[0],
            key: ref.family.id,
            variant: String(ref.variant),
            spell: (v) => {
              const forms = ref.family.variants[Number(v)]!;
              const word = forms[ref.form] ?? forms[0]!;
              return ref.family.caseSensitive ? word : matchCase(word, m[0]);
            },
          });
        }
      }
      // Hyphenation variants: a hyphenated word whose closed form also occurs in the article.
      const seen = new Map<string, { sentence: number; start: number; text: string }[]>();
      for (const s of sentences) {
        for (const m of s.text.matchAll(words)) {
          if (taken.has(`${s.index}:${m.index}`)) continue;
          const lower = m[0].toLowerCase();
          const list = seen.get(lower) ?? [];
          list.push({ sentence: s.index, start: m.index, text: m[0] });
          seen.set(lower, list);
        }
      }
      for (const [lower, list] of seen) {
        if (!lower.includes('-')) continue;
        const closed = lower.replace('-', '');
        const other = seen.get(closed);
        if (!other || DIFFERENT_WORDS.has(closed)) continue;
        const key = `hyphen:${closed}`;
        const [head, tail] = lower.split('-') as [string, string];
        const spell = (model: string) => (v: string) => matchCase(v === 'hyphen' ? `${head}-${tail}` : closed, model);
        for (const o of list) occurrences.push({ ...o, key, variant: 'hyphen', spell: spell(o.text) });
        for (const o of other) occurrences.push({ ...o, key, variant: 'closed', spell: spell(o.text) });
      }

      occurrences.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
      const first = new Map<string, Occurrence>();
      const out: SentenceFinding[] = [];
      for (const o of occurrences) {
        const norm = first.get(o.key);
        if (!norm) {
          first.set(o.key, o);
          continue;
        }
        if (norm.variant === o.variant) continue;
        const s = sentences[o.sentence]!;
        const range = [o.start, o.start + o.text.length] as const;
        const suggestion = o.spell(norm.variant);
        out.push(
          makeFinding(meta, {
            messageId: 'inconsistent',
            data: { first: norm.text },
            sentence: s.index,
            text: s.text,
            range,
            suggestions: [suggestion],
            fix: { range, text: suggestion },
          }),
        );
      }
      return out;
    };
  },
};

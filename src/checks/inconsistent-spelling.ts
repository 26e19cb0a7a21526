/**
 * `inconsistent-spelling`: one word spelled two ways in one article ("Lukashenko"/"Lukashenka",
 * "COVID-19"/"Covid-19", "cooperation"/"co-operation", "fulfill"/"fulfil"). Two sources, both
 * precise: a compiled list of variant families, and hyphenation variants of the same word found in
 * the article itself ("re-elected"/"reelected"). The first spelling used sets the norm.
 */
import { TextMemo } from '../core/text-memo.js';
import type { CheckDefinition, CheckMeta, SentenceFinding } from '../core/types.js';
import { LETTER, NUMBER, classOf, codePointAt, codePointBefore, isAscii, runEnd, widthOf } from './support/chars.js';
import { makeFinding } from './support/finding.js';
import { VARIANT_FAMILIES, type VariantFamily } from './support/spelling-variants.js';

const meta: CheckMeta = {
  id: 'inconsistent-spelling',
  description: 'A word spelled differently from its first spelling in the article.',
  category: 'consistency',
  defaultSeverity: 'warning',
  // Document scope: the first spelling in the article sets the norm.
  scope: 'document',
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

/** What one sentence contributes to the check, from its text alone (offsets within the sentence). */
interface SentenceFacts {
  /** The listed forms it uses. */
  listed: Array<{ start: number; text: string; ref: FormRef }>;
  /** Its hyphenation candidates, flat: start, end, flags (1 = hyphenated, 2 = not all ASCII). */
  words: number[];
  /** The closed forms of its hyphenated words. */
  closed: string[];
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

/**
 * The four code units at `i` lower-cased (ASCII white space as a space, which `\s` matches in a
 * two-word form) and packed into one number, or -1 when one of them is not ASCII: a form may then
 * still start there (under the `iu` flags "K", the Kelvin sign, is "k").
 */
function prefixKey(text: string, i: number): number {
  let key = 0;
  for (let k = i; k < i + 4; k++) {
    let c = text.charCodeAt(k);
    if (c > 0x7f) return -1;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if ((c >= 0x09 && c <= 0x0d) || c === 0x20) c = 0x20;
    key = (key << 7) | c;
  }
  return key;
}

const HYPHEN = 0x2d;

/** A–Z or a–z. */
function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
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
    // Sticky: tried only where a listed form may start (see `prefixKey`), with the very
    // alternation a global search would try there, so it finds the same matches.
    const listed = new RegExp(`${BOUNDARY_BEFORE}(?:${all.join('|')})${BOUNDARY_AFTER}`, 'iuy');
    // Every form is at least four ASCII characters long: its first four, lower-cased and packed.
    // (Should a form ever be shorter or not ASCII, every word start is tried.)
    const forms = [...exact.keys()];
    const prefixes = forms.every((f) => f.length >= 4 && prefixKey(f, 0) >= 0) ? new Set(forms.map((f) => prefixKey(f, 0))) : undefined;

    /** The listed form at word start `i` as the global search would find it, or null. */
    const listedAt = (t: string, i: number): RegExpExecArray | null => {
      if (prefixes) {
        if (i + 4 > t.length) return null;
        const key = prefixKey(t, i);
        if (key >= 0 && !prefixes.has(key)) return null;
      }
      listed.lastIndex = i;
      return listed.exec(t);
    };

    /**
     * One pass over a sentence's runs of letters: what it contributes, from its text alone. A
     * listed form can only start where a word may (not after a letter, a digit or a hyphen); a word
     * that starts a listed form is no hyphenation candidate.
     */
    const scanSentence = (t: string): SentenceFacts => {
      const facts: SentenceFacts = { listed: [], words: [], closed: [] };
      const n = t.length;
      let listedEnd = 0;
      let i = 0;
      while (i < n) {
        const c = t.charCodeAt(i);
        if (c < 0x80) {
          if (!isAsciiLetter(c)) {
            i++;
            continue;
          }
        } else {
          const cp = t.codePointAt(i)!;
          if (!(classOf(cp) & LETTER)) {
            i += widthOf(cp);
            continue;
          }
        }
        const start = i;
        const before = codePointBefore(t, start);
        const free = !(classOf(before) & (LETTER | NUMBER)) && before !== HYPHEN;
        let taken = false;
        if (free && start >= listedEnd) {
          const m = listedAt(t, start);
          if (m) {
            listedEnd = start + m[0].length;
            const text = m[0].replace(/\s/g, ' ');
            const ref = exact.get(text) ?? folded.get(text.toLowerCase());
            if (ref) {
              taken = true;
              facts.listed.push({ start, text: m[0], ref });
            } // else a case-sensitive family in a case it does not list
          }
        }
        // The word as `(?<![\p{L}\p{N}-])\p{L}+(?:-\p{L}+)?(?![\p{L}\p{N}]|-\p{L})` finds it:
        // letters, optionally a hyphen and more letters, glued to no letter, digit or further part.
        let q = runEnd(t, start, LETTER);
        let end = q;
        let hyphen = false;
        if (t.charCodeAt(q) === HYPHEN && classOf(codePointAt(t, q + 1)) & LETTER) {
          const r = runEnd(t, q + 1, LETTER);
          if (!(classOf(codePointAt(t, r)) & NUMBER) && !(t.charCodeAt(r) === HYPHEN && classOf(codePointAt(t, r + 1)) & LETTER)) {
            hyphen = true;
            end = r;
          } else {
            end = -1; // neither "a-b" (glued to more) nor "a" (followed by "-b") stands alone
          }
          q = r;
        } else if (classOf(codePointAt(t, q)) & NUMBER) {
          end = -1;
        }
        if (free && end !== -1 && !taken) {
          const ascii = isAscii(t, start, end);
          if (hyphen) facts.closed.push(t.slice(start, end).toLowerCase().replace('-', ''));
          facts.words.push(start, end, (hyphen ? 1 : 0) | (ascii ? 0 : 2));
        }
        i = q;
      }
      return facts;
    };
    // What each sentence contributes depends on its text alone, so it is remembered by text: an
    // article checked again after one sentence changed (the review app's save) scans one sentence.
    const remembered = new TextMemo<SentenceFacts>();

    return (doc) => {
      const occurrences: Occurrence[] = [];
      const sentences = doc.segmentation.sentences;
      const closed = new Set<string>();
      const factsOf = sentences.map((s) => remembered.get(s.text) ?? remembered.set(s.text, '', scanSentence(s.text)));
      sentences.forEach((s, i) => {
        const facts = factsOf[i]!;
        for (const { start, text, ref } of facts.listed) {
          occurrences.push({
            sentence: s.index,
            start,
            text,
            key: ref.family.id,
            variant: String(ref.variant),
            spell: (v) => {
              const forms = ref.family.variants[Number(v)]!;
              const word = forms[ref.form] ?? forms[0]!;
              return ref.family.caseSensitive ? word : matchCase(word, text);
            },
          });
        }
        for (const c of facts.closed) closed.add(c);
      });
      // Hyphenation variants: a hyphenated word whose closed form also occurs in the article.
      // Only hyphenated words and closed forms of them are collected, in document order; the words
      // are only read when some hyphenated word has a closed form to look for.
      const seen = new Map<string, { sentence: number; start: number; text: string }[]>();
      if (closed.size > 0) {
        const lengths = new Set([...closed].map((w) => w.length));
        sentences.forEach((s, i) => {
          const words = factsOf[i]!.words;
          for (let k = 0; k < words.length; k += 3) {
            const sentence = s.index;
            const start = words[k]!;
            const end = words[k + 1]!;
            const flags = words[k + 2]!;
            // An ASCII word keeps its length when lower-cased: one of another length is no closed form.
            if (flags === 0 && !lengths.has(end - start)) continue;
            const text = s.text.slice(start, end);
            const lower = text.toLowerCase();
            if (!(flags & 1) && !closed.has(lower)) continue;
            const list = seen.get(lower) ?? [];
            list.push({ sentence, start, text });
            seen.set(lower, list);
          }
        });
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

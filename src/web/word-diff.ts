/**
 * Word-level differences between the MT text and a corrected rendering, as plain change objects
 * that templates render (`<del>`/`<ins>`); no HTML is built here.
 *
 * The tokens are jsdiff's words-with-space tokens. An edit of up to `MAX_WORD_EDIT_TOKENS`
 * inserted plus removed tokens is shown exactly (Myers' minimal diff); a bigger one is a rewrite,
 * shown as the words it kept at both ends around one removal and one addition. That is easier to
 * read than a scatter of kept "the"s and commas, and cheaper: Myers' diff gives up at the limit, so
 * a rewrite costs at most the square of the limit rather than of the sentence, and nothing at all
 * when a linear lower bound on the edit already exceeds it.
 */
import { diffArrays, wordsWithSpaceDiff } from 'diff';
import { minEditTokens } from '../core/edit-bound.js';

/** One run of the word diff: unchanged, removed from the MT text, or added by the reviewer. */
export interface WordChange {
  value: string;
  added: boolean;
  removed: boolean;
}

/** Inserted plus removed tokens (words, spaces, punctuation) beyond which an edit is shown as a rewrite. */
export const MAX_WORD_EDIT_TOKENS = 60;

/** Diffs two texts word by word (white space kept as its own token). */
export function wordDiff(before: string, after: string): WordChange[] {
  if (before === after) return before === '' ? [] : [{ value: before, added: false, removed: false }];
  const a = wordsWithSpaceDiff.tokenize(before);
  const b = wordsWithSpaceDiff.tokenize(after);
  const exact = minEditTokens(a, b) <= MAX_WORD_EDIT_TOKENS ? diffArrays(a, b, { maxEditLength: MAX_WORD_EDIT_TOKENS }) : undefined;
  if (!exact) return rewrite(a, b);
  return exact.map((c) => ({ value: c.value.join(''), added: c.added, removed: c.removed }));
}

/** A rewrite: the tokens both texts start and end with stay, everything between is removed, then added. */
function rewrite(a: readonly string[], b: readonly string[]): WordChange[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const runs: WordChange[] = [
    { value: a.slice(0, head).join(''), added: false, removed: false },
    { value: a.slice(head, a.length - tail).join(''), added: false, removed: true },
    { value: b.slice(head, b.length - tail).join(''), added: true, removed: false },
    { value: a.slice(a.length - tail).join(''), added: false, removed: false },
  ];
  return runs.filter((r) => r.value !== '');
}

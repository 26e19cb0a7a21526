/**
 * Word-level differences between the MT text and a corrected rendering, as plain change objects
 * that templates render (`<del>`/`<ins>`); no HTML is built here.
 */
import { diffWordsWithSpace } from 'diff';

/** One run of the word diff: unchanged, removed from the MT text, or added by the reviewer. */
export interface WordChange {
  value: string;
  added: boolean;
  removed: boolean;
}

/** Diffs two texts word by word (white space kept as its own token). */
export function wordDiff(before: string, after: string): WordChange[] {
  if (before === after) return before === '' ? [] : [{ value: before, added: false, removed: false }];
  return diffWordsWithSpace(before, after).map((c) => ({ value: c.value, added: c.added, removed: c.removed }));
}

/**
 * What a correction changed in the MT sentence, as plain change objects that templates render
 * (`<del>`/`<ins>`); no HTML is built here.
 *
 * The diff shown is the stored patch's (`core/patch.ts`): the same tokens (words, runs of white
 * space, single punctuation marks), the same minimal edit up to `MAX_EDIT_TOKENS` inserted plus
 * removed tokens, and a rewrite beyond it. So what a reviewer sees is what was stored, and a saved
 * revision's diff is read from its patch instead of being computed again: a save costs one diff,
 * not two. A rewrite is shown as the words it kept at both ends around one removal and one
 * addition, which reads better than a scatter of kept "the"s and commas.
 */
import { appendRun, makePatch, patchRuns, tokenize, type PatchRun } from '../core/patch.js';
import type { Revision } from '../store/types.js';

/** One run of the diff: unchanged, removed from the MT text, or added by the reviewer. */
export type WordChange = PatchRun;

/** Diffs two texts as their patch would (the conflict page's "yours", revisions re-applied to a new MT text). */
export function wordDiff(before: string, after: string): WordChange[] {
  if (before === after) return before === '' ? [] : [{ value: before, added: false, removed: false }];
  // A patch made here always fits the text it was made on.
  return shown(patchRuns(before, makePatch(before, after))!);
}

/**
 * The diff of a revision against the MT sentence it is shown on: read from the revision's patch
 * when the patch was made on this very MT text, otherwise (the MT text was re-imported since)
 * computed.
 */
export function revisionDiff(mtText: string, revision: Pick<Revision, 'patch' | 'text'>): WordChange[] {
  if (revision.text === mtText) return [];
  const runs = patchRuns(mtText, revision.patch);
  if (runs && runs.filter((r) => !r.removed).map((r) => r.value).join('') === revision.text) return shown(runs);
  return wordDiff(mtText, revision.text);
}

/**
 * Runs as shown: white space kept between two changes joins them (“new crown” → “COVID-19” reads
 * as one replacement, not two around a kept space), and the words a removal and its addition
 * start or end with alike are shown as kept. So a patch that replaces the whole sentence reads as a
 * rewrite between the words kept at both ends.
 */
function shown(runs: readonly WordChange[]): WordChange[] {
  const out: WordChange[] = [];
  const push = (value: string, added: boolean, removed: boolean): void => appendRun(out, value, added, removed);
  let removed = '';
  let added = '';
  const flush = (): void => {
    const a = tokenize(removed);
    const b = tokenize(added);
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    push(a.slice(0, head).join(''), false, false);
    push(a.slice(head, a.length - tail).join(''), false, true);
    push(b.slice(head, b.length - tail).join(''), true, false);
    push(a.slice(a.length - tail).join(''), false, false);
    removed = added = '';
  };
  runs.forEach((r, i) => {
    if (r.removed) removed += r.value;
    else if (r.added) added += r.value;
    else if ((removed || added) && i < runs.length - 1 && /^\s+$/.test(r.value)) {
      removed += r.value;
      added += r.value;
    } else {
      flush();
      push(r.value, false, false);
    }
  });
  flush();
  return out;
}

/**
 * Matching the sentences of an article's old MT text with those of its re-run MT text, so reviews
 * follow their sentences.
 */
import { diffArrays } from 'diff';

/** Where each old sentence went: an unchanged sentence, a changed one, or none (removed). */
export type SentenceMove =
  | { kind: 'same'; from: number; to: number }
  | { kind: 'changed'; from: number; to: number }
  | { kind: 'removed'; from: number };

/**
 * Aligns old and new sentences by an LCS over their hashes: equal runs are `same`; inside a run
 * of replaced sentences, old and new are paired by position (`changed`); leftovers are removed or new.
 */
export function alignSentences(oldHashes: readonly string[], newHashes: readonly string[]): SentenceMove[] {
  const moves: SentenceMove[] = [];
  let i = 0;
  let j = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = (): void => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) moves.push({ kind: 'changed', from: removed[k]!, to: added[k]! });
    for (let k = paired; k < removed.length; k++) moves.push({ kind: 'removed', from: removed[k]! });
    removed = [];
    added = [];
  };
  for (const part of diffArrays(oldHashes as string[], newHashes as string[])) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      for (let k = 0; k < n; k++) removed.push(i++);
    } else if (part.added) {
      for (let k = 0; k < n; k++) added.push(j++);
    } else {
      flush();
      for (let k = 0; k < n; k++) moves.push({ kind: 'same', from: i++, to: j++ });
    }
  }
  flush();
  return moves;
}

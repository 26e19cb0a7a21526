/**
 * A linear lower bound on the size of a token diff, so that a rewrite is recognised before
 * Myers' algorithm spends the square of its length finding that no small edit exists.
 *
 * An edit script made of insertions and deletions keeps a common subsequence of the two token
 * lists; it can keep no more tokens than the two lists have in common counted with multiplicity
 * (their multiset intersection). Every token not kept is inserted or deleted, so the edit has at
 * least `a.length + b.length − 2 × common` tokens. Pure.
 */

/** The fewest tokens an insert/delete edit from `a` to `b` can insert plus delete. */
export function minEditTokens(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of b) {
    const n = counts.get(token);
    if (n) {
      common++;
      counts.set(token, n - 1);
    }
  }
  return a.length + b.length - 2 * common;
}

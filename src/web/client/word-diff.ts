/**
 * A small word-level diff for the browser (longest common subsequence over words and white space),
 * so the preview follows typing without a request. A saved correction's diff is the server's, read
 * from its patch (`web/word-diff.ts`), whose tokens and grouping differ slightly from this one's.
 */

/** One run of the diff, shaped like jsdiff's change objects. */
export interface ClientChange {
  value: string;
  added: boolean;
  removed: boolean;
}

/** Words, runs of white space and single punctuation marks, in order. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu) ?? [];
}

/** Largest token grid diffed exactly; beyond it the whole text counts as replaced. */
const MAX_CELLS = 250_000;

/** Diffs two texts word by word; adjacent runs of the same kind are merged. */
export function diffWords(before: string, after: string): ClientChange[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const out: ClientChange[] = [];
  const push = (value: string, added: boolean, removed: boolean) => {
    const last = out[out.length - 1];
    if (last && last.added === added && last.removed === removed) last.value += value;
    else out.push({ value, added, removed });
  };
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    if (before) push(before, false, true);
    if (after) push(after, true, false);
    return out;
  }
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(a[i]!, false, false);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      push(a[i++]!, false, true);
    } else {
      push(b[j++]!, true, false);
    }
  }
  while (i < a.length) push(a[i++]!, false, true);
  while (j < b.length) push(b[j++]!, true, false);
  return out;
}

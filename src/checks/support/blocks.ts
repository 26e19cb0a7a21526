/**
 * Grouping a document's sentences into blocks, for checks whose state (open quotes, open brackets)
 * may run across sentence boundaries but not across blocks.
 */
import type { CheckDocument, Sentence } from '../../core/types.js';

/** A blank line: the end of a block as the author typed it. */
const BLANK_LINE = /\n[ \t\r\f\v]*\n|\r[ \t\f\v]*\r/;

/**
 * The sentences of each block, in document order: a block ends at a blank line or where the
 * segmenter starts a new paragraph. (The segmenter may join an unindented block to the paragraph
 * before it; a quotation convention such as reopening quotes per block still needs the block.)
 * Computed once per document object; callers must not modify the result.
 */
export function sentencesByBlock(doc: CheckDocument): readonly (readonly Sentence[])[] {
  const known = byDocument.get(doc);
  if (known && known.segmentation === doc.segmentation && known.text === doc.text) return known.groups;
  const groups = group(doc);
  byDocument.set(doc, { text: doc.text, segmentation: doc.segmentation, groups });
  return groups;
}

/** Blocks already found, per document object: the bracket and quote checks share them. */
const byDocument = new WeakMap<CheckDocument, { text: string; segmentation: CheckDocument['segmentation']; groups: Sentence[][] }>();

/** Groups the sentences into blocks. */
function group(doc: CheckDocument): Sentence[][] {
  const groups: Sentence[][] = [];
  let prev: Sentence | undefined;
  for (const s of doc.segmentation.sentences) {
    // A blank line takes two characters at least; most gaps are one space.
    const blank = prev !== undefined && s.start - prev.end >= 2 && BLANK_LINE.test(doc.text.slice(prev.end, s.start));
    if (!prev || s.paragraph !== prev.paragraph || blank) groups.push([s]);
    else groups[groups.length - 1]!.push(s);
    prev = s;
  }
  return groups;
}

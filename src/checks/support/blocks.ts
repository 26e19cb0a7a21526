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
 */
export function sentencesByBlock(doc: CheckDocument): Sentence[][] {
  const groups: Sentence[][] = [];
  let prev: Sentence | undefined;
  for (const s of doc.segmentation.sentences) {
    const gap = prev ? doc.text.slice(prev.end, s.start) : '';
    if (!prev || s.paragraph !== prev.paragraph || BLANK_LINE.test(gap)) groups.push([s]);
    else groups[groups.length - 1]!.push(s);
    prev = s;
  }
  return groups;
}

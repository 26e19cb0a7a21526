/**
 * Grouping a segmentation's sentences by paragraph, for checks whose state (open quotes, open
 * brackets) may run across sentence boundaries but not across paragraphs.
 */
import type { Segmentation, Sentence } from '../../core/types.js';

/** The sentences of each paragraph, in document order; sentences no paragraph lists form their own paragraph. */
export function sentencesByParagraph(seg: Segmentation): Sentence[][] {
  const seen = new Set<number>();
  const groups: Sentence[][] = [];
  for (const p of seg.paragraphs) {
    const group = p.sentences.map((i) => seg.sentences[i]).filter((s): s is Sentence => s !== undefined && !seen.has(s.index));
    for (const s of group) seen.add(s.index);
    if (group.length) groups.push(group);
  }
  for (const s of seg.sentences) if (!seen.has(s.index)) groups.push([s]);
  return groups.sort((a, b) => a[0]!.start - b[0]!.start);
}

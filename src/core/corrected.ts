/**
 * The corrected document: the MT article with reviewers' renderings put in place of their MT
 * sentences, keeping everything between sentences (blank lines, indentation, line endings) as is.
 * Its segmentation points at the corrected sentences, so the checker can re-check the corrected
 * text with findings mapped to the same sentence indices as the MT.
 */
import type { Paragraph, Segmentation, Sentence } from './types.js';

/** A corrected document and its segmentation (same sentence and paragraph indices as the MT). */
export interface CorrectedDocument {
  text: string;
  segmentation: Segmentation;
}

/**
 * Replaces every sentence `i` of the MT document by `corrected[i]` (null/undefined keeps the MT
 * sentence) and maps sentence and paragraph offsets onto the new text.
 */
export function buildCorrectedDocument(
  mtText: string,
  segmentation: Segmentation,
  corrected: ReadonlyArray<string | null | undefined>,
): CorrectedDocument {
  const parts: string[] = [];
  const sentences: Sentence[] = [];
  /** For each MT sentence: [old start, old end, new start, new end], to map paragraph offsets. */
  const moves: Array<[number, number, number, number]> = [];
  let from = 0;
  let length = 0;
  for (const s of segmentation.sentences) {
    const gap = mtText.slice(from, s.start);
    parts.push(gap);
    length += gap.length;
    const text = corrected[s.index] ?? s.text;
    parts.push(text);
    sentences.push({ ...s, start: length, end: length + text.length, text });
    moves.push([s.start, s.end, length, length + text.length]);
    length += text.length;
    from = s.end;
  }
  parts.push(mtText.slice(from));
  const text = parts.join('');
  const mapOffset = (offset: number): number => mapThrough(moves, offset);
  const paragraphs: Paragraph[] = segmentation.paragraphs.map((p) => ({
    ...p,
    start: mapOffset(p.start),
    end: mapOffset(p.end),
    sentences: [...p.sentences],
  }));
  return { text, segmentation: { text, sentences, paragraphs } };
}

/**
 * Maps an MT document offset onto the corrected document: offsets between sentences shift by the
 * length change of the sentences before them; a sentence's start and end map to the new start and end.
 */
function mapThrough(moves: ReadonlyArray<readonly [number, number, number, number]>, offset: number): number {
  let delta = 0;
  for (const [oldStart, oldEnd, newStart, newEnd] of moves) {
    if (offset < oldStart) break;
    if (offset === oldStart) return newStart;
    if (offset < oldEnd) return Math.min(newStart + (offset - oldStart), newEnd);
    delta = newEnd - oldEnd;
  }
  return offset + delta;
}

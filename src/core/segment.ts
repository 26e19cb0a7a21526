/**
 * Sentence segmentation for news articles (placeholder: replaced by the real segmenter).
 */
import type { Segmentation } from './types.js';

/** Segments an article into headline, paragraphs and sentences with exact offsets. */
export function segment(text: string): Segmentation {
  const sentences: Segmentation['sentences'] = [];
  const re = /\S[^\n]*/g;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const raw = m[0].trimEnd();
    sentences.push({ index: sentences.length, paragraph: sentences.length, start, end: start + raw.length, text: raw, kind: sentences.length === 0 ? 'headline' : 'body' });
  }
  return { text, sentences, paragraphs: sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, sentences: [s.index] })) };
}

/** Splits text into sentence strings (convenience over `segment`). */
export function splitSentences(text: string): string[] {
  return segment(text).sentences.map((s) => s.text);
}

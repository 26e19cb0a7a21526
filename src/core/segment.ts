/**
 * Sentence segmentation for news articles: headline, paragraphs and sentences, each with exact
 * offsets into the source text.
 *
 * Layout (see corpus/README.md): the first non-blank line is the headline; blank lines separate
 * blocks; when some body block is indented, an indented block starts a paragraph and an
 * unindented one continues the paragraph before it (the MT pipeline split paragraphs into
 * one-sentence blocks), otherwise every block is a paragraph. Inside a block, a line that starts
 * with a list marker starts a sentence and any other line break counts as a space. The sentence
 * boundaries themselves are found by one linear scan (`./segment/scan.ts`).
 */
import { isLineEnd, isSpace } from './segment/chars.js';
import { matchListMarker } from './segment/list-marker.js';
import { scanSentences } from './segment/scan.js';
import type { Paragraph, Segmentation, Sentence } from './types.js';

/** Options for `segment` and `splitSentences`. */
export interface SegmentOptions {
  /**
   * Treat the first non-blank line as the article's headline: its own sentence(s) of kind
   * `headline` in paragraph 0, ending at the end of its line. Default `true` for `segment`,
   * `false` for `splitSentences` (plain prose).
   */
  headline?: boolean;
}

/** A run of non-blank lines; `start`/`end` are trimmed. */
interface Block {
  start: number;
  end: number;
  /** The block's first line starts with white space. */
  indented: boolean;
  /** The block must start a paragraph (the rest of the headline's block). */
  forceParagraph: boolean;
}

/** Segments an article into headline, paragraphs and sentences with exact offsets. */
export function segment(text: string, options: SegmentOptions = {}): Segmentation {
  const blocks = findBlocks(text);
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  if (blocks.length === 0) return { text, sentences, paragraphs };

  let body = blocks;
  if (options.headline ?? true) {
    const first = blocks[0]!;
    const lineEnd = endOfFirstLine(text, first);
    const headline: Block = { start: first.start, end: lineEnd, indented: false, forceParagraph: true };
    const rest = restOfBlock(text, first, lineEnd);
    addParagraph(text, headline, 'headline', sentences, paragraphs);
    body = rest ? [rest, ...blocks.slice(1)] : blocks.slice(1);
  }

  const anyIndented = body.some((b) => b.indented);
  let paragraphOfBody = false;
  for (const block of body) {
    if (!paragraphOfBody || !anyIndented || block.indented || block.forceParagraph) {
      addParagraph(text, block, 'body', sentences, paragraphs);
      paragraphOfBody = true;
    } else {
      addSentences(text, block, 'body', paragraphs[paragraphs.length - 1]!, sentences);
    }
  }
  return { text, sentences, paragraphs };
}

/** Splits text into sentence strings: plain prose, no headline (pass `{ headline: true }` for articles). */
export function splitSentences(text: string, options: SegmentOptions = {}): string[] {
  return segment(text, { headline: false, ...options }).sentences.map((s) => s.text);
}

/** Finds the blocks: maximal runs of lines that hold something other than white space. */
function findBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const n = text.length;
  let current: Block | null = null;
  let pos = 0;
  for (;;) {
    let e = pos;
    while (e < n && !isLineEnd(text.charCodeAt(e))) e++;
    let a = pos;
    while (a < e && isSpace(text.charCodeAt(a))) a++;
    if (a === e) {
      current = null;
    } else {
      let b = e;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      if (current) current.end = b;
      else {
        current = { start: a, end: b, indented: a > pos, forceParagraph: false };
        blocks.push(current);
      }
    }
    if (e >= n) break;
    pos = nextLineStart(text, e);
  }
  return blocks;
}

/** Offset of the line after the line break at `e` (CRLF, LF or a lone CR). */
function nextLineStart(text: string, e: number): number {
  return text.charCodeAt(e) === 0x0d && text.charCodeAt(e + 1) === 0x0a ? e + 2 : e + 1;
}

/** Trimmed end of the first line of `block`. */
function endOfFirstLine(text: string, block: Block): number {
  let e = block.start;
  while (e < block.end && !isLineEnd(text.charCodeAt(e))) e++;
  while (isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** The lines of `block` after its first line, as a block of its own, or null when there are none. */
function restOfBlock(text: string, block: Block, firstLineEnd: number): Block | null {
  if (firstLineEnd >= block.end) return null;
  let e = firstLineEnd;
  while (!isLineEnd(text.charCodeAt(e))) e++;
  const lineStart = nextLineStart(text, e);
  let a = lineStart;
  while (isSpace(text.charCodeAt(a))) a++;
  return { start: a, end: block.end, indented: a > lineStart, forceParagraph: true };
}

/** Opens a paragraph with `block`'s sentences. */
function addParagraph(
  text: string,
  block: Block,
  kind: Sentence['kind'],
  sentences: Sentence[],
  paragraphs: Paragraph[],
): void {
  const paragraph: Paragraph = { index: paragraphs.length, start: block.start, end: block.end, sentences: [] };
  paragraphs.push(paragraph);
  addSentences(text, block, kind, paragraph, sentences);
}

/** Appends `block`'s sentences to `paragraph`; a list-item line starts a new run of sentences. */
function addSentences(text: string, block: Block, kind: Sentence['kind'], paragraph: Paragraph, sentences: Sentence[]): void {
  const emit = (start: number, end: number): void => {
    const index = sentences.length;
    sentences.push({ index, paragraph: paragraph.index, start, end, text: text.slice(start, end), kind });
    paragraph.sentences.push(index);
  };
  const end = block.end;
  let runStart = block.start;
  let pos = block.start;
  for (;;) {
    let e = pos;
    while (e < end && !isLineEnd(text.charCodeAt(e))) e++;
    if (e >= end) break;
    let a = nextLineStart(text, e);
    while (isSpace(text.charCodeAt(a))) a++; // lines inside a block are never blank
    if (matchListMarker(text, a, end, false)) {
      let b = e;
      while (isSpace(text.charCodeAt(b - 1))) b--;
      scanSentences(text, runStart, b, emit);
      runStart = a;
    }
    pos = a;
  }
  scanSentences(text, runStart, end, emit);
  paragraph.end = end;
}

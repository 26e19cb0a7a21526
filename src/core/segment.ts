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
  /** Its line breaks, as pairs: trimmed end of a line, then the first non-space offset of the next. */
  breaks: number[];
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
    const rest = restOfBlock(text, first);
    addParagraph(text, firstLine(first), 'headline', sentences, paragraphs);
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
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  for (;;) {
    if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    const e = lf === -1 ? (cr === -1 ? n : cr) : cr === -1 ? lf : Math.min(lf, cr);
    let a = pos;
    while (a < e && isSpace(text.charCodeAt(a))) a++;
    if (a === e) {
      current = null;
    } else {
      let b = e;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      if (current) {
        current.breaks.push(current.end, a);
        current.end = b;
      } else {
        // A byte order mark (callers should have stripped it) is not indentation.
        const indented = a > pos + (text.charCodeAt(pos) === 0xfeff ? 1 : 0);
        current = { start: a, end: b, indented, forceParagraph: false, breaks: [] };
        blocks.push(current);
      }
    }
    if (e >= n) break;
    pos = text.charCodeAt(e) === 0x0d && text.charCodeAt(e + 1) === 0x0a ? e + 2 : e + 1;
  }
  return blocks;
}

/** The headline: the first line of `block`. */
function firstLine(block: Block): Block {
  const end = block.breaks.length > 0 ? block.breaks[0]! : block.end;
  return { start: block.start, end, indented: block.indented, forceParagraph: true, breaks: [] };
}

/** The lines of `block` after its first line, as a block of its own, or null when there are none. */
function restOfBlock(text: string, block: Block): Block | null {
  if (block.breaks.length === 0) return null;
  const start = block.breaks[1]!;
  const indented = !isLineEnd(text.charCodeAt(start - 1));
  return { start, end: block.end, indented, forceParagraph: true, breaks: block.breaks.slice(2) };
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
  const breaks = block.breaks;
  let runStart = block.start;
  for (let k = 0; k < breaks.length; k += 2) {
    const next = breaks[k + 1]!;
    if (matchListMarker(text, next, end, false)) {
      scanSentences(text, runStart, breaks[k]!, emit);
      runStart = next;
    }
  }
  scanSentences(text, runStart, end, emit);
  paragraph.end = end;
}

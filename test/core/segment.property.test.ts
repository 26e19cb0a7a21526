/**
 * Properties of `segment` over arbitrary strings (fast-check): exact offsets, full coverage of
 * the non-space text, no sentence across a blank line, consistent paragraphs, and line-ending
 * independence.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { segment, splitSentences } from '../../src/core/segment.js';
import type { Segmentation } from '../../src/core/types.js';

/** Pieces that exercise the segmenter's rules, mixed with arbitrary text below. */
const PIECES = [
  ' ', ' ', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\u00a0', '\u3000', '\uFEFF',
  '.', '. ', '...', '…', ' . . . ', '?', '!', '?!', '。', '！', '？', '．', '"', "'", '“', '”', '‘', '’',
  '(', ')', '[', ']', '「', '」', '《', '》', ',', ':', ';', '-', '- ', '* ', '• ', '⁃', '1. ', '2) ',
  'a) ', 'b. ', '(3) ', 'Mr.', 'U.S.', 'e.g.', 'p.m.', 'No.', 'Inc.', 'J.', 'etc.', 'www.example.com',
  'a@b.co', '3.5', '$1.5', '80.1%', 'The', 'He', 'she', 'it', 'White', 'new crown', 'Belarus', '新冠',
  '😀', '\uD83D', '\uDE00', 'é', 'ǃ', 'Ω',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
/** Strings built from rule-triggering pieces and arbitrary (also astral and lone-surrogate) text. */
const documentText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
/** Any string at all, for the properties that must hold on everything. */
const anyText = fc.oneof(documentText, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }));

const isWhite = (s: string): boolean => s.trim() === '';
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r|\n)/;

/** Every structural promise a segmentation makes, checked against its text. */
function assertWellFormed(text: string, seg: Segmentation): void {
  assert.equal(seg.text, text);
  let pos = 0;
  let rebuilt = '';
  seg.sentences.forEach((s, i) => {
    assert.equal(s.index, i);
    assert.ok(s.start >= pos && s.end > s.start && s.end <= text.length, `range of sentence ${i}`);
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.equal(s.text, s.text.trim(), 'trimmed');
    const gap = text.slice(pos, s.start);
    assert.ok(isWhite(gap), `only white space between sentences: ${JSON.stringify(gap)}`);
    assert.ok(!BLANK_LINE.test(s.text), 'no sentence crosses a blank line');
    rebuilt += gap + s.text;
    pos = s.end;
  });
  assert.ok(isWhite(text.slice(pos)));
  assert.equal(rebuilt + text.slice(pos), text);

  // Paragraphs: in order, each a run of consecutive sentences, covering all of them.
  const order = seg.paragraphs.flatMap((p) => p.sentences);
  assert.deepEqual(order, seg.sentences.map((s) => s.index));
  seg.paragraphs.forEach((p, i) => {
    assert.equal(p.index, i);
    assert.ok(p.sentences.length > 0);
    for (const k of p.sentences) assert.equal(seg.sentences[k]!.paragraph, i);
    assert.equal(p.start, seg.sentences[p.sentences[0]!]!.start);
    assert.equal(p.end, seg.sentences[p.sentences.at(-1)!]!.end);
  });
  // The headline, when there is text at all, is paragraph 0 and nothing else.
  for (const s of seg.sentences) assert.equal(s.kind === 'headline', s.paragraph === 0);
}

describe('segment (properties)', () => {
  it('covers the text exactly: slices, trimmed, only white space between, paragraphs consistent', () => {
    fc.assert(fc.property(anyText, (text) => assertWellFormed(text, segment(text))), { numRuns: 3000 });
  });

  it('holds the same promises in prose mode (no headline)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const seg = segment(text, { headline: false });
        assert.ok(seg.sentences.every((s) => s.kind === 'body'));
        const { sentences, paragraphs } = seg;
        // Shift the headline rule out of the way: prose has no paragraph 0 exception.
        assertWellFormed(text, { text, sentences: sentences.map((s) => ({ ...s, kind: s.paragraph === 0 ? 'headline' : 'body' })), paragraphs });
      }),
      { numRuns: 1000 },
    );
  });

  it('finds text exactly when the document has non-white-space text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const seg = segment(text);
        assert.equal(seg.sentences.length === 0, isWhite(text));
        assert.equal(seg.paragraphs.length === 0, isWhite(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the line ending: LF, CRLF and CR give the same sentences', () => {
    const lfText = fc.array(fc.oneof(piece, fc.constantFrom('\n', '\n\n', '\n  ')), { maxLength: 60 }).map((parts) =>
      parts.join('').replace(/\r\n?/g, '\n'),
    );
    fc.assert(
      fc.property(lfText, (text) => {
        const lf = segment(text);
        for (const eol of ['\r\n', '\r']) {
          const other = segment(text.replace(/\n/g, eol));
          assert.deepEqual(
            other.sentences.map((s) => [s.text.replaceAll(eol, '\n'), s.paragraph, s.kind]),
            lf.sentences.map((s) => [s.text, s.paragraph, s.kind]),
          );
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets a sentence cross a blank line: prose splits like its blocks split alone', () => {
    fc.assert(
      fc.property(documentText, documentText, fc.constantFrom('\n\n', '\r\n\r\n', '\n \t\n', '\r\r'), (a, b, gap) => {
        assert.deepEqual(splitSentences(a + gap + b), [...splitSentences(a), ...splitSentences(b)]);
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(anyText, (text) => assert.deepEqual(segment(text), segment(text))), { numRuns: 300 });
  });

  it('segments a large generated input correctly (no quadratic blow-up on long runs)', () => {
    const sentence = 'Mr. Smith paid US$1.5 billion at 3 p.m. on Sept. 14, e.g. for www.example.com. ';
    const n = 20000;
    const big = `Headline\n\n  ${sentence.repeat(n)}\n\n${'a.'.repeat(200000)}\n\n${'.'.repeat(200000)}\n\n${'“a '.repeat(50000)}`;
    const seg = segment(big);
    assertWellFormed(big, seg);
    // headline + n sentences + the three degenerate blocks, one sentence each
    assert.equal(seg.sentences.length, 1 + n + 3);
    assert.equal(seg.sentences[1]!.text, sentence.trim());
    assert.equal(seg.sentences[n]!.text, sentence.trim());
  });
});

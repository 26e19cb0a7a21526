import assert from 'node:assert/strict';
import { buildCorrectedDocument } from '../../src/core/corrected.js';
import type { Segmentation } from '../../src/core/types.js';

/** A two-paragraph document with a headline, segmented by hand so the test does not depend on the segmenter. */
const MT = 'Headline here\n\n  White is an ally. The new crown spread.\n\nIt ended.\n';
const SEG: Segmentation = {
  text: MT,
  sentences: [
    { index: 0, paragraph: 0, start: 0, end: 13, text: 'Headline here', kind: 'headline' },
    { index: 1, paragraph: 1, start: 17, end: 34, text: 'White is an ally.', kind: 'body' },
    { index: 2, paragraph: 1, start: 35, end: 56, text: 'The new crown spread.', kind: 'body' },
    { index: 3, paragraph: 1, start: 58, end: 67, text: 'It ended.', kind: 'body' },
  ],
  paragraphs: [
    { index: 0, start: 0, end: 13, sentences: [0] },
    { index: 1, start: 15, end: 67, sentences: [1, 2, 3] },
  ],
};

describe('core/corrected', () => {
  it('the hand-made segmentation is consistent with its text', () => {
    for (const s of SEG.sentences) assert.equal(MT.slice(s.start, s.end), s.text);
  });

  const cases: Array<{ name: string; corrected: Array<string | null | undefined>; text: string; paragraphs: Array<[number, number]> }> = [
    { name: 'no corrections give the MT back', corrected: [], text: MT, paragraphs: [[0, 13], [15, 67]] },
    {
      name: 'a longer rendering shifts what follows',
      corrected: [null, 'Belarus is an ally.'],
      text: 'Headline here\n\n  Belarus is an ally. The new crown spread.\n\nIt ended.\n',
      paragraphs: [[0, 13], [15, 69]],
    },
    {
      name: 'a shorter rendering of the last sentence of a paragraph',
      corrected: [undefined, undefined, 'COVID-19 spread.', 'Done.'],
      text: 'Headline here\n\n  White is an ally. COVID-19 spread.\n\nDone.\n',
      paragraphs: [[0, 13], [15, 58]],
    },
    {
      name: 'the headline changes and everything moves',
      corrected: ['A much longer headline here'],
      text: 'A much longer headline here\n\n  White is an ally. The new crown spread.\n\nIt ended.\n',
      paragraphs: [[0, 27], [29, 81]],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const doc = buildCorrectedDocument(MT, SEG, c.corrected);
      assert.equal(doc.text, c.text);
      assert.equal(doc.segmentation.text, c.text);
      assert.equal(doc.segmentation.sentences.length, SEG.sentences.length);
      for (const s of doc.segmentation.sentences) {
        assert.equal(doc.text.slice(s.start, s.end), s.text);
        assert.equal(s.text, c.corrected[s.index] ?? SEG.sentences[s.index]!.text);
        assert.equal(s.paragraph, SEG.sentences[s.index]!.paragraph);
        assert.equal(s.kind, SEG.sentences[s.index]!.kind);
      }
      assert.deepEqual(doc.segmentation.paragraphs.map((p) => [p.start, p.end]), c.paragraphs);
      assert.deepEqual(doc.segmentation.paragraphs.map((p) => p.sentences), SEG.paragraphs.map((p) => p.sentences));
    });
  }
});

import assert from 'node:assert/strict';
import { exportJson, exportMarkdown, exportPatch, exportText, type ExportInput, type ExportJson } from '../../src/core/export.js';
import type { Segmentation } from '../../src/core/types.js';
import { applyWithTools } from '../store/support.js';

const MT = 'Headline here\n\n  White is an ally. The new crown spread.\n\n# It ended.';
/** Sentence texts, kinds and paragraphs of MT (and of its CRLF / final-newline variants). */
const SENTENCES: Array<[string, 'headline' | 'body', number]> = [
  ['Headline here', 'headline', 0],
  ['White is an ally.', 'body', 1],
  ['The new crown spread.', 'body', 1],
  ['# It ended.', 'body', 2],
];

/** Segments a variant of MT by locating the known sentences in order (independent of the real segmenter). */
function segmentSample(mt: string): Segmentation {
  let from = 0;
  const sentences = SENTENCES.map(([text, kind, paragraph], index) => {
    const start = mt.indexOf(text, from);
    assert.ok(start >= 0, `sample lacks ${text}`);
    from = start + text.length;
    return { index, paragraph, start, end: from, text, kind };
  });
  const paragraphs = [0, 1, 2].map((index) => {
    const members = sentences.filter((s) => s.paragraph === index);
    return { index, start: members[0]!.start, end: members[members.length - 1]!.end, sentences: members.map((s) => s.index) };
  });
  return { text: mt, sentences, paragraphs };
}

/** An export input over a variant of MT and the given renderings (undefined: unchanged). */
function input(corrected: Array<string | undefined>, options: { mt?: string; hadBom?: boolean } = {}): ExportInput {
  const mt = options.mt ?? MT;
  const seg = segmentSample(mt);
  return {
    article: { slug: 'sample', title: 'Headline here', path: 'corpus/sample.txt', mtHash: 'h' },
    mtText: mt,
    hadBom: options.hadBom ?? false,
    segmentation: seg,
    sentences: seg.sentences.map((s) => {
      const c = corrected[s.index];
      return {
        index: s.index, paragraph: s.paragraph, kind: s.kind, mt: s.text, corrected: c ?? s.text,
        status: c === undefined ? 'open' : 'edited', reviewer: c === undefined ? null : 'ann', time: c === undefined ? null : '2026-01-01T00:00:00.000Z',
        patch: null, needsAttention: false, conflict: false, findings: [],
      };
    }),
  };
}

describe('core/export', () => {
  describe('txt', () => {
    const cases: Array<{ name: string; corrected: Array<string | undefined>; hadBom?: boolean; expected: string }> = [
      { name: 'no corrections: byte for byte the MT', corrected: [], expected: MT },
      { name: 'no corrections, with a BOM: the BOM comes back', corrected: [], hadBom: true, expected: `\uFEFF${MT}` },
      {
        name: 'a correction in place, layout kept',
        corrected: [undefined, 'Belarus is an ally.'],
        expected: 'Headline here\n\n  Belarus is an ally. The new crown spread.\n\n# It ended.',
      },
    ];
    for (const c of cases) {
      it(c.name, () => assert.equal(exportText(input(c.corrected, { mt: MT, hadBom: c.hadBom ?? false })), c.expected));
    }
  });

  it('md: headline as a heading, paragraphs joined, block markers escaped', () => {
    assert.equal(
      exportMarkdown(input([undefined, 'Belarus is an ally.', 'COVID-19\nspread.'], { mt: MT })),
      '# Headline here\n\nBelarus is an ally. COVID-19 spread.\n\n\\# It ended.\n',
    );
  });

  it('json: every sentence with MT, rendering, status and reviewer', () => {
    const doc = JSON.parse(exportJson(input([undefined, 'Belarus is an ally.'], { mt: MT }))) as ExportJson;
    assert.equal(doc.article.slug, 'sample');
    assert.deepEqual(
      doc.sentences.map((s) => [s.index, s.paragraph, s.mt, s.corrected, s.status, s.reviewer]),
      [
        [0, 0, 'Headline here', 'Headline here', 'open', null],
        [1, 1, 'White is an ally.', 'Belarus is an ally.', 'edited', 'ann'],
        [2, 1, 'The new crown spread.', 'The new crown spread.', 'open', null],
        [3, 2, '# It ended.', '# It ended.', 'open', null],
      ],
    );
  });

  describe('patch', () => {
    it('is empty when nothing changed', () => assert.equal(exportPatch(input([], { mt: MT })), ''));

    it('has git and unified headers naming a/<path> and b/<path>', () => {
      const patch = exportPatch(input([undefined, 'Belarus is an ally.'], { mt: MT }));
      assert.deepEqual(patch.split('\n').slice(0, 3), [
        'diff --git a/corpus/sample.txt b/corpus/sample.txt',
        '--- a/corpus/sample.txt',
        '+++ b/corpus/sample.txt',
      ]);
    });

    const cases: Array<{ name: string; mt: string; corrected: Array<string | undefined>; hadBom?: boolean }> = [
      { name: 'no final newline, last line changed', mt: MT, corrected: [undefined, undefined, undefined, '# It is over.'] },
      { name: 'final newline, first line changed', mt: `${MT}\n`, corrected: ['A new headline'] },
      { name: 'CRLF line endings', mt: MT.replace(/\n/g, '\r\n'), corrected: [undefined, 'Belarus is an ally.'] },
      { name: 'with a BOM', mt: MT, corrected: ['A new headline', 'Belarus is an ally.'], hadBom: true },
    ];
    for (const c of cases) {
      it(`applies with patch -p1 and git apply and gives the txt export: ${c.name}`, function () {
        const doc = input(c.corrected, { mt: c.mt, hadBom: c.hadBom ?? false });
        const txt = exportText(doc);
        const original = `${c.hadBom ? '\uFEFF' : ''}${c.mt}`;
        assert.notEqual(txt, original);
        const out = applyWithTools(original, 'corpus/sample.txt', exportPatch(doc));
        assert.equal(out.patch, txt);
        assert.equal(out.git, txt);
      });
    }
  });
});

import assert from 'node:assert/strict';
import { checkClass, highlightRuns } from '../../src/web/highlight.js';

const f = (check: string, start: number, end: number) => ({ check, range: [start, end] as const, message: `${check} ${start}-${end}` });

describe('web/highlight', () => {
  it('derives the CSS class from the check id', () => {
    assert.equal(checkClass('forbidden-term'), 'check-forbidden-term');
    assert.equal(checkClass('odd id!'), 'check-odd-id-');
  });

  it('cuts the text at finding boundaries, keeping plain text whole', () => {
    assert.deepEqual(highlightRuns('White is an ally', [f('forbidden-term', 0, 5)]), [
      { text: 'White', marks: ['check-forbidden-term'], titles: ['forbidden-term 0-5'] },
      { text: ' is an ally', marks: [], titles: [] },
    ]);
  });

  it('gives overlapping findings runs with both marks', () => {
    const runs = highlightRuns('new crown epidemic', [f('a', 0, 9), f('b', 4, 18)]);
    assert.deepEqual(runs.map((r) => [r.text, r.marks]), [['new ', ['check-a']], ['crown', ['check-a', 'check-b']], [' epidemic', ['check-b']]]);
    assert.equal(runs.map((r) => r.text).join(''), 'new crown epidemic');
  });

  it('ignores ranges outside the text or empty (near misses)', () => {
    assert.deepEqual(highlightRuns('abc', [f('x', 2, 9), f('y', 1, 1)]), [{ text: 'abc', marks: [], titles: [] }]);
    assert.deepEqual(highlightRuns('', []), []);
  });
});

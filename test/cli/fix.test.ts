import assert from 'node:assert/strict';
import type { CheckResult } from '../../src/core/checker.js';
import type { Finding } from '../../src/core/types.js';
import { applyFixes, fixText } from '../../src/cli/fix.js';

/** A one-sentence result whose sentence starts at `base`, with fixes given as [start, end, text] in the sentence. */
function result(text: string, base: number, fixes: [number, number, string][]): CheckResult {
  const sentence = { index: 0, paragraph: 0, start: base, end: text.length, text: text.slice(base), kind: 'body' as const };
  const findings = fixes.map(([s, e, t]): Finding => ({
    check: 'c', ruleId: 'c', messageId: 'm', message: 'm', severity: 'error', category: 'terminology', sentence: 0,
    range: [s, e], match: sentence.text.slice(s, e), suggestions: [t], fix: { range: [s, e], text: t }, start: base + s, end: base + e,
  }));
  return { segmentation: { text, sentences: [sentence], paragraphs: [] }, findings };
}

describe('applyFixes', () => {
  it('applies fixes through the sentence offset', () => {
    assert.deepEqual(applyFixes('xx White is here.', result('xx White is here.', 3, [[0, 5, 'Belarus']])), { text: 'xx Belarus is here.', applied: 1 });
  });

  it('skips a fix that overlaps an earlier one and keeps the rest', () => {
    const text = 'the new crown epidemic';
    const r = result(text, 0, [[4, 13, 'COVID-19'], [4, 22, 'COVID-19 epidemic'], [0, 3, 'The']]);
    assert.deepEqual(applyFixes(text, r), { text: 'The COVID-19 epidemic', applied: 2 });
  });

  it('ignores fixes outside the text', () => {
    assert.deepEqual(applyFixes('abc', result('abc', 0, [[2, 9, 'x']])), { text: 'abc', applied: 0 });
  });
});

describe('fixText', () => {
  it('re-checks after each pass and stops when nothing changes', () => {
    let calls = 0;
    const check = (t: string): CheckResult => {
      calls++;
      const i = t.indexOf('aa');
      return result(t, 0, i === -1 ? [] : [[i, i + 2, 'a']]);
    };
    const out = fixText('aaaa', check);
    assert.equal(out.text, 'a');
    assert.equal(out.applied, 3);
    assert.equal(calls, 4);
  });
});

import assert from 'node:assert/strict';
import { fingerprintFinding, normaliseForFingerprint } from '../../src/core/fingerprint.js';

const white = { ruleId: 'forbidden-term/belarus-white', match: 'White' };
const sentence = 'White is a close ally of Russia, and Russia will fulfill all its commitments.';

describe('fingerprintFinding', () => {
  it('is 28 lowercase hex digits and the same for the same input', () => {
    const a = fingerprintFinding(white, sentence);
    assert.match(a, /^[0-9a-f]{28}$/);
    assert.equal(fingerprintFinding({ ...white }, `${sentence}`), a);
  });

  it('ignores offsets and other fields: only rule, match and sentence count', () => {
    const a = fingerprintFinding(white, sentence);
    const placed = { ...white, start: 900, end: 905, message: 'other', severity: 'warning' } as typeof white;
    assert.equal(fingerprintFinding(placed, sentence), a);
  });

  it('survives changes of spacing and line wrapping in the sentence', () => {
    const a = fingerprintFinding(white, sentence);
    assert.equal(fingerprintFinding(white, `  ${sentence.replace('close ally', 'close\n  ally')}  `), a);
  });

  it('changes when the rule, the match or the sentence changes', () => {
    const a = fingerprintFinding(white, sentence);
    assert.notEqual(fingerprintFinding({ ...white, ruleId: 'forbidden-term/other' }, sentence), a);
    assert.notEqual(fingerprintFinding({ ...white, match: 'white' }, sentence), a);
    assert.notEqual(fingerprintFinding(white, sentence.replace('close', 'firm')), a);
  });

  it('keeps the fields apart (no ambiguity from concatenation)', () => {
    assert.notEqual(fingerprintFinding({ ruleId: 'a', match: 'bc' }, 'd'), fingerprintFinding({ ruleId: 'ab', match: 'c' }, 'd'));
  });

  it('treats canonically equivalent Unicode the same (NFC)', () => {
    const composed = 'Café is here.';
    const decomposed = 'Cafe\u0301 is here.';
    assert.equal(fingerprintFinding({ ruleId: 'r', match: 'Café' }, composed), fingerprintFinding({ ruleId: 'r', match: 'Cafe\u0301' }, decomposed));
  });

  it('spreads nearby inputs over different values', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(fingerprintFinding({ ruleId: 'r', match: 'm' }, `sentence ${i}`));
    assert.equal(seen.size, 2000);
  });
});

describe('normaliseForFingerprint', () => {
  it('collapses white space runs and trims', () => {
    assert.equal(normaliseForFingerprint(' a \t b\r\n c '), 'a b c');
  });
});

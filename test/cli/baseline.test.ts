import assert from 'node:assert/strict';
import { buildBaseline, createBaselineFilter, serialiseBaseline, type Baseline } from '../../src/cli/baseline.js';
import type { ReportedFinding } from '../../src/cli/report.js';

function f(ruleId: string, fingerprint: string, match = 'x'): ReportedFinding {
  return { ruleId, check: ruleId.split('/')[0]!, category: 'terminology', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 2, match, message: 'm', suggestions: [], fingerprint };
}

describe('baseline', () => {
  it('builds sorted entries, counting identical findings, and keeps entries of files not checked', () => {
    const previous: Baseline = { version: 1, suppressions: [{ file: 'z.txt', ruleId: 'r', fingerprint: '1', match: 'old', count: 2 }, { file: 'a.txt', ruleId: 'gone', fingerprint: '9', match: 'stale', count: 1 }] };
    const b = buildBaseline([{ file: 'a.txt', findings: [f('r/b', '2'), f('r/a', '3'), f('r/b', '2'), f('r/b', '1')] }], previous);
    assert.deepEqual(b.suppressions.map((s) => `${s.file} ${s.ruleId} ${s.fingerprint} ${s.count}`), ['a.txt r/a 3 1', 'a.txt r/b 1 1', 'a.txt r/b 2 2', 'z.txt r 1 2']);
  });

  it('serialises the same baseline to the same bytes whatever the input order', () => {
    const one = buildBaseline([{ file: 'b.txt', findings: [f('r', '2')] }, { file: 'a.txt', findings: [f('r', '1')] }]);
    const two = buildBaseline([{ file: 'a.txt', findings: [f('r', '1')] }, { file: 'b.txt', findings: [f('r', '2')] }]);
    assert.equal(serialiseBaseline(one), serialiseBaseline(two));
    assert.ok(serialiseBaseline(one).endsWith('}\n'));
  });

  it('suppresses at most `count` identical findings, only in the same file, and counts them', () => {
    const b: Baseline = { version: 1, suppressions: [{ file: 'a.txt', ruleId: 'r', fingerprint: '1', match: 'x', count: 1 }] };
    const filter = createBaselineFilter(b);
    const out = [
      filter('a.txt', [f('r', '1'), f('r', '1'), f('r', '2')]),
      filter('b.txt', [f('r', '1')]),
      filter('a.txt', [f('r', '1')]), // the entry is used up for the rest of the run
    ];
    assert.deepEqual(out.map((o) => o.suppressed), [1, 0, 0]);
    assert.deepEqual(out.map((o) => o.findings.map((x) => x.fingerprint)), [['1', '2'], ['1'], ['1']]);
  });
});

import assert from 'node:assert/strict';
import { formatGithub, escapeGithubData, escapeGithubProperty } from '../../src/cli/formatters/github.js';
import { FORMAT_NAMES, FORMATS, summarise, type FormatInput } from '../../src/cli/formatters/index.js';
import { findingsJson, formatJson } from '../../src/cli/formatters/json.js';
import { escapeXml, formatJunit } from '../../src/cli/formatters/junit.js';
import { formatSarif, toUri } from '../../src/cli/formatters/sarif.js';
import { formatStylish } from '../../src/cli/formatters/stylish.js';
import type { FileReport, ReportedFinding } from '../../src/cli/report.js';
import { validateSarif } from './sarif-schema.js';
import { parseXml } from './xml.js';

function finding(over: Partial<ReportedFinding>): ReportedFinding {
  return {
    ruleId: 'forbidden-term/new-crown',
    check: 'forbidden-term',
    category: 'terminology',
    severity: 'error',
    line: 1,
    column: 5,
    endLine: 1,
    endColumn: 14,
    match: 'new crown',
    message: 'Use “COVID-19” instead of “new crown”.',
    suggestions: ['COVID-19'],
    fingerprint: 'f'.repeat(28),
    ...over,
  };
}

const reports: FileReport[] = [
  {
    path: 'corpus/a b.txt',
    findings: [
      finding({ fix: { range: [4, 13], text: 'COVID-19', line: 1, column: 5, endLine: 1, endColumn: 14 }, note: '新冠 is COVID-19.' }),
      finding({ ruleId: 'forbidden-term/external-forces', severity: 'warning', category: 'style', line: 12, column: 142, endLine: 12, endColumn: 157, match: 'external forces', message: 'Use “foreign forces” instead of “external forces”.', suggestions: ['foreign forces'] }),
    ],
  },
  { path: 'clean.txt', findings: [] },
  {
    path: 'odd,name:1.txt',
    findings: [finding({ ruleId: 'wrong-language', check: 'wrong-language', category: 'language', severity: 'info', match: '<新冠> & "x"', message: '100% odd\r\nmessage: a, b', suggestions: [], lang: 'cmn' })],
  },
];

function input(over: Partial<FormatInput> = {}): FormatInput {
  return {
    reports,
    summary: summarise(reports, 2),
    rules: [
      { id: 'forbidden-term', description: 'A wrong rendering.', category: 'terminology', severity: 'error' },
      { id: 'forbidden-term/new-crown', description: 'Use “COVID-19” instead of “new crown”.', category: 'terminology', severity: 'error', note: '新冠 is COVID-19.' },
    ],
    tool: { name: 'mt-review', version: '0.1.0', informationUri: 'https://www.npmjs.com/package/mt-review' },
    color: false,
    ...over,
  };
}

describe('formatters', () => {
  it('registers one formatter per format name, each loadable on demand', async () => {
    assert.deepEqual(Object.keys(FORMATS).sort(), ['github', 'json', 'junit', 'sarif', 'stylish']);
    assert.deepEqual([...FORMAT_NAMES].sort(), Object.keys(FORMATS).sort());
    for (const name of FORMAT_NAMES) assert.equal(typeof (await FORMATS[name].load()), 'function', name);
  });

  describe('summarise', () => {
    it('counts findings by severity and carries the suppressed count', () => {
      assert.deepEqual(summarise(reports, 2), { files: 3, findings: 3, errors: 1, warnings: 1, infos: 1, suppressed: 2 });
    });

    it('takes a report’s counts when it has them (a cached report), without reading its findings', () => {
      const cached: FileReport = { path: 'c.txt', counts: { errors: 2, warnings: 0, infos: 5 }, get findings(): ReportedFinding[] { throw new Error('read'); } };
      assert.deepEqual(summarise([cached], 0), { files: 1, findings: 7, errors: 2, warnings: 0, infos: 5, suppressed: 0 });
    });
  });

  describe('stylish', () => {
    it('prints aligned file:line:col rows grouped by file and a summary, without colour', () => {
      const expected = [
        'corpus/a b.txt:1:5     error    Use “COVID-19” instead of “new crown”.              forbidden-term/new-crown',
        'corpus/a b.txt:12:142  warning  Use “foreign forces” instead of “external forces”.  forbidden-term/external-forces',
        '',
        'odd,name:1.txt:1:5  info  100% odd\r\nmessage: a, b  wrong-language',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info)',
        '2 findings suppressed by the ignore file',
        '',
      ].join('\n');
      assert.equal(formatStylish(input()), expected);
    });

    it('prints nothing for a clean run and uses singular words for one problem', () => {
      const clean = [{ path: 'a.txt', findings: [] }];
      assert.equal(formatStylish(input({ reports: clean, summary: summarise(clean, 0) })), '');
      const one = [{ path: 'a.txt', findings: [finding({})] }];
      assert.match(formatStylish(input({ reports: one, summary: summarise(one, 0) })), /✖ 1 problem \(1 error, 0 warnings\)\n$/);
    });

    it('colours only when asked', () => {
      assert.doesNotMatch(formatStylish(input()), /\x1b\[/);
      assert.match(formatStylish(input({ color: true })), /\x1b\[31merror/);
    });
  });

  describe('json', () => {
    it('prints the documented contract: files with findings and a summary', () => {
      const out = JSON.parse(formatJson(input())) as { files: { path: string; findings: Record<string, unknown>[] }[]; summary: Record<string, number> };
      assert.deepEqual(out.files.map((f) => f.path), ['corpus/a b.txt', 'clean.txt', 'odd,name:1.txt']);
      assert.deepEqual(out.summary, { files: 3, findings: 3, errors: 1, warnings: 1, infos: 1, suppressed: 2 });
      const first = out.files[0]!.findings[0]!;
      assert.deepEqual(Object.keys(first), ['ruleId', 'check', 'category', 'severity', 'line', 'column', 'endLine', 'endColumn', 'match', 'message', 'suggestions', 'fingerprint', 'fix', 'note']);
      assert.deepEqual(first.fix, { range: [4, 13], text: 'COVID-19', line: 1, column: 5, endLine: 1, endColumn: 14 });
      const second = out.files[0]!.findings[1]!;
      assert.equal('fix' in second || 'note' in second || 'lang' in second, false);
      assert.equal(out.files[2]!.findings[0]!.lang, 'cmn');
    });

    /** What the format printed before it was assembled from pre-rendered findings: one JSON.stringify. */
    const reference = (rs: FileReport[], suppressed: number): string => {
      const files = rs.map((r) => ({ path: r.path, findings: JSON.parse(JSON.stringify(r.findings.map((f) => {
        const { fix, note, lang, ...rest } = f;
        return { ...rest, ...(fix ? { fix } : {}), ...(note !== undefined ? { note } : {}), ...(lang !== undefined ? { lang } : {}) };
      }))) as unknown[] }));
      const s = summarise(rs, suppressed);
      return `${JSON.stringify({ files, summary: { files: s.files, findings: s.findings, errors: s.errors, warnings: s.warnings, infos: s.infos, suppressed: s.suppressed } }, null, 2)}\n`;
    };
    const cases: { name: string; reports: FileReport[] }[] = [
      { name: 'no files at all', reports: [] },
      { name: 'one clean file', reports: [{ path: 'clean.txt', findings: [] }] },
      { name: 'findings with fix, note, lang, odd characters and paths', reports },
      { name: 'a path and a match with quotes, backslashes, a line separator and a lone surrogate', reports: [{ path: 'a "b"\\c.txt', findings: [finding({ match: 'x\u2028y\ud800', suggestions: ['"', '\\'] })] }] },
    ];
    for (const c of cases) {
      it(`is byte-for-byte JSON.stringify(…, null, 2): ${c.name}`, () => {
        assert.equal(formatJson(input({ reports: c.reports, summary: summarise(c.reports, 0) })), reference(c.reports, 0));
      });
    }

    it('splices a report’s pre-rendered findings instead of serialising them again', () => {
      const rendered: FileReport = { path: 'a.txt', findings: [], findingsJson: findingsJson(reports[0]!.findings) };
      assert.equal(formatJson(input({ reports: [rendered], summary: summarise([reports[0]!], 0) })), reference([{ path: 'a.txt', findings: reports[0]!.findings }], 0));
      assert.deepEqual(JSON.parse(findingsJson(reports[0]!.findings)), reports[0]!.findings, 'the rendering parses back to the findings');
    });
  });

  describe('sarif', () => {
    it('is valid SARIF 2.1.0 with rules, regions, fingerprints and fixes', () => {
      const log = JSON.parse(formatSarif(input()));
      validateSarif(log);
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'mt-review');
      assert.equal(run.tool.driver.version, '0.1.0');
      const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
      assert.deepEqual(ruleIds, ['forbidden-term', 'forbidden-term/new-crown', 'forbidden-term/external-forces', 'wrong-language']);
      assert.equal(run.results.length, 3);
      const [a, b, c] = run.results;
      assert.equal(a.ruleId, 'forbidden-term/new-crown');
      assert.equal(a.ruleIndex, 1);
      assert.equal(a.level, 'error');
      assert.equal(b.level, 'warning');
      assert.equal(c.level, 'note');
      assert.equal(a.locations[0].physicalLocation.artifactLocation.uri, 'corpus/a%20b.txt');
      assert.deepEqual(a.locations[0].physicalLocation.region, { startLine: 1, startColumn: 5, endLine: 1, endColumn: 14, snippet: { text: 'new crown' } });
      assert.deepEqual(a.partialFingerprints, { 'mtReviewFinding/v1': 'f'.repeat(28) });
      assert.equal(a.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'COVID-19');
      assert.equal(b.fixes, undefined);
    });

    it('is valid with no results at all', () => {
      const clean = [{ path: 'a.txt', findings: [] }];
      const log = JSON.parse(formatSarif(input({ reports: clean, summary: summarise(clean, 0) })));
      validateSarif(log);
      assert.deepEqual(log.runs[0].results, []);
    });

    it('percent-encodes each path segment but keeps the slashes', () => {
      assert.equal(toUri('dir/sub dir/a#1.txt'), 'dir/sub%20dir/a%231.txt');
    });

    it('the schema check itself rejects an invalid log', () => {
      assert.throws(() => validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }));
    });
  });

  describe('github', () => {
    it('escapes %, CR and LF in messages and also : and , in properties', () => {
      assert.equal(escapeGithubData('100%\r\na:b,c'), '100%25%0D%0Aa:b,c');
      assert.equal(escapeGithubProperty('100%\r\na:b,c'), '100%25%0D%0Aa%3Ab%2Cc');
    });

    it('prints one workflow command per finding with the level mapped', () => {
      const lines = formatGithub(input()).trimEnd().split('\n');
      assert.deepEqual(lines, [
        '::error file=corpus/a b.txt,line=1,col=5,endLine=1,endColumn=14,title=mt-review forbidden-term/new-crown::Use “COVID-19” instead of “new crown”.',
        '::warning file=corpus/a b.txt,line=12,col=142,endLine=12,endColumn=157,title=mt-review forbidden-term/external-forces::Use “foreign forces” instead of “external forces”.',
        '::notice file=odd%2Cname%3A1.txt,line=1,col=5,endLine=1,endColumn=14,title=mt-review wrong-language::100%25 odd%0D%0Amessage: a, b',
      ]);
    });
  });

  describe('junit', () => {
    it('escapes XML specials and drops characters XML cannot hold', () => {
      assert.equal(escapeXml(`<a href="x">'&'</a>\u0001\uffff`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    });

    it('is well-formed, with a testsuite per file and a passing testcase for a clean file', () => {
      const doc = parseXml(formatJunit(input()));
      assert.equal(doc.name, 'testsuites');
      assert.equal(doc.attrs.tests, '4');
      assert.equal(doc.attrs.failures, '3');
      assert.deepEqual(doc.children.map((s) => s.attrs.name), ['corpus/a b.txt', 'clean.txt', 'odd,name:1.txt']);
      const [a, clean, odd] = doc.children;
      assert.equal(a!.children.length, 2);
      assert.equal(a!.children[0]!.children[0]!.name, 'failure');
      assert.equal(a!.children[0]!.children[0]!.attrs.type, 'error');
      assert.equal(clean!.children.length, 1);
      assert.deepEqual(clean!.children[0]!.children, []);
      assert.equal(odd!.children[0]!.children[0]!.attrs.message, '100% odd\r\nmessage: a, b');
      assert.equal(odd!.children[0]!.children[0]!.text, 'odd,name:1.txt:1:5  info  100% odd\r\nmessage: a, b  wrong-language');
      assert.equal(a!.children[0]!.children[0]!.text.split('\n').slice(1).join('\n'), 'Suggestions: COVID-19\n新冠 is COVID-19.');
    });
  });
});

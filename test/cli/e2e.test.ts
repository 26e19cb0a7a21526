/**
 * The "done when": on a fresh clone `mt-review check corpus/` flags the seed's problems at
 * the right lines and columns and exits 1; on the hand-corrected seed it exits 0. Runs the built
 * CLI from the repository root, so the shipped `glossary/` is used.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEED, spawnCli } from './helpers.js';
import { validateSarif } from './sarif-schema.js';

interface Out {
  files: { path: string; findings: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; match: string }[] }[];
}

/** 1-based line and column (UTF-16) of the first occurrence of `needle` in `text`, computed independently of the tool. */
function placeOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  assert.notEqual(at, -1, `the seed contains “${needle}”`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${column}`;
}

describe('end to end: the seed article and its correction (shipped glossary)', () => {
  const seedText = readFileSync(SEED, 'utf8');

  it('flags the seed’s problems at the right lines and columns and exits 1', () => {
    const r = spawnCli(['check', '--format', 'json', 'corpus/']);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    assert.deepEqual(out.files.map((f) => f.path), ['corpus/2020-09-14-putin-lukashenko-sochi-loan.txt']);
    const found = new Map(out.files[0]!.findings.map((f) => [`${f.line}:${f.column}`, f]));
    const errors: [string, string][] = [
      ['White is a close ally', 'White'],
      ['White President', 'White President'],
      ['new crown epidemic', 'new crown'],
      ['new crown vaccine', 'new crown'],
      ['Russian-Belarusian Alliance Treaty', 'Russian-Belarusian'],
    ];
    for (const [needle, startsWith] of errors) {
      const where = placeOf(seedText, needle);
      const f = found.get(where);
      assert.ok(f, `a finding at ${where} (“${needle}”)`);
      assert.ok(f.match.startsWith(startsWith), `${where}: “${f.match}” starts with “${startsWith}”`);
      assert.equal(f.severity, 'error', `${where} is an error`);
      assert.equal(f.endLine, f.line);
      assert.equal(f.endColumn, f.column + f.match.length);
    }
    // Anchors computed by hand, so a shared mistake in placeOf and the tool cannot hide.
    assert.ok(found.has('11:1') && found.has('17:5') && found.has('29:69'));
    // The other problems a news editor fixes are flagged too (any severity).
    for (const needle of ['Presidential Press Bureau', 'The Russian side', '(Reporter', 'Participating reporter', 'tourist city', 'external forces']) {
      const [line, column] = placeOf(seedText, needle).split(':').map(Number) as [number, number];
      const overlaps = out.files[0]!.findings.some((f) => f.line === line && f.column < column + needle.length && f.endColumn > column);
      assert.ok(overlaps, `a finding overlaps “${needle}” at ${line}:${column}`);
    }
  });

  it('passes the hand-corrected seed: no finding at any severity, exit 0', () => {
    const r = spawnCli(['check', '--format', 'json', '--fail-on', 'info', path.join('test', 'fixtures', 'corrected')]);
    assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
    const out = JSON.parse(r.stdout) as Out;
    assert.equal(out.files.length, 1);
    assert.deepEqual(out.files[0]!.findings, []);
  });

  it('gives valid SARIF for the seed', () => {
    const r = spawnCli(['check', '--format', 'sarif', 'corpus/']);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    validateSarif(log);
    const ruleIds = new Set(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id));
    for (const res of log.runs[0].results) assert.ok(ruleIds.has(res.ruleId), `${res.ruleId} is described in tool.driver.rules`);
  });
});

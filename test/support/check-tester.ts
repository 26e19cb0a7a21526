/**
 * A table-driven tester for checks, after ESLint's RuleTester: `valid` cases (deliberate near misses)
 * must raise nothing, `invalid` cases must raise exactly the listed findings, and `output` is the
 * text after applying every fix.
 *
 * Ranges in expectations are offsets in the case's `text` (document offsets). For a one-sentence
 * case they equal the sentence-relative range the check reports; for a multi-sentence case they stay
 * correct whatever the segmenter does, and `sentence` may pin the sentence index.
 */
import assert from 'node:assert/strict';
import { compileOnce } from '../../src/core/checker.js';
import { segment } from '../../src/core/segment.js';
import type {
  CheckDefinition,
  CheckOptions,
  CompiledGlossary,
  Finding,
  Glossary,
  Segmentation,
  Span,
} from '../../src/core/types.js';

/** A case that must raise no finding: the text, or the text with a name. */
export type ValidCase = string | { text: string; name?: string; options?: CheckOptions };

/** What one expected finding must match; every field given is compared, the rest ignored. */
export interface ExpectedFinding {
  /** Document range in the case's text. */
  range?: Span;
  /** The matched text. */
  match?: string;
  messageId?: string;
  /** Index of the sentence the finding belongs to. */
  sentence?: number;
  /** The finding's `ruleId` (`check` or `check/sub-id`). */
  ruleId?: string;
  /** Exact suggestion list. */
  suggestions?: string[];
  /** Detected language (ISO 639-3), for `wrong-language`. */
  lang?: string;
  severity?: Finding['severity'];
  /** The exact message text. */
  message?: string;
  /** The fix's replacement text; `null` asserts the finding has no fix. */
  fixText?: string | null;
}

/** A case that must raise exactly the listed findings, in document order. */
export interface InvalidCase {
  text: string;
  name?: string;
  options?: CheckOptions;
  findings: ExpectedFinding[];
  /**
   * The text after applying every fix; `null` asserts no finding carries a fix. Required whenever a
   * finding carries a fix, so that no fix goes untested.
   */
  output?: string | null;
}

/** The tables for one check. */
export interface CheckTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** How to build the environment the check runs in. */
export interface CheckTesterOptions {
  /** Glossary for `env.glossary` (default: an empty glossary). */
  glossary?: Glossary | CompiledGlossary;
  /** Options for `env.options` when a case gives none. */
  options?: CheckOptions;
  /** Segmenter (default: the core segmenter). */
  segment?: (text: string) => Segmentation;
}

/** An empty glossary, for checks that do not use one. */
export const EMPTY_GLOSSARY: Glossary = { entries: [], files: [], hash: '' };

/** Runs a check over one text, as the checker would, and returns findings with document offsets in document order. */
export function runCheck(check: CheckDefinition, text: string, tester: CheckTesterOptions = {}, options?: CheckOptions): Finding[] {
  const glossary = compileOnce(tester.glossary ?? EMPTY_GLOSSARY);
  const segmentation = (tester.segment ?? segment)(text);
  const run = check.create({ glossary, options: options ?? tester.options ?? {} });
  return run({ text, segmentation })
    .map((f) => {
      const s = segmentation.sentences[f.sentence];
      assert.ok(s, `${check.meta.id}: finding names sentence ${f.sentence}, which does not exist`);
      assert.equal(f.match, s.text.slice(f.range[0], f.range[1]), `${check.meta.id}: match must equal the sentence slice`);
      return { ...f, start: s.start + f.range[0], end: s.start + f.range[1] };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Applies every fix of the findings to the text (fixes given in sentence offsets, placed by the segmentation); overlapping fixes after the first are skipped. */
export function applyFixes(text: string, findings: Finding[]): string {
  const fixes = findings
    .filter((f) => f.fix)
    .map((f) => {
      const base = f.start - f.range[0];
      return { start: base + f.fix!.range[0], end: base + f.fix!.range[1], text: f.fix!.text };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const fix of fixes) {
    if (fix.start < at) continue;
    out += text.slice(at, fix.start) + fix.text;
    at = fix.end;
  }
  return out + text.slice(at);
}

/** Asserts the shape every finding of a check must have, whatever the case. */
function assertWellFormed(check: CheckDefinition, f: Finding): void {
  const id = check.meta.id;
  assert.equal(f.check, id, 'finding.check must be the check id');
  assert.ok(f.ruleId === id || f.ruleId.startsWith(`${id}/`), `ruleId ${f.ruleId} must be ${id} or ${id}/…`);
  assert.ok(f.messageId in check.meta.messages, `messageId ${f.messageId} is not in meta.messages`);
  assert.ok(f.message.length > 0 && !f.message.includes('{{'), `message has unfilled placeholders: ${f.message}`);
  assert.ok(f.range[0] <= f.range[1], 'range must not be reversed');
  assert.ok(Array.isArray(f.suggestions), 'suggestions must be an array');
}

/** Names a case for the mocha report. */
function caseName(text: string, name?: string): string {
  if (name) return name;
  const oneLine = JSON.stringify(text);
  return oneLine.length > 90 ? `${oneLine.slice(0, 87)}…` : oneLine;
}

/** Declares mocha suites for a check's valid and invalid tables. */
export function runCheckTests(check: CheckDefinition, tests: CheckTests, tester: CheckTesterOptions = {}): void {
  describe(check.meta.id, () => {
    describe('valid', () => {
      for (const c of tests.valid) {
        const { text, name, options } = typeof c === 'string' ? { text: c, name: undefined, options: undefined } : c;
        it(caseName(text, name), () => {
          const found = runCheck(check, text, tester, options);
          assert.deepEqual(
            found.map((f) => ({ match: f.match, messageId: f.messageId })),
            [],
            `expected no finding in ${JSON.stringify(text)}`,
          );
        });
      }
    });
    describe('invalid', () => {
      for (const c of tests.invalid) {
        it(caseName(c.text, c.name), () => {
          assert.ok(c.findings.length > 0, 'an invalid case must expect at least one finding');
          const found = runCheck(check, c.text, tester, c.options);
          for (const f of found) assertWellFormed(check, f);
          assert.equal(
            found.length,
            c.findings.length,
            `expected ${c.findings.length} finding(s), got ${found.length}: ${JSON.stringify(found.map((f) => [f.match, f.start, f.end, f.messageId]))}`,
          );
          c.findings.forEach((want, i) => {
            const got = found[i]!;
            const actual: Record<string, unknown> = {};
            const expected: Record<string, unknown> = {};
            const compare = (key: string, a: unknown, e: unknown): void => {
              if (e === undefined) return;
              actual[key] = a;
              expected[key] = e;
            };
            compare('range', [got.start, got.end], want.range ? [...want.range] : undefined);
            compare('match', got.match, want.match);
            compare('messageId', got.messageId, want.messageId);
            compare('sentence', got.sentence, want.sentence);
            compare('ruleId', got.ruleId, want.ruleId);
            compare('suggestions', got.suggestions, want.suggestions);
            compare('lang', got.lang, want.lang);
            compare('severity', got.severity, want.severity);
            compare('message', got.message, want.message);
            compare('fixText', got.fix ? got.fix.text : null, want.fixText);
            assert.deepEqual(actual, expected, `finding ${i} of ${JSON.stringify(c.text)}`);
          });
          const hasFix = found.some((f) => f.fix);
          if (c.output === null) {
            assert.ok(!hasFix, 'output: null, but a finding carries a fix');
          } else if (c.output === undefined) {
            assert.ok(!hasFix, 'a finding carries a fix: the case must assert its output');
          } else {
            assert.ok(hasFix, 'output given, but no finding carries a fix (use output: null)');
            assert.equal(applyFixes(c.text, found), c.output);
          }
        });
      }
    });
  });
}

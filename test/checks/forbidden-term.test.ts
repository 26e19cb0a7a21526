import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forbiddenTerm } from '../../src/checks/forbidden-term.js';
import { checkText } from '../../src/core/checker.js';
import type { Finding, Glossary } from '../../src/core/types.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { ROOT, SHIPPED } from '../glossary/paths.js';

const ONLY = { enable: ['forbidden-term'] };
let glossary: Glossary;
before(() => (glossary = loadGlossary(SHIPPED)));

/** Findings of `forbidden-term` on a document, each with its sentence's text. */
function run(text: string): Array<Finding & { sentenceText: string }> {
  const result = checkText(text, glossary, ONLY);
  return result.findings.map((f) => ({ ...f, sentenceText: result.segmentation.sentences[f.sentence]!.text }));
}

/** The sentence with the finding's fix applied. */
function applyFix(f: Finding & { sentenceText: string }): string {
  assert.ok(f.fix, `${f.ruleId} has a fix`);
  return f.sentenceText.slice(0, f.fix.range[0]) + f.fix.text + f.sentenceText.slice(f.fix.range[1]);
}

// Near misses: they look like the MT mistakes and are fine. Several mention Belarus or the
// pandemic, so the context-dependent entries are switched on.
const VALID: string[] = [
  'The White House said it was watching events in Belarus closely.',
  'Lukashenko said the ministry would publish a white paper on trade.',
  'White smoke rose over Minsk after the fire at the plant.',
  'Protesters in Minsk waved white-red-white flags and a white flag.',
  'White-collar workers in Minsk joined the strike.',
  'Betty White never visited Belarus.',
  'Jack White played a concert in Minsk.',
  'Mr. White, the British envoy to Belarus, met Lukashenko.',
  'Snow White was staged in Minsk last winter.',
  'The White Sea froze early, Belarusian media reported.',
  'Whitehall officials discussed Belarus on Monday.',
  'White is a close ally of Russia.',
  'The crown prince of Saudi Arabia was vaccinated during the pandemic.',
  'The queen received a new crown at the ceremony despite the pandemic.',
  'The Crown Court adjourned the case because of the epidemic.',
  'The crown jewels went back on display after the lockdown.',
  'The new crown was displayed in the museum.',
  'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.',
  'The COVID-19 epidemic has affected Russia, Belarus, and even global trade.',
  'Belarus will become the first country to obtain a Russian-made COVID-19 vaccine.',
  'Both sides should take measures to restore trade.',
  'Troops stayed on the Russian side of the border.',
  'This is the Belarusian president\'s first foreign trip since the election.',
  'The office is on the 14th floor of the ministry.',
  'The reporter Zhang Xiao asked about the loan.',
];

interface Invalid {
  text: string;
  ruleId: string;
  match: string;
  range: [number, number];
  /** The sentence after the fix, or null when the entry offers suggestions only. */
  fixed: string | null;
  severity?: string;
}

const INVALID: Invalid[] = [
  { text: 'White is a close ally of Russia, Lukashenko said.', ruleId: 'forbidden-term/belarus-white', match: 'White', range: [0, 5], fixed: 'Belarus is a close ally of Russia, Lukashenko said.' },
  { text: 'Lukashenko spoke in Sochi. White\'s economy depends on Russian oil.', ruleId: 'forbidden-term/belarus-white', match: 'White\'s', range: [0, 7], fixed: 'Belarus\'s economy depends on Russian oil.' },
  { text: 'Putin said Russia and White will deepen integration, Minsk said.', ruleId: 'forbidden-term/belarus-white', match: 'White', range: [22, 27], fixed: 'Putin said Russia and Belarus will deepen integration, Minsk said.' },
  { text: 'The White side has stated that Lukashenko will attend.', ruleId: 'forbidden-term/belarus-white', match: 'The White side', range: [0, 14], fixed: 'Belarus has stated that Lukashenko will attend.' },
  { text: 'Russia supports the White people in Minsk.', ruleId: 'forbidden-term/belarus-white', match: 'White people', range: [20, 32], fixed: 'Russia supports the Belarusian people in Minsk.' },
  { text: 'The White government in Minsk resigned.', ruleId: 'forbidden-term/belarus-white', match: 'White government', range: [4, 20], fixed: 'The Belarusian government in Minsk resigned.' },
  { text: 'This is his first trip after the election of the White President.', ruleId: 'forbidden-term/belarus-white-compound', match: 'White President', range: [49, 64], fixed: 'This is his first trip after the election of the Belarusian president.' },
  { text: 'Putin met White President Lukashenko in Sochi.', ruleId: 'forbidden-term/belarus-white-compound', match: 'White President Lukashenko', range: [10, 36], fixed: 'Putin met Belarusian President Lukashenko in Sochi.' },
  { text: 'Russian-White relations are at a turning point.', ruleId: 'forbidden-term/belarus-white-compound', match: 'Russian-White', range: [0, 13], fixed: 'Russian-Belarusian relations are at a turning point.' },
  { text: 'The new crown epidemic has affected global trade.', ruleId: 'forbidden-term/covid-new-crown', match: 'new crown epidemic', range: [4, 22], fixed: 'The COVID-19 epidemic has affected global trade.' },
  { text: 'Belarus will obtain a Russian-made new crown vaccine.', ruleId: 'forbidden-term/covid-new-crown', match: 'new crown vaccine', range: [35, 52], fixed: 'Belarus will obtain a Russian-made COVID-19 vaccine.' },
  { text: 'Two new-crown vaccines were approved.', ruleId: 'forbidden-term/covid-new-crown', match: 'new-crown vaccines', range: [4, 22], fixed: 'Two COVID-19 vaccines were approved.' },
  { text: 'New crown pneumonia has spread to 180 countries.', ruleId: 'forbidden-term/covid-new-crown', match: 'New crown pneumonia', range: [0, 19], fixed: 'COVID-19 has spread to 180 countries.' },
  { text: 'Patients with new coronary pneumonia were discharged.', ruleId: 'forbidden-term/covid-new-crown', match: 'new coronary pneumonia', range: [14, 36], fixed: 'Patients with COVID-19 were discharged.' },
  { text: 'The new crown virus mutates slowly.', ruleId: 'forbidden-term/covid-new-crown', match: 'new crown virus', range: [4, 19], fixed: 'The novel coronavirus mutates slowly.' },
  { text: 'He was infected with the new crown during the pandemic.', ruleId: 'forbidden-term/covid-new-crown-bare', match: 'new crown', range: [25, 34], fixed: 'He was infected with the COVID-19 during the pandemic.' },
  { text: 'The agreements under the Russian-Belarusian Alliance Treaty remain in force.', ruleId: 'forbidden-term/union-state-treaty', match: 'Russian-Belarusian Alliance Treaty', range: [25, 59], fixed: 'The agreements under the Union State Treaty remain in force.' },
  { text: 'According to the Belarusian Presidential Press Bureau, talks went well.', ruleId: 'forbidden-term/presidential-press-service', match: 'Presidential Press Bureau', range: [28, 53], fixed: 'According to the Belarusian presidential press service, talks went well.', severity: 'warning' },
  { text: 'Moscow, September 14 (Reporter Zhang Xiao) Putin met Lukashenko.', ruleId: 'forbidden-term/byline-reporter', match: '(Reporter', range: [21, 30], fixed: 'Moscow, September 14 (By Zhang Xiao) Putin met Lukashenko.' },
  { text: '(Participating reporter: Wei Zhongjie)', ruleId: 'forbidden-term/byline-participating-reporter', match: 'Participating reporter', range: [1, 23], fixed: '(Contributing reporter: Wei Zhongjie)' },
  { text: 'The Russian side has stated that it supports normalization.', ruleId: 'forbidden-term/side-calque', match: 'The Russian side', range: [0, 16], fixed: 'Russia has stated that it supports normalization.' },
  { text: 'Russia opposes the interference of external forces in its affairs.', ruleId: 'forbidden-term/foreign-interference', match: 'the interference of external forces', range: [15, 50], fixed: 'Russia opposes foreign interference in its affairs.' },
  { text: 'They met in the Russian tourist city of Sochi.', ruleId: 'forbidden-term/resort-city', match: 'tourist city of Sochi', range: [24, 45], fixed: 'They met in the Russian resort city of Sochi.', severity: 'info' },
  { text: 'It is his first visit abroad since the election.', ruleId: 'forbidden-term/first-foreign-trip', match: 'first visit abroad', range: [10, 28], fixed: 'It is his first foreign trip since the election.' },
  { text: 'They met in Sochi on the 14th, saying that Russia will help.', ruleId: 'forbidden-term/chinese-date-calque', match: 'on the 14th,', range: [18, 30], fixed: null },
  { text: 'Russia will lend the money. The matter has been dealt with.', ruleId: 'forbidden-term/mt-garbled-dealt-with', match: 'The matter has been dealt with', range: [0, 30], fixed: null },
];

describe('forbidden-term', () => {
  it('is registered under its file name', () => {
    assert.equal(forbiddenTerm.meta.id, 'forbidden-term');
    assert.equal(forbiddenTerm.meta.messages.wrong, 'Use “{{preferred}}” instead of “{{match}}”.');
  });

  describe('valid (near misses)', () => {
    for (const text of VALID) {
      it(text, () => assert.deepEqual(run(text).map((f) => `${f.ruleId}: ${f.match}`), []));
    }
  });

  describe('invalid', () => {
    for (const c of INVALID) {
      it(`${c.ruleId}: ${c.text}`, () => {
        const findings = run(c.text);
        assert.equal(findings.length, 1, findings.map((f) => `${f.ruleId}: ${f.match}`).join('; '));
        const f = findings[0]!;
        assert.equal(f.ruleId, c.ruleId);
        assert.equal(f.check, 'forbidden-term');
        assert.equal(f.messageId, 'wrong');
        assert.deepEqual(f.range, c.range);
        assert.equal(f.match, c.match);
        assert.equal(f.sentenceText.slice(f.range[0], f.range[1]), c.match);
        if (c.severity) assert.equal(f.severity, c.severity);
        const entry = glossary.entries.find((e) => `forbidden-term/${e.id}` === c.ruleId)!;
        assert.equal(f.severity, entry.severity);
        assert.equal(f.category, entry.category);
        assert.equal(f.note, entry.note);
        assert.equal(f.message, `Use “${f.suggestions[0]}” instead of “${c.match}”.`);
        if (c.fixed === null) {
          assert.equal(f.fix, undefined);
          assert.ok(f.suggestions.length > 0);
        } else {
          assert.equal(f.suggestions[0], f.fix!.text);
          assert.deepEqual(f.fix!.range, c.range);
          assert.equal(applyFix(f), c.fixed);
        }
      });
    }
  });

  it('offers the adapted replacement first, then the other preferred renderings', () => {
    const [f] = run('The new crown virus mutates slowly.');
    assert.deepEqual(f!.suggestions, ['novel coronavirus', 'COVID-19']);
  });

  it('offers only the rendering of its own to a term that has one, never other terms\' renderings', () => {
    const cases: Array<[string, string[]]> = [
      ['It was his first trip after the election of the White President.', ['Belarusian president']],
      ['The Russian side has stated that it supports dialogue.', ['Russia']],
      ['Lukashenko said White is a close ally of Russia.', ['Belarus', 'Belarusian']],
    ];
    for (const [text, suggestions] of cases) {
      const found = run(text);
      assert.equal(found.length, 1, text);
      assert.deepEqual(found[0]!.suggestions, suggestions, text);
    }
  });

  it('gives nothing for empty input and the same findings twice', () => {
    assert.deepEqual(run(''), []);
    const text = 'White is a close ally of Russia, Lukashenko said. The new crown epidemic spread.';
    assert.deepEqual(run(text), run(text));
  });

  describe('the seed article', () => {
    const seed = readFileSync(join(ROOT, 'corpus', '2020-09-14-putin-lukashenko-sochi-loan.txt'), 'utf8');
    let findings: Array<Finding & { sentenceText: string }>;
    before(() => (findings = run(seed)));

    it('gets exactly the expected findings, in order', () => {
      assert.deepEqual(
        findings.map((f) => [f.ruleId.replace('forbidden-term/', ''), f.match, f.fix?.text ?? null]),
        [
          ['byline-reporter', '(Reporter', '(By'],
          ['resort-city', 'tourist city of Sochi', 'resort city of Sochi'],
          ['chinese-date-calque', 'on the 14th,', null],
          ['mt-garbled-dealt-with', 'The matter has been dealt with', null],
          ['union-state-treaty', 'Russian-Belarusian Alliance Treaty', 'Union State Treaty'],
          ['belarus-white', 'White', 'Belarus'],
          ['covid-new-crown', 'new crown epidemic', 'COVID-19 epidemic'],
          ['covid-new-crown', 'new crown vaccine', 'COVID-19 vaccine'],
          ['presidential-press-service', 'Presidential Press Bureau', 'presidential press service'],
          ['first-foreign-trip', 'first visit abroad', 'first foreign trip'],
          ['belarus-white-compound', 'White President', 'Belarusian president'],
          ['side-calque', 'The Russian side', 'Russia'],
          ['foreign-interference', 'the interference of external forces', 'foreign interference'],
          ['byline-participating-reporter', 'Participating reporter', 'Contributing reporter'],
        ],
      );
    });

    it('places every finding in the document', () => {
      for (const f of findings) assert.equal(seed.slice(f.start, f.end), f.match);
    });

    it('fixes the key sentences', () => {
      const fixed = (match: string) => applyFix(findings.find((f) => f.match === match)!);
      assert.equal(fixed('White'), 'Belarus is a close ally of Russia, and Russia will fulfill all its commitments.');
      assert.match(fixed('White President'), /after the election of the Belarusian president and/);
      assert.match(fixed('new crown epidemic'), /^The COVID-19 epidemic has affected Russia/);
      assert.match(fixed('new crown vaccine'), /a Russian-made COVID-19 vaccine\.$/);
    });
  });
});

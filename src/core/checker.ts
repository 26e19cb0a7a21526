/**
 * Running the registered checks over a document: compile once, then check many texts.
 */
import { CHECKS } from '../checks/index.js';
import { compileGlossary } from '../glossary/compile.js';
import { segment } from './segment.js';
import { TEXT_MEMO_ENTRIES, TextMemo } from './text-memo.js';
import type {
  CheckDefinition,
  CheckMeta,
  CheckDocument,
  CheckOptions,
  CheckRunner,
  CompiledGlossary,
  Finding,
  Glossary,
  Segmentation,
  Sentence,
  SentenceFinding,
} from './types.js';

/** What one run of the checks over one document returns. */
export interface CheckResult {
  segmentation: Segmentation;
  /** Findings sorted by document position, then by registry order. */
  findings: Finding[];
}

/** A set of checks compiled once for one glossary and set of options. */
export interface Checker {
  /** The metadata of the checks this checker runs, in registry order. */
  readonly checks: readonly CheckMeta[];
  readonly glossary: CompiledGlossary;
  /**
   * Segments (unless a segmentation is given) and checks one document. With a `memo` (see
   * `createCheckMemo`), sentence-scoped checks (`CheckMeta.scope`) reuse the findings of sentences
   * they have seen before with the same text and kind, and run only on the others, each alone;
   * document-scoped checks always run on the whole document. The result is the same, finding for
   * finding and in the same order, with or without a memo.
   */
  check(text: string, segmentation?: Segmentation, memo?: CheckMemo): CheckResult;
}

/**
 * Remembered findings of sentence-scoped checks, by checker, check id, sentence kind and sentence
 * text, for re-checking a document in which few sentences changed (the review app re-checks the
 * whole article on every save). Opaque: create it with `createCheckMemo` and pass it to
 * `Checker.check`. One memo may serve several checkers (each has its own entries) and many
 * documents; it holds at most `maxEntries` sentence results and forgets the oldest stored beyond
 * that (a hit does not make an entry younger).
 * Not safe to share between threads; cheap to drop.
 */
export interface CheckMemo {
  /** Number of sentence results held (for tests and diagnostics). */
  readonly size: number;
  /** Forgets everything. */
  clear(): void;
}

/**
 * The memo's state: per sentence text, then checker and kind, the findings of each sentence-scoped
 * check, indexed like the checker's runners (see `TextMemo`).
 */
class SentenceMemo extends TextMemo<ReadonlyArray<readonly SentenceFinding[]>> implements CheckMemo {}

/** What a runner that is not sentence-scoped has in a memo entry. */
const NONE: readonly SentenceFinding[] = Object.freeze([]);

/**
 * Creates a memo for `Checker.check`: one per review store or editing session. It holds at most
 * `maxEntries` (default 50,000) sentence results, one per text, checker and kind, and forgets the
 * oldest texts beyond that.
 */
export function createCheckMemo(maxEntries: number = TEXT_MEMO_ENTRIES): CheckMemo {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`createCheckMemo: maxEntries must be a positive integer, got ${maxEntries}`);
  return new SentenceMemo(maxEntries);
}

/** Serial numbers of checkers, so that one memo never mixes two checkers' results. */
let checkerSerial = 0;

/**
 * A compiled glossary as is; a glossary compiled by `compileGlossary`, which reuses the compilation
 * already made for this very object unless its entry list was replaced or resized.
 */
export function compileOnce(glossary: Glossary | CompiledGlossary): CompiledGlossary {
  return 'match' in glossary ? glossary : compileGlossary(glossary);
}

/** Selects the registered checks that `options` enable, in registry order. */
export function selectChecks(options: CheckOptions = {}, registry: readonly CheckDefinition[] = CHECKS): CheckDefinition[] {
  const enable = options.enable?.length ? new Set(options.enable) : undefined;
  const disable = new Set(options.disable ?? []);
  return registry.filter((c) => (!enable || enable.has(c.meta.id)) && !disable.has(c.meta.id));
}

/** Builds a checker: every check's `create` runs here, once. */
export function createChecker(glossary: Glossary | CompiledGlossary, options: CheckOptions = {}): Checker {
  const compiledGlossary = compileOnce(glossary);
  const checks = selectChecks(options);
  const runners: CheckRunner[] = checks.map((c) => c.create({ glossary: compiledGlossary, options }));
  const order = new Map(checks.map((c, i) => [c.meta.id, i]));
  const serial = ++checkerSerial;
  // The memo's tags for this checker's sentences (one memo may serve several checkers).
  const headlineTag = `${serial}|headline`;
  const bodyTag = `${serial}|body`;
  const sentenceScoped = checks.map((c) => c.meta.scope === 'sentence');
  /** The sentence-scoped checks' findings for a sentence alone, indexed like the runners. */
  const runAlone = (s: Sentence): ReadonlyArray<readonly SentenceFinding[]> => {
    const alone = sentenceAlone(s);
    return runners.map((run, k) => (sentenceScoped[k] ? run(alone) : NONE));
  };
  const anySentenceScoped = sentenceScoped.includes(true);
  return {
    checks: checks.map((c) => c.meta),
    glossary: compiledGlossary,
    check(text, segmentation = segment(text), memo) {
      const doc = { text, segmentation };
      const findings: Finding[] = [];
      const cache = memo instanceof SentenceMemo && anySentenceScoped ? memo : undefined;
      // With a memo: each sentence's sentence-scoped findings, from the memo or by running those checks on it alone.
      const remembered = cache
        ? segmentation.sentences.map((s) => {
          const tag = s.kind === 'headline' ? headlineTag : bodyTag;
          return cache.get(s.text, tag) ?? cache.set(s.text, tag, runAlone(s));
        })
        : undefined;
      runners.forEach((run, k) => {
        if (remembered && sentenceScoped[k]) {
          segmentation.sentences.forEach((s, i) => {
            for (const f of remembered[i]![k]!) findings.push(placeRemembered(f, s));
          });
          return;
        }
        for (const f of run(doc)) findings.push(place(f, segmentation));
      });
      findings.sort((a, b) => a.start - b.start || (order.get(a.check)! - order.get(b.check)!) || a.end - b.end);
      return { segmentation, findings };
    },
  };
}

/**
 * A one-sentence document holding just `s` (same text and kind, index 0): what a sentence-scoped
 * check sees when it runs on one sentence.
 */
export function sentenceAlone(s: Sentence): CheckDocument {
  const end = s.text.length;
  return {
    text: s.text,
    segmentation: {
      text: s.text,
      sentences: [{ index: 0, paragraph: 0, start: 0, end, text: s.text, kind: s.kind }],
      paragraphs: [{ index: 0, start: 0, end, sentences: [0] }],
    },
  };
}

/**
 * A remembered finding placed in sentence `s`: its index and document offsets, as one fresh copy
 * (fresh arrays and objects too, so callers may change it without touching the memo).
 */
function placeRemembered(f: SentenceFinding, s: Sentence): Finding {
  const placed: Finding = { ...f, sentence: s.index, range: [f.range[0], f.range[1]], suggestions: [...f.suggestions], start: s.start + f.range[0], end: s.start + f.range[1] };
  if (f.fix) placed.fix = { range: [f.fix.range[0], f.fix.range[1]], text: f.fix.text };
  return placed;
}

/** Adds document offsets to a sentence-relative finding. */
function place(f: SentenceFinding, segmentation: Segmentation): Finding {
  const base = segmentation.sentences[f.sentence]!.start;
  return { ...f, start: base + f.range[0], end: base + f.range[1] };
}

const checkers = new WeakMap<CompiledGlossary, Map<string, Checker>>();

/**
 * Checks one text against a glossary. The checker is compiled on first use and reused for the
 * same glossary object and options.
 */
export function checkText(text: string, glossary: Glossary | CompiledGlossary, options: CheckOptions = {}): CheckResult {
  const cg = compileOnce(glossary);
  let byOptions = checkers.get(cg);
  if (!byOptions) checkers.set(cg, (byOptions = new Map()));
  const key = JSON.stringify([options.enable ?? null, options.disable ?? null, options.lang ?? null]);
  let checker = byOptions.get(key);
  if (!checker) byOptions.set(key, (checker = createChecker(cg, options)));
  return checker.check(text);
}

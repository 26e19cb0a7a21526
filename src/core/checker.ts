/**
 * Running the registered checks over a document: compile once, then check many texts.
 */
import { CHECKS } from '../checks/index.js';
import { compileGlossary } from '../glossary/compile.js';
import { segment } from './segment.js';
import type {
  CheckDefinition,
  CheckMeta,
  CheckOptions,
  CheckRunner,
  CompiledGlossary,
  Finding,
  Glossary,
  Segmentation,
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
  /** Segments (unless a segmentation is given) and checks one document. */
  check(text: string, segmentation?: Segmentation): CheckResult;
}

const compiled = new WeakMap<Glossary, CompiledGlossary>();

/** Compiles a glossary, or returns the compilation already made for this very object. */
export function compileOnce(glossary: Glossary | CompiledGlossary): CompiledGlossary {
  if ('match' in glossary) return glossary;
  let c = compiled.get(glossary);
  if (!c) {
    c = compileGlossary(glossary);
    compiled.set(glossary, c);
  }
  return c;
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
  return {
    checks: checks.map((c) => c.meta),
    glossary: compiledGlossary,
    check(text, segmentation = segment(text)) {
      const doc = { text, segmentation };
      const findings: Finding[] = [];
      for (const run of runners) {
        for (const f of run(doc)) findings.push(place(f, segmentation));
      }
      findings.sort((a, b) => a.start - b.start || (order.get(a.check)! - order.get(b.check)!) || a.end - b.end);
      return { segmentation, findings };
    },
  };
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

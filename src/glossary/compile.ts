/**
 * Compiling a glossary into one single-pass matcher.
 *
 * Terms and exceptions share one phrase trie, walked once per text; context words have their own
 * trie, walked once per document (the last document's result is remembered). At each word the
 * longest confirmed term wins (ties: the base form before a plural variant, then glossary order);
 * a term occurrence that overlaps an exception of its own entry is dropped, and the next shorter
 * term at that word gets its chance. Matches never overlap.
 *
 * A sentence's matches depend only on its text and on which context entries its document
 * activates, so they are remembered under both (a bounded memo): the review app re-checks a whole
 * article after every save, and then scans only the sentence that changed.
 */
import type { CompiledGlossary, Glossary, GlossaryEntry, GlossaryTerm, TermMatch } from '../core/types.js';
import { TextMemo } from '../core/text-memo.js';
import { adaptReplacement, isSentenceInitial } from './inflect.js';
import { buildTrie, scan, type PhraseHit, type PhraseSpec } from './matcher.js';
import { tokenize, type Tokens } from './tokenize.js';

type Payload = { kind: 'term'; entry: number; term: GlossaryTerm } | { kind: 'exception'; entry: number };

/**
 * Compilations already made, by glossary object: building a glossary compiles it to run its
 * examples, and the checker that later gets the same object reuses that matcher instead of
 * compiling it again. A glossary whose entry list was replaced or resized is compiled afresh.
 */
const compilations = new WeakMap<Glossary, { entries: readonly GlossaryEntry[]; count: number; compiled: CompiledGlossary }>();

/** Compiles every term of the glossary into one matcher, once per glossary object. */
export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const known = compilations.get(glossary);
  if (known && known.entries === glossary.entries && known.count === glossary.entries.length) return known.compiled;
  const compiled = compile(glossary);
  compilations.set(glossary, { entries: glossary.entries, count: glossary.entries.length, compiled });
  return compiled;
}

/** Builds the matcher of a glossary. */
function compile(glossary: Glossary): CompiledGlossary {
  const entries = glossary.entries;
  const specs: PhraseSpec<Payload>[] = [];
  const contextSpecs: PhraseSpec<number>[] = [];
  const needsContext = new Uint8Array(entries.length);
  entries.forEach((entry, e) => {
    for (const term of entry.terms) {
      specs.push({ text: term.text, caseSensitive: term.caseSensitive, plural: term.plural !== false, payload: { kind: 'term', entry: e, term } });
    }
    for (const text of entry.exceptions) specs.push({ text, caseSensitive: false, plural: true, payload: { kind: 'exception', entry: e } });
    if (entry.context.length) {
      needsContext[e] = 1;
      for (const text of entry.context) contextSpecs.push({ text, caseSensitive: false, plural: true, payload: e });
    }
  });
  const trie = buildTrie(specs);
  const contextTrie = contextSpecs.length ? buildTrie(contextSpecs) : undefined;

  // Context is evaluated once per document: `seen[e] === generation` marks the context entries
  // whose words occur in the current document. No per-document allocation proportional to the
  // glossary, so checking many short documents (examples, sentences) stays linear.
  const seen = new Uint32Array(entries.length);
  let generation = 0;
  let lastDocument: string | undefined;
  // The context entries active in the current document, as a key: a sentence's matches depend on
  // its text and on nothing else of its document.
  let activeKey = '';
  const evaluateContext = (documentText: string, documentTokens?: Tokens): void => {
    if (generation > 0 && lastDocument === documentText) return;
    if (generation === 0xffffffff) {
      seen.fill(0);
      generation = 0;
    }
    generation++;
    lastDocument = documentText;
    const g = generation;
    const active: number[] = [];
    scan(contextTrie!, documentText, documentTokens ?? tokenize(documentText), (hit) => {
      if (seen[hit.phrase.payload] !== g) active.push(hit.phrase.payload);
      seen[hit.phrase.payload] = g;
    });
    activeKey = active.sort((a, b) => a - b).join(',');
  };
  /** Whether entry `e` may fire in the current document. */
  const isActive = (e: number): boolean => needsContext[e] === 0 || seen[e] === generation;

  // Matches by sentence text, then by the context entries active in its document.
  const remembered = new TextMemo<readonly TermMatch[]>();

  return {
    glossary,
    match(text: string, documentText?: string): readonly TermMatch[] {
      const own = documentText === undefined || documentText === text;
      if (own) return matchText(text, tokenize(text), true);
      // A sentence of a document: its matches are remembered by text and active context, so a
      // document checked again after one sentence changed (the review app's save) scans one sentence.
      if (contextTrie) evaluateContext(documentText);
      return remembered.get(text, activeKey) ?? remembered.set(text, activeKey, matchText(text, tokenize(text), false));
    },
  };

  /** The matches in `text`; `own`: the text is its own document, whose context is evaluated here. */
  function matchText(text: string, tokens: Tokens, own: boolean): readonly TermMatch[] {
    if (tokens.length === 0) return NO_MATCHES;
    // A text that is its own document (an example, a title) is tokenized once for both scans.
    if (contextTrie && own) evaluateContext(text, tokens);
    const terms: PhraseHit<Payload>[] = [];
    let exceptions: PhraseHit<Payload>[] | undefined;
    scan(trie, text, tokens, (hit) => {
      if (!isActive(hit.phrase.payload.entry)) return;
      if (hit.phrase.payload.kind === 'term') terms.push(hit);
      else (exceptions ??= []).push(hit);
    });
    if (terms.length === 0) return NO_MATCHES;
    terms.sort(
      (a, b) =>
        a.first - b.first ||
        b.last - a.last ||
        b.end - b.start - (a.end - a.start) ||
        (a.phrase.plural === '' ? 0 : 1) - (b.phrase.plural === '' ? 0 : 1),
    );
    const out: TermMatch[] = [];
    let taken = 0;
    for (const hit of terms) {
      if (hit.start < taken) continue;
      const payload = hit.phrase.payload as Extract<Payload, { kind: 'term' }>;
      if (exceptions && exceptions.some((x) => x.phrase.payload.entry === payload.entry && x.start < hit.end && hit.start < x.end)) continue;
      const matched = text.slice(hit.start, hit.end);
      const entry: GlossaryEntry = entries[payload.entry]!;
      out.push({
        entry,
        term: payload.term,
        start: hit.start,
        end: hit.end,
        text: matched,
        replacement: adaptReplacement(payload.term.replacement, {
          match: matched,
          term: payload.term.text,
          plural: hit.phrase.plural,
          possessive: hit.phrase.poss[hit.last - hit.first] ? '' : tokens.poss[hit.last]!,
          sentenceInitial: isSentenceInitial(text, hit.start),
        }),
      });
      taken = hit.end;
    }
    for (const m of out) Object.freeze(m);
    return Object.freeze(out);
  }
}

/** No matches (shared: results are frozen). */
const NO_MATCHES: readonly TermMatch[] = Object.freeze([]);


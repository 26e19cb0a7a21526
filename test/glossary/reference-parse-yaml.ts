/**
 * The `yaml`-only glossary parser as it was before the fast js-yaml reader: kept here, and only
 * here, as the reference the differential test compares the product parser against. It walks
 * `yaml`'s Document and computes every location eagerly. Do not use it in product code.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { MtReviewError, SEVERITIES, type GlossaryEntry, type GlossaryTerm, type Severity, type Category, type SourceLocation } from '../../src/core/types.js';
import { CATEGORIES } from '../../src/glossary/parse-yaml.js';
import { ID_PATTERN, phraseProblem, termProblem } from '../../src/glossary/validate.js';

/** An entry as parsed, with the places its id and examples were written. */
export interface ReferenceEntry {
  entry: GlossaryEntry;
  idLocation: SourceLocation;
  examples: { flag: SourceLocation[]; pass: SourceLocation[] };
}

const ENTRY_FIELDS = ['id', 'terms', 'preferred', 'note', 'severity', 'category', 'case-sensitive', 'plural', 'fix', 'exceptions', 'context', 'examples'];
const TERM_FIELDS = ['term', 'use', 'case-sensitive', 'plural'];
const EXAMPLE_FIELDS = ['flag', 'pass'];

/** Parses a YAML glossary as the product did with `yaml` alone. Throws a one-line `MtReviewError` on the first problem. */
export function referenceParseGlossaryYaml(file: string, text: string): ReferenceEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const fail = (message: string, node: Node | null | undefined, fallback = 0): never => {
    throw new MtReviewError('glossary', message, at(node?.range?.[0] ?? fallback));
  };
  const firstError = doc.errors[0];
  if (firstError) throw new MtReviewError('glossary', `invalid YAML: ${firstError.message.split('\n')[0]}`, at(firstError.pos[0]));

  const root = doc.contents;
  if (!isSeq(root)) return fail('a glossary file must be a YAML list of entries (`- id: …`)', root as Node | null);

  const str = (node: unknown, what: string): string => {
    if (!isScalar(node) || typeof node.value !== 'string') return fail(`${what} must be a string`, node as Node);
    return node.value;
  };
  const bool = (node: unknown, what: string): boolean => {
    if (!isScalar(node) || typeof node.value !== 'boolean') return fail(`${what} must be true or false`, node as Node);
    return node.value;
  };
  /** A string or a list of strings. */
  const strList = (node: unknown, what: string): { values: string[]; nodes: Node[] } => {
    if (isScalar(node) && typeof node.value === 'string') return { values: [node.value], nodes: [node] };
    if (!isSeq(node)) return fail(`${what} must be a string or a list of strings`, node as Node);
    const values: string[] = [];
    for (const item of node.items) values.push(str(item, `each item of ${what}`));
    return { values, nodes: node.items as Node[] };
  };
  const pairsOf = (node: unknown, allowed: readonly string[], what: string): Map<string, Pair<Node, Node>> => {
    if (!isMap(node)) return fail(`${what} must be a mapping`, node as Node);
    const pairs = new Map<string, Pair<Node, Node>>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) fail(`unknown field "${key}" in ${what} (allowed: ${allowed.join(', ')})`, pair.key as Node);
      pairs.set(key, pair as Pair<Node, Node>);
    }
    return pairs;
  };

  const parsed: ReferenceEntry[] = [];
  for (const item of root.items) {
    const entryStart = (item as Node).range?.[0] ?? 0;
    const fields = pairsOf(item, ENTRY_FIELDS, 'an entry');
    const field = (name: string) => fields.get(name)?.value;
    const need = (name: string) => {
      const pair = fields.get(name);
      if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) fail(`entry is missing "${name}"`, (pair?.key as Node) ?? (item as Node), entryStart);
      return pair!.value as Node;
    };
    const idNode = need('id');
    const id = str(idNode, '"id"');
    if (!ID_PATTERN.test(id)) fail(`id "${id}" must be kebab-case (a-z, 0-9, single hyphens)`, idNode);
    const where = `entry "${id}"`;

    const entryCase = fields.has('case-sensitive') ? bool(field('case-sensitive'), `"case-sensitive" of ${where}`) : false;
    const entryPlural = fields.has('plural') ? bool(field('plural'), `"plural" of ${where}`) : true;

    let preferred: string[] = [];
    if (fields.has('preferred')) {
      const p = strList(field('preferred'), `"preferred" of ${where}`);
      p.values.forEach((v, i) => v.trim() === '' && fail(`an empty preferred rendering in ${where}`, p.nodes[i]));
      preferred = p.values;
    }

    const termsNode = need('terms');
    const termNodes: unknown[] = isSeq(termsNode) ? termsNode.items : isScalar(termsNode) ? [termsNode] : fail(`"terms" of ${where} must be a list`, termsNode);
    if (termNodes.length === 0) fail(`"terms" of ${where} is empty`, termsNode);
    const pending: { text: string; use?: string; caseSensitive: boolean; plural: boolean; node: Node }[] = [];
    for (const t of termNodes) {
      let text: string;
      let use: string | undefined;
      let caseSensitive = entryCase;
      let plural = entryPlural;
      let textNode = t as Node;
      if (isScalar(t)) {
        text = str(t, `a term of ${where}`);
      } else if (isMap(t) && t.items.some((p) => isScalar(p.key) && p.key.value === 'term')) {
        const tf = pairsOf(t, TERM_FIELDS, `a term of ${where}`);
        textNode = tf.get('term')!.value as Node;
        text = str(textNode, `"term" in ${where}`);
        if (tf.has('use')) use = str(tf.get('use')!.value, `"use" in ${where}`);
        if (tf.has('case-sensitive')) caseSensitive = bool(tf.get('case-sensitive')!.value, `"case-sensitive" in ${where}`);
        if (tf.has('plural')) plural = bool(tf.get('plural')!.value, `"plural" in ${where}`);
      } else if (isMap(t) && t.items.length === 1) {
        const pair = t.items[0]!;
        textNode = pair.key as Node;
        text = str(pair.key, `a term of ${where}`);
        use = str(pair.value, `the replacement of "${text}" in ${where}`);
      } else {
        return fail(`a term of ${where} must be a string, "wrong: right", or {term, use, case-sensitive, plural}`, t as Node);
      }
      const problem = termProblem(text);
      if (problem) fail(`term "${text}" of ${where} ${problem}`, textNode);
      if (use !== undefined && use.trim() === '') fail(`the replacement of "${text}" in ${where} is empty`, t as Node);
      pending.push({ text, ...(use !== undefined ? { use } : {}), caseSensitive, plural, node: textNode });
    }
    const declared = preferred.length > 0;
    if (!declared) preferred = [...new Set(pending.flatMap((p) => (p.use !== undefined ? [p.use] : [])))];
    const terms: GlossaryTerm[] = pending.map((p) => {
      const replacement = p.use ?? preferred[0];
      if (replacement === undefined) return fail(`term "${p.text}" of ${where} has no replacement: give it one ("${p.text}: …") or give the entry "preferred"`, p.node);
      const term: GlossaryTerm = { text: p.text, replacement, caseSensitive: p.caseSensitive };
      if (!p.plural) term.plural = false;
      // Only a declared preferred list is a set of interchangeable renderings; a derived one is
      // just the other terms' replacements, which do not fit this match.
      const alternatives = declared && preferred.includes(replacement) ? preferred.filter((x) => x !== replacement) : [];
      if (alternatives.length > 0) term.alternatives = alternatives;
      return term;
    });

    const note = fields.has('note') ? str(field('note'), `"note" of ${where}`) : '';
    let severity: Severity = 'error';
    if (fields.has('severity')) {
      const v = str(field('severity'), `"severity" of ${where}`);
      if (!(SEVERITIES as readonly string[]).includes(v)) fail(`"severity" of ${where} must be one of ${SEVERITIES.join(', ')}, not "${v}"`, field('severity'));
      severity = v as Severity;
    }
    let category: Category = 'terminology';
    if (fields.has('category')) {
      const v = str(field('category'), `"category" of ${where}`);
      if (!(CATEGORIES as readonly string[]).includes(v)) fail(`"category" of ${where} must be one of ${CATEGORIES.join(', ')}, not "${v}"`, field('category'));
      category = v as Category;
    }
    const phrases = (name: string): string[] => {
      if (!fields.has(name)) return [];
      const list = strList(field(name), `"${name}" of ${where}`);
      list.values.forEach((v, i) => {
        const problem = phraseProblem(v);
        if (problem) fail(`${name.replace(/s$/, '')} "${v}" of ${where} ${problem}`, list.nodes[i]);
      });
      return list.values;
    };
    const exceptions = phrases('exceptions');
    const context = phrases('context');
    const fix = fields.has('fix') ? bool(field('fix'), `"fix" of ${where}`) : true;

    const examples = { flag: [] as string[], pass: [] as string[] };
    const exampleLocations = { flag: [] as SourceLocation[], pass: [] as SourceLocation[] };
    if (fields.has('examples')) {
      const ef = pairsOf(field('examples'), EXAMPLE_FIELDS, `"examples" of ${where}`);
      for (const kind of ['flag', 'pass'] as const) {
        if (!ef.has(kind)) continue;
        const list = strList(ef.get(kind)!.value, `"examples.${kind}" of ${where}`);
        examples[kind] = list.values;
        exampleLocations[kind] = list.nodes.map((n) => at(n.range?.[0] ?? 0));
      }
    }

    const entry: GlossaryEntry = { id, terms, preferred, note, severity, category, exceptions, context, examples, source: at(entryStart) };
    if (!fix) entry.fix = false;
    parsed.push({ entry, idLocation: at(idNode.range?.[0] ?? entryStart), examples: exampleLocations });
  }
  return parsed;
}

/**
 * Parsing one YAML glossary file into validated entries. Pure: takes the file's name and text.
 *
 * Two readers feed one validator. The fast reader (js-yaml, YAML 1.2 core schema) turns the text
 * into plain values and knows no positions. The exact reader (`yaml`'s full Document with a
 * LineCounter) knows where every node was written, but costs several times more. A glossary is
 * read fast; the exact reader runs only when something has to be located: an error (the whole
 * file is then read and validated again exactly, so every message and file:line:col is the one
 * the exact reader alone gives), or a later question such as "where was this id written?" or
 * "where does this entry begin?" (`entry.source`).
 */
import { CORE_SCHEMA, loadAll, realMapTag } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import { MtReviewError, SEVERITIES, type Category, type GlossaryEntry, type GlossaryTerm, type Severity, type SourceLocation } from '../core/types.js';
import { ID_PATTERN, phraseProblem, termProblem } from './validate.js';

/** A part of an entry that an error may point at. */
export type EntryPart = 'id' | { example: 'flag' | 'pass'; index: number };

/** An entry as parsed, and a way to find where its parts were written. */
export interface ParsedEntry {
  entry: GlossaryEntry;
  /** Where a part of the entry was written; computed on demand, as only error messages need it. */
  locate(part: EntryPart): SourceLocation;
}

/** The MQM-style categories an entry may name. */
export const CATEGORIES: readonly Category[] = ['terminology', 'language', 'consistency', 'typography', 'accuracy', 'fluency', 'style', 'locale'];

const ENTRY_FIELDS = ['id', 'terms', 'preferred', 'note', 'severity', 'category', 'case-sensitive', 'plural', 'fix', 'exceptions', 'context', 'examples'];
const TERM_FIELDS = ['term', 'use', 'case-sensitive', 'plural'];
const EXAMPLE_FIELDS = ['flag', 'pass'];

/**
 * A node of the document by position: each step indexes a sequence's items or a mapping's pairs;
 * `key` picks the last pair's key instead of its value.
 */
export interface NodePath {
  path: readonly number[];
  key?: boolean;
}

/**
 * A YAML value as plain data: strings, numbers, booleans, null, arrays, and mappings as `Map`
 * (keys keep their types and document order) or `Pairs`. `ALIAS` stands for an alias node, which
 * no field accepts.
 */
type Plain = unknown;

/** A mapping read by the exact reader: its pairs in document order (keys may repeat as values, e.g. `.nan`). */
class Pairs {
  constructor(readonly pairs: [Plain, Plain][]) {}
}

/** An alias (`*name`) as the exact reader sees it. */
const ALIAS: Readonly<Record<string, never>> = Object.freeze({});

/** Thrown by the fast reader's validation to hand the file to the exact reader. */
const READ_EXACTLY = Symbol('read exactly');

/** Whether a plain value came from a scalar node. */
function isPlainScalar(value: Plain): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** How a key reads as a field name: a scalar's value as text, anything else ``. */
function keyName(key: Plain): string {
  return isPlainScalar(key) ? String(key) : '';
}

/** The number of pairs of a mapping, or undefined when the value is not a mapping. */
function pairCount(value: Plain): number | undefined {
  if (value instanceof Map) return value.size;
  if (value instanceof Pairs) return value.pairs.length;
  return undefined;
}

/** The keys of a mapping, in document order. */
function keysOf(mapping: Map<Plain, Plain> | Pairs): Plain[] {
  return mapping instanceof Map ? [...mapping.keys()] : mapping.pairs.map((p) => p[0]);
}

/** The index of the pair a field name reads from (the last one so named, as a later pair wins). */
function fieldIndex(mapping: Plain, name: string): number {
  return mapping instanceof Map || mapping instanceof Pairs ? keysOf(mapping).map(keyName).lastIndexOf(name) : -1;
}

/** What the validator needs from a reader besides the values. */
interface Reader {
  /** Reports the first problem; must throw. */
  fail(message: string, where: NodePath): never;
  /** Where a node begins (the fast reader re-parses the file exactly to tell: only errors ask). */
  locate(where: NodePath): SourceLocation;
  /** Where the entry at an index begins, for `entry.source` (asked for every entry, so cheap or lazy). */
  entryStart(index: number): SourceLocation;
}

/**
 * Validates a glossary document given as plain values and turns it into entries. This is the
 * only statement of the glossary's YAML rules; both readers run it. Node paths are only built
 * when something fails or is located, so a valid glossary costs no bookkeeping.
 */
function validateGlossary(root: Plain, { fail, locate, entryStart }: Reader): ParsedEntry[] {
  if (!Array.isArray(root)) return fail('a glossary file must be a YAML list of entries (`- id: …`)', { path: [] });

  /** A mapping's fields by name, after refusing unknown ones (`path` builds the mapping's path). */
  const fieldsOf = (value: Plain, allowed: readonly string[], what: string, path: () => number[]): ReadonlyMap<string, Plain> => {
    const unknown = (key: Plain, i: number): never => fail(`unknown field "${keyName(key)}" in ${what} (allowed: ${allowed.join(', ')})`, { path: [...path(), i], key: true });
    if (value instanceof Map) {
      let i = 0;
      for (const key of value.keys()) {
        if (typeof key !== 'string' || !allowed.includes(key)) unknown(key, i);
        i++;
      }
      return value as Map<string, Plain>;
    }
    if (value instanceof Pairs) {
      const fields = new Map<string, Plain>();
      value.pairs.forEach(([key, v], i) => {
        if (!allowed.includes(keyName(key))) unknown(key, i);
        fields.set(keyName(key), v);
      });
      return fields;
    }
    return fail(`${what} must be a mapping`, { path: path() });
  };
  /** A string or a list of strings; `path` builds the value's path, `itemAt` an item's. */
  const strList = (value: Plain, what: string, path: () => number[], itemAt: (i: number) => number[]): string[] => {
    if (typeof value === 'string') return [value];
    if (!Array.isArray(value)) return fail(`${what} must be a string or a list of strings`, { path: path() });
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string') fail(`each item of ${what} must be a string`, { path: itemAt(i) });
    }
    return value as string[];
  };

  const parsed: ParsedEntry[] = [];
  root.forEach((item: Plain, index) => {
    const fields = fieldsOf(item, ENTRY_FIELDS, 'an entry', () => [index]);
    /** The path of a field's value, or of an item inside it. */
    const fieldAt = (name: string, ...more: number[]): number[] => [index, fieldIndex(item, name), ...more];
    const str = (name: string, what: string): string => {
      const value = fields.get(name);
      return typeof value === 'string' ? value : fail(`${what} must be a string`, { path: fieldAt(name) });
    };
    const bool = (name: string, what: string): boolean => {
      const value = fields.get(name);
      return typeof value === 'boolean' ? value : fail(`${what} must be true or false`, { path: fieldAt(name) });
    };
    const list = (name: string, what: string): string[] => strList(fields.get(name), what, () => fieldAt(name), (i) => fieldAt(name, i));
    /** The path of the i-th string of a field that is a string or a list of strings. */
    const listItemAt = (name: string, i: number): number[] => (typeof fields.get(name) === 'string' ? fieldAt(name) : fieldAt(name, i));
    const need = (name: string): void => {
      if (fields.get(name) === undefined || fields.get(name) === null) {
        fail(`entry is missing "${name}"`, fields.has(name) ? { path: fieldAt(name), key: true } : { path: [index] });
      }
    };

    need('id');
    const id = str('id', '"id"');
    if (!ID_PATTERN.test(id)) fail(`id "${id}" must be kebab-case (a-z, 0-9, single hyphens)`, { path: fieldAt('id') });
    const where = `entry "${id}"`;

    const entryCase = fields.has('case-sensitive') ? bool('case-sensitive', `"case-sensitive" of ${where}`) : false;
    const entryPlural = fields.has('plural') ? bool('plural', `"plural" of ${where}`) : true;

    let preferred: string[] = [];
    if (fields.has('preferred')) {
      preferred = list('preferred', `"preferred" of ${where}`);
      preferred.forEach((v, i) => v.trim() === '' && fail(`an empty preferred rendering in ${where}`, { path: listItemAt('preferred', i) }));
    }

    need('terms');
    const termsValue = fields.get('terms');
    const termsIsList = Array.isArray(termsValue);
    if (!termsIsList && !isPlainScalar(termsValue)) fail(`"terms" of ${where} must be a list`, { path: fieldAt('terms') });
    const termValues: Plain[] = termsIsList ? termsValue : [termsValue];
    if (termValues.length === 0) fail(`"terms" of ${where} is empty`, { path: fieldAt('terms') });
    const pending: { text: string; use: string | undefined; caseSensitive: boolean; plural: boolean; textAt: () => NodePath }[] = [];
    termValues.forEach((t, i) => {
      const termAt = (...more: number[]): number[] => (termsIsList ? fieldAt('terms', i, ...more) : fieldAt('terms', ...more));
      let text: string;
      let use: string | undefined;
      let caseSensitive = entryCase;
      let plural = entryPlural;
      let textAt: () => NodePath = () => ({ path: termAt() });
      const pairs = pairCount(t);
      if (isPlainScalar(t)) {
        if (typeof t !== 'string') fail(`a term of ${where} must be a string`, textAt());
        text = t as string;
      } else if (t instanceof Map ? t.has('term') : t instanceof Pairs && keysOf(t).includes('term')) {
        const tf = fieldsOf(t, TERM_FIELDS, `a term of ${where}`, termAt);
        const termStr = (name: string, what: string): string => {
          const value = tf.get(name);
          return typeof value === 'string' ? value : fail(`${what} must be a string`, { path: termAt(fieldIndex(t, name)) });
        };
        textAt = () => ({ path: termAt(fieldIndex(t, 'term')) });
        text = termStr('term', `"term" in ${where}`);
        if (tf.has('use')) use = termStr('use', `"use" in ${where}`);
        for (const name of ['case-sensitive', 'plural'] as const) {
          if (!tf.has(name)) continue;
          const value = tf.get(name);
          if (typeof value !== 'boolean') fail(`"${name}" in ${where} must be true or false`, { path: termAt(fieldIndex(t, name)) });
          if (name === 'case-sensitive') caseSensitive = value as boolean;
          else plural = value as boolean;
        }
      } else if (pairs === 1) {
        const [key, replacement] = t instanceof Map ? (t.entries().next().value as [Plain, Plain]) : (t as Pairs).pairs[0]!;
        textAt = () => ({ path: termAt(0), key: true });
        if (typeof key !== 'string') fail(`a term of ${where} must be a string`, textAt());
        text = key as string;
        if (typeof replacement !== 'string') fail(`the replacement of "${text}" in ${where} must be a string`, { path: termAt(0) });
        use = replacement as string;
      } else {
        return fail(`a term of ${where} must be a string, "wrong: right", or {term, use, case-sensitive, plural}`, { path: termAt() });
      }
      const problem = termProblem(text);
      if (problem) fail(`term "${text}" of ${where} ${problem}`, textAt());
      if (use !== undefined && use.trim() === '') fail(`the replacement of "${text}" in ${where} is empty`, { path: termAt() });
      pending.push({ text, use, caseSensitive, plural, textAt });
    });
    const declared = preferred.length > 0;
    if (!declared) preferred = [...new Set(pending.flatMap((p) => (p.use !== undefined ? [p.use] : [])))];
    const terms: GlossaryTerm[] = pending.map((p) => {
      const replacement = p.use ?? preferred[0];
      if (replacement === undefined) return fail(`term "${p.text}" of ${where} has no replacement: give it one ("${p.text}: …") or give the entry "preferred"`, p.textAt());
      const term: GlossaryTerm = { text: p.text, replacement, caseSensitive: p.caseSensitive };
      if (!p.plural) term.plural = false;
      // Only a declared preferred list is a set of interchangeable renderings; a derived one is
      // just the other terms' replacements, which do not fit this match.
      const alternatives = declared && preferred.includes(replacement) ? preferred.filter((x) => x !== replacement) : [];
      if (alternatives.length > 0) term.alternatives = alternatives;
      return term;
    });

    const note = fields.has('note') ? str('note', `"note" of ${where}`) : '';
    let severity: Severity = 'error';
    if (fields.has('severity')) {
      const v = str('severity', `"severity" of ${where}`);
      if (!(SEVERITIES as readonly string[]).includes(v)) fail(`"severity" of ${where} must be one of ${SEVERITIES.join(', ')}, not "${v}"`, { path: fieldAt('severity') });
      severity = v as Severity;
    }
    let category: Category = 'terminology';
    if (fields.has('category')) {
      const v = str('category', `"category" of ${where}`);
      if (!(CATEGORIES as readonly string[]).includes(v)) fail(`"category" of ${where} must be one of ${CATEGORIES.join(', ')}, not "${v}"`, { path: fieldAt('category') });
      category = v as Category;
    }
    const phrases = (name: string): string[] => {
      if (!fields.has(name)) return [];
      const values = list(name, `"${name}" of ${where}`);
      values.forEach((v, i) => {
        const problem = phraseProblem(v);
        if (problem) fail(`${name.replace(/s$/, '')} "${v}" of ${where} ${problem}`, { path: listItemAt(name, i) });
      });
      return values;
    };
    const exceptions = phrases('exceptions');
    const context = phrases('context');
    const fix = fields.has('fix') ? bool('fix', `"fix" of ${where}`) : true;

    const examples = { flag: [] as string[], pass: [] as string[] };
    const examplesValue = fields.get('examples');
    /** The path of the examples of one kind, or of one of them. */
    const exampleAt = (kind: 'flag' | 'pass', ...more: number[]): number[] => fieldAt('examples', fieldIndex(examplesValue, kind), ...more);
    let ef: ReadonlyMap<string, Plain> | undefined;
    if (fields.has('examples')) {
      ef = fieldsOf(examplesValue, EXAMPLE_FIELDS, `"examples" of ${where}`, () => fieldAt('examples'));
      for (const kind of ['flag', 'pass'] as const) {
        if (!ef.has(kind)) continue;
        examples[kind] = strList(ef.get(kind), `"examples.${kind}" of ${where}`, () => exampleAt(kind), (i) => exampleAt(kind, i));
      }
    }

    const entry: GlossaryEntry = { id, terms, preferred, note, severity, category, exceptions, context, examples };
    if (!fix) entry.fix = false;
    const locateEntry = (part: EntryPart): SourceLocation => {
      if (part === 'id') return locate({ path: fieldAt('id') });
      const kind = part.example;
      return locate({ path: typeof ef?.get(kind) === 'string' ? exampleAt(kind) : exampleAt(kind, part.index) });
    };
    // Where the entry begins, for library callers (nothing in mt-review reads it). Not enumerable,
    // so hashing, caching and copying skip it (as the hash always has); a data property, so every
    // entry keeps one shape and stays fast to read.
    Object.defineProperty(entry, 'source', { value: entryStart(index), enumerable: false, writable: true, configurable: true });
    parsed.push({ entry, locate: locateEntry });
  });
  return parsed;
}

/** A location whose line and column are worked out when first read (`find` may re-parse the file). */
function lazyLocation(file: string, find: () => SourceLocation): SourceLocation {
  let found: SourceLocation | undefined;
  const get = (): SourceLocation => (found ??= find());
  return {
    file,
    get line() {
      return get().line;
    },
    get column() {
      return get().column;
    },
  };
}

let yamlLibrary: typeof Yaml | undefined;

/**
 * The exact reader's library, loaded on first use (its CommonJS build, synchronously): a valid
 * glossary never needs it, and loading it costs about a twentieth of a cold `mt-review check`.
 */
function exactYaml(): typeof Yaml {
  return (yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/** The exact reading of a file: `yaml`'s Document with the line starts, parsed once on demand. */
interface ExactReading {
  doc: Document.Parsed;
  at(offset: number): SourceLocation;
  /** Where the node at `where` begins (offset 0 when there is no node there). */
  locate(where: NodePath): SourceLocation;
}

/** Parses with `yaml`, keeping what is needed to turn a node path into file:line:col. */
function readExactly(file: string, text: string): ExactReading {
  const { isMap, isSeq, LineCounter, parseDocument } = exactYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const locate = ({ path, key }: NodePath): SourceLocation => {
    let node: unknown = doc.contents;
    path.forEach((step, depth) => {
      if (isSeq(node)) node = node.items[step];
      else if (isMap(node)) {
        const pair = node.items[step];
        node = key && depth === path.length - 1 ? pair?.key : pair?.value;
      } else node = undefined;
    });
    return at((node as Node | null | undefined)?.range?.[0] ?? 0);
  };
  return { doc, at, locate };
}

/** The exact reader's document as plain values (aliases stay `ALIAS`, mappings keep every pair). */
function plainOf(node: unknown): Plain {
  const { isAlias, isMap, isScalar, isSeq } = exactYaml();
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map(plainOf);
  if (isMap(node)) return new Pairs(node.items.map((pair) => [plainOf(pair.key), plainOf(pair.value)]));
  if (isAlias(node)) return ALIAS;
  return null;
}

/** The js-yaml schema of the fast reader: YAML 1.2 core scalars, mappings as `Map` (keys keep their types). */
const FAST_SCHEMA = CORE_SCHEMA.withTags(realMapTag);

/**
 * Whether the text uses something the two readers treat differently, so only the exact reader
 * may read it: a byte-order mark, a directive (`%YAML 1.1` changes the schema), a lone CR, a tab
 * in a line's indentation (js-yaml lets a tab-only line end a block scalar; `yaml` refuses it).
 */
function needsExactReader(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff) return true;
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) if (i === 0 || text[i - 1] === '\n') return true;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') return true;
  for (let i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i + 1)) {
    let j = i - 1;
    while (j >= 0 && text[j] === ' ') j--;
    if (j < 0 || text[j] === '\n') return true;
  }
  return false;
}

/** Parses a YAML glossary: a list of entries. Throws a one-line `MtReviewError` on the first problem. */
export function parseGlossaryYaml(file: string, text: string): ParsedEntry[] {
  let exact: ExactReading | undefined;
  const exactly = (): ExactReading => (exact ??= readExactly(file, text));

  if (!needsExactReader(text)) {
    let documents: unknown[] = [];
    try {
      // Aliases are refused (`maxAliases: 0`): the exact reader gives them their message.
      documents = loadAll(text, { schema: FAST_SCHEMA, maxAliases: 0 });
    } catch {
      // Any syntax error is reported as the exact reader words and places it.
    }
    if (documents.length === 1) {
      try {
        return validateGlossary(documents[0], {
          fail: () => {
            throw READ_EXACTLY;
          },
          locate: (where) => exactly().locate(where),
          // Located exactly when first read: nothing in mt-review reads it, so a valid file is read once.
          entryStart: (index) => lazyLocation(file, () => exactly().locate({ path: [index] })),
        });
      } catch (err) {
        if (err !== READ_EXACTLY) throw err;
      }
    }
  }

  const reading = exactly();
  const firstError = reading.doc.errors[0];
  if (firstError) throw new MtReviewError('glossary', `invalid YAML: ${firstError.message.split('\n')[0]}`, reading.at(firstError.pos[0]));
  return validateGlossary(plainOf(reading.doc.contents), {
    fail: (message, where) => {
      throw new MtReviewError('glossary', message, reading.locate(where));
    },
    locate: reading.locate,
    entryStart: (index) => reading.locate({ path: [index] }),
  });
}

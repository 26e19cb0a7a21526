/**
 * Building a glossary from file contents: parse each file, reject duplicate ids, then compile and
 * run every entry's examples. Pure: the caller reads the files and supplies the hash function.
 */
import { MtReviewError, type Glossary, type GlossaryEntry } from '../core/types.js';
import { compileGlossary } from './compile.js';
import { glossaryFormat, type GlossarySource } from './format.js';
import { parseGlossaryTsv } from './parse-tsv.js';
import { parseGlossaryYaml, type ParsedEntry } from './parse-yaml.js';

/** The canonical text a glossary's hash is computed over (entries without their source locations). */
export function canonicalGlossaryText(entries: readonly GlossaryEntry[]): string {
  // YAML entries carry `source` as a lazy, non-enumerable property that JSON skips anyway; only
  // entries with a plain `source` (TSV, or read back from a cache) are copied without it.
  return JSON.stringify(entries.map((e) => (Object.prototype.propertyIsEnumerable.call(e, 'source') ? withoutSource(e) : e)));
}

/** A shallow copy of an entry without its source location. */
function withoutSource({ source: _source, ...rest }: GlossaryEntry): Omit<GlossaryEntry, 'source'> {
  return rest;
}

/**
 * Parses, validates and self-tests a glossary. Each example is checked as its own document (its
 * context words must be in the example itself) against the whole glossary: a `flag` example must
 * get a match from its entry, a `pass` example must get none from it.
 */
export function buildGlossary(sources: readonly GlossarySource[], hash: (canonical: string) => string): Glossary {
  const parsed: ParsedEntry[] = [];
  const ids = new Map<string, ParsedEntry>();
  for (const source of sources) {
    const format = glossaryFormat(source.file);
    // A byte-order mark (as Windows editors write) is not part of the glossary.
    const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
    const entries = format === 'tsv' ? parseGlossaryTsv(source.file, text) : parseGlossaryYaml(source.file, text);
    for (const p of entries) {
      const first = ids.get(p.entry.id);
      if (first) {
        const f = first.locate('id');
        throw new MtReviewError('glossary', `duplicate id "${p.entry.id}" (first defined at ${f.file}:${f.line}:${f.column})`, p.locate('id'));
      }
      ids.set(p.entry.id, p);
      parsed.push(p);
    }
  }
  const entries = parsed.map((p) => p.entry);
  const glossary: Glossary = { entries, files: sources.map((s) => s.file), hash: hash(canonicalGlossaryText(entries)) };
  verifyExamples(glossary, parsed);
  return glossary;
}

/** Runs every entry's examples against the compiled glossary; throws at the first that fails. */
function verifyExamples(glossary: Glossary, parsed: readonly ParsedEntry[]): void {
  const compiled = compileGlossary(glossary);
  for (const { entry, locate } of parsed) {
    entry.examples.flag.forEach((example, i) => {
      const hits = compiled.match(example, example);
      if (!hits.some((m) => m.entry === entry)) {
        const other = hits[0] ? ` (entry "${hits[0].entry.id}" matched “${hits[0].text}” instead)` : '';
        throw new MtReviewError('glossary', `entry "${entry.id}": example should be flagged but is not${other}: “${example}”`, locate({ example: 'flag', index: i }));
      }
    });
    entry.examples.pass.forEach((example, i) => {
      const hit = compiled.match(example, example).find((m) => m.entry === entry);
      if (hit) {
        throw new MtReviewError('glossary', `entry "${entry.id}": example should pass but “${hit.text}” is flagged: “${example}”`, locate({ example: 'pass', index: i }));
      }
    });
  }
}

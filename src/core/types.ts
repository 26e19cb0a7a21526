/**
 * The shared vocabulary of mt-review: documents, sentences, findings, checks and glossaries.
 *
 * Everything here is plain data. The core (segmentation, glossary compilation, checks, diffs) takes
 * and returns these shapes; the CLI, the web app and storage are adapters over them.
 * Offsets are always 0-based, half-open, in UTF-16 code units (JavaScript string indices).
 */

/** How serious a finding is; `error` fails CI by default. */
export type Severity = 'error' | 'warning' | 'info';

/** Ordered from most to least serious, for comparisons such as `--fail-on`. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The finding's category, after the MQM error typology's top-level dimensions
 * (terminology, accuracy, linguistic conventions, style, locale conventions) plus the
 * tool-specific `language` (untranslated text) and `consistency` (one thing written two ways).
 */
export type Category =
  | 'terminology'
  | 'language'
  | 'consistency'
  | 'typography'
  | 'accuracy'
  | 'fluency'
  | 'style'
  | 'locale';

/** A half-open range `[start, end)` in UTF-16 code units. */
export type Span = readonly [start: number, end: number];

/** A safe, mechanical correction: replace `range` (same base as the finding's range) with `text`. */
export interface Fix {
  range: Span;
  text: string;
}

/** One sentence of a segmented document, with its exact place in the source text. */
export interface Sentence {
  /** 0-based position among all sentences of the document. */
  index: number;
  /** 0-based paragraph this sentence belongs to (the headline is paragraph 0 when present). */
  paragraph: number;
  /** Offset of the first character in the document. */
  start: number;
  /** Offset one past the last character in the document. */
  end: number;
  /** `text.slice(start, end)` of the document: no leading or trailing white space. */
  text: string;
  /** `headline` for the article's title line, `body` otherwise. */
  kind: 'headline' | 'body';
}

/** A paragraph: one or more consecutive blocks, as the article's author meant them. */
export interface Paragraph {
  index: number;
  start: number;
  end: number;
  /** Indices into `Segmentation.sentences`. */
  sentences: number[];
}

/**
 * A segmented document. Joining every sentence's text with the source text that lies between
 * sentences gives back the document exactly.
 */
export interface Segmentation {
  text: string;
  sentences: Sentence[];
  paragraphs: Paragraph[];
}

/**
 * A finding as a check reports it: relative to one sentence.
 * Checks fill in everything except document offsets, which the checker adds.
 */
export interface SentenceFinding {
  /** The check's id, kebab-case, naming the defect (`forbidden-term`). */
  check: string;
  /**
   * The most specific stable id: `check` alone, or `check/sub-id` (the glossary entry's id for
   * `forbidden-term`, e.g. `forbidden-term/belarus-white`). Used for SARIF rule ids and suppressions.
   */
  ruleId: string;
  /** Key of the message template in the check's `meta.messages`. */
  messageId: string;
  /** Human message, one sentence, already filled in. */
  message: string;
  severity: Severity;
  category: Category;
  /** Index of the sentence in the document. */
  sentence: number;
  /** Range inside the sentence text. */
  range: Span;
  /** `sentence.text.slice(range[0], range[1])`. */
  match: string;
  /** Renderings to offer the reviewer, best first (may be empty). */
  suggestions: string[];
  /** A safe mechanical fix, relative to the sentence text; absent where no fix is safe. */
  fix?: Fix;
  /** Why this is a problem (the glossary note, for example). */
  note?: string;
  /** ISO 639-3 code of the detected language, for `wrong-language`. */
  lang?: string;
}

/** A finding placed in its document: sentence-relative range plus absolute document offsets. */
export interface Finding extends SentenceFinding {
  /** Document offset of `range[0]`. */
  start: number;
  /** Document offset of `range[1]`. */
  end: number;
}

/** Describes a check for the registry, `--list-checks`, docs, SARIF rules and the web UI. */
export interface CheckMeta {
  /** Stable kebab-case id; the file name, docs anchor, suppression key and CSS class derive from it. */
  id: string;
  /** One-sentence description of what it flags. */
  description: string;
  category: Category;
  defaultSeverity: Severity;
  /** Message templates by message id, with `{{name}}` placeholders. */
  messages: Record<string, string>;
  /**
   * What a sentence's findings depend on (default `document`). `sentence`: only that sentence's
   * text and kind, so the check run on a one-sentence document holding just that sentence finds
   * the same (a contract test proves it), and a checker with a memo may reuse them for an
   * unchanged sentence. `document`: anything more (other sentences, the block or paragraph,
   * context words anywhere in the article).
   */
  scope?: CheckScope;
}

/** See `CheckMeta.scope`. */
export type CheckScope = 'sentence' | 'document';

/** Everything a check may compile once, before it runs on any document. */
export interface CheckEnv {
  glossary: CompiledGlossary;
  options: CheckOptions;
}

/** A document as checks see it. */
export interface CheckDocument {
  /** The whole document text (for context conditions, consistency, …). */
  text: string;
  segmentation: Segmentation;
}

/** A check's compiled runner: called once per document, returns findings for all its sentences. */
export type CheckRunner = (doc: CheckDocument) => SentenceFinding[];

/** A check: metadata plus a factory that compiles once and returns a per-document runner. */
export interface CheckDefinition {
  meta: CheckMeta;
  create(env: CheckEnv): CheckRunner;
}

/** Options for `checkText` and `createChecker`. */
export interface CheckOptions {
  /** Only run these check ids (default: all registered checks). */
  enable?: string[];
  /** Never run these check ids. */
  disable?: string[];
  /** Expected language of the text, ISO 639-3 (default `eng`). */
  lang?: string;
}

/** One wrong rendering of an entry, with the preferred rendering that fits it. */
export interface GlossaryTerm {
  /** The wrong rendering as written in the glossary ("White President"). */
  text: string;
  /** The preferred rendering to offer for this exact wrong rendering ("Belarusian president"). */
  replacement: string;
  /** Match case exactly (default false). */
  caseSensitive: boolean;
  /** Also match the regular plural of the last word (default true). */
  plural?: boolean;
  /**
   * Further renderings to offer after `replacement`: the entry's declared `preferred` list when
   * this term uses one of them, none when the term has a rendering of its own ("White President"
   * → only "Belarusian president", never the other terms' renderings).
   */
  alternatives?: string[];
}

/** Where something was declared: 1-based line and column in a file. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One glossary entry, validated. */
export interface GlossaryEntry {
  id: string;
  terms: GlossaryTerm[];
  /** Preferred renderings, best first. */
  preferred: string[];
  note: string;
  severity: Severity;
  category: Category;
  /** Phrases in which the words are fine ("White House"). */
  exceptions: string[];
  /** When non-empty, flag only in documents that mention one of these words (Belarus, Minsk, …). */
  context: string[];
  examples: { flag: string[]; pass: string[] };
  /** Offer the replacement as a mechanical fix (default true); `false` keeps it a suggestion only. */
  fix?: boolean;
  /**
   * Where the entry begins in its file, for library callers (mt-review's own messages point at the
   * exact part: the id, the example). A TSV entry has it as a plain field; a YAML entry as a
   * non-enumerable one whose line and column are worked out when first read (the file is then
   * read again exactly). Never part of the glossary's hash; a glossary read back from the cache
   * has it for TSV entries only.
   */
  source?: SourceLocation;
}

/** A parsed glossary, before compilation. */
export interface Glossary {
  entries: GlossaryEntry[];
  /** The files it came from, for messages and cache keys. */
  files: string[];
  /** A content hash of the glossary, for cache keys. */
  hash: string;
}

/** One occurrence of a glossary term in a text. */
export interface TermMatch {
  entry: GlossaryEntry;
  term: GlossaryTerm;
  /** Range in the searched text. */
  start: number;
  end: number;
  /** The matched text. */
  text: string;
  /** The replacement adapted to the match (case, plural, possessive). */
  replacement: string;
}

/** A glossary compiled once into a single-pass matcher. */
export interface CompiledGlossary {
  glossary: Glossary;
  /**
   * All non-excepted matches in `text`, in order, honouring each entry's document context. The
   * result is frozen and may be shared between calls (a sentence's matches are remembered).
   */
  match(text: string, documentText?: string): readonly TermMatch[];
}

/** A typed, user-facing error: one line, with the place it concerns. Never shows a stack trace. */
export class MtReviewError extends Error {
  /** Where the problem is, when known (`file:line:col`). */
  readonly location?: SourceLocation | { file: string; line?: number; column?: number };
  /** A machine-readable kind, e.g. `glossary`, `io`, `usage`, `input`. */
  readonly kind: string;

  constructor(
    kind: string,
    message: string,
    location?: { file: string; line?: number; column?: number },
  ) {
    super(message);
    this.name = 'MtReviewError';
    this.kind = kind;
    if (location) this.location = location;
  }

  /** `file:line:col: message`, the one line a user sees. */
  override toString(): string {
    const loc = this.location;
    if (!loc) return this.message;
    const parts = [loc.file];
    if (loc.line !== undefined) parts.push(String(loc.line));
    if (loc.line !== undefined && loc.column !== undefined) parts.push(String(loc.column));
    return `${parts.join(':')}: ${this.message}`;
  }
}

/**
 * Export of a reviewed article, as pure builders over plain data: the corrected text in the corpus
 * file's own layout, Markdown, JSON, and a unified patch of the corpus file.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { buildCorrectedDocument } from './corrected.js';
import type { Finding, Segmentation } from './types.js';

/** One sentence as export sees it. */
export interface ExportSentence {
  index: number;
  paragraph: number;
  kind: 'headline' | 'body';
  /** The MT sentence. */
  mt: string;
  /** The rendering to export (the MT sentence when nothing was saved or the saved patch conflicts). */
  corrected: string;
  status: 'open' | 'edited' | 'approved';
  /** Who saved the current revision, and when (ISO 8601); null without a revision. */
  reviewer: string | null;
  time: string | null;
  /** The current revision's patch against the MT sentence, or null. */
  patch: string | null;
  needsAttention: boolean;
  conflict: boolean;
  /** Open findings on `corrected` (dismissed ones removed). */
  findings: Finding[];
}

/** Everything the builders need to export one article. */
export interface ExportInput {
  article: {
    slug: string;
    title: string;
    /**
     * The corpus file's path as patches name it (`corpus/2020-09-14-….txt`), or a made-up
     * `<slug>.txt` for pasted articles.
     */
    path: string;
    mtHash: string;
  };
  /** The MT text exactly as imported (without a byte order mark). */
  mtText: string;
  /** The corpus file began with a UTF-8 byte order mark. */
  hadBom: boolean;
  segmentation: Segmentation;
  sentences: ExportSentence[];
}

/** The corrected article in the original layout: byte for byte the MT file wherever nothing was corrected. */
export function exportText(input: ExportInput): string {
  const bom = input.hadBom ? '\uFEFF' : '';
  return bom + correctedText(input);
}

/** The corrected text without a byte order mark. */
function correctedText(input: ExportInput): string {
  return buildCorrectedDocument(input.mtText, input.segmentation, input.sentences.map((s) => s.corrected)).text;
}

/** A line that Markdown would read as a heading, quote, list item, rule or code fence. */
const MARKDOWN_BLOCK_START = /^(?:#|>|[-+*](?:\s|$)|\d+[.)](?:\s|$)|=|`{3}|~{3}|\s{4})/;

/** Escapes text so that Markdown shows it as a plain paragraph. */
function markdownParagraph(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return MARKDOWN_BLOCK_START.test(flat) ? `\\${flat}` : flat;
}

/**
 * The corrected article as Markdown: `# headline`, then one paragraph per source paragraph (the
 * MT's one-sentence blocks joined back by the segmentation's paragraphs), sentences joined by a space.
 */
export function exportMarkdown(input: ExportInput): string {
  const blocks: string[] = [];
  const headline = input.sentences.filter((s) => s.kind === 'headline').map((s) => s.corrected);
  if (headline.length) blocks.push(`# ${headline.join(' ').replace(/\s+/g, ' ').trim()}`);
  const byIndex = new Map(input.sentences.map((s) => [s.index, s]));
  const paragraphs = input.segmentation.paragraphs.length
    ? input.segmentation.paragraphs.map((p) => p.sentences)
    : input.sentences.map((s) => [s.index]);
  for (const members of paragraphs) {
    const body = members
      .map((i) => byIndex.get(i))
      .filter((s): s is ExportSentence => s !== undefined && s.kind === 'body')
      .map((s) => s.corrected);
    if (body.length) blocks.push(markdownParagraph(body.join(' ')));
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

/** The JSON export's document shape. */
export interface ExportJson {
  article: ExportInput['article'];
  sentences: ExportSentence[];
}

/** The article and every sentence's MT, rendering, review state, patch and open findings, as JSON. */
export function exportJson(input: ExportInput): string {
  const doc: ExportJson = {
    article: input.article,
    sentences: input.sentences.map((s) => ({
      index: s.index,
      paragraph: s.paragraph,
      kind: s.kind,
      mt: s.mt,
      corrected: s.corrected,
      status: s.status,
      reviewer: s.reviewer,
      time: s.time,
      patch: s.patch,
      needsAttention: s.needsAttention,
      conflict: s.conflict,
      findings: s.findings,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * A unified diff from the corpus file to the corrected text, with `diff --git a/<path> b/<path>`
 * and `---`/`+++` headers so that both `git apply` and `patch -p1` accept it; empty when nothing changed.
 */
export function exportPatch(input: ExportInput): string {
  const bom = input.hadBom ? '\uFEFF' : '';
  const before = bom + input.mtText;
  const after = bom + correctedText(input);
  if (before === after) return '';
  const path = input.article.path;
  const body = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
  return `diff --git a/${path} b/${path}\n${body}`;
}

/** Builds the export in one of the four formats. */
export function buildExport(input: ExportInput, format: 'txt' | 'md' | 'json' | 'patch'): string {
  switch (format) {
    case 'txt': return exportText(input);
    case 'md': return exportMarkdown(input);
    case 'json': return exportJson(input);
    case 'patch': return exportPatch(input);
  }
}

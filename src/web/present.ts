/**
 * Shaping store views into what the pages and the JSON responses show: the same plain data for
 * the EJS templates and for the client script, so both render a sentence the same way.
 */
import { fingerprintFinding } from '../core/fingerprint.js';
import type { ArticleView, Dismissal, Revision, SentenceStatus, SentenceView } from '../store/types.js';
import { checkClass, highlightRuns, type TextRun } from './highlight.js';
import { revisionDiff, type WordChange } from './word-diff.js';

/** A stored ISO timestamp as the pages show it, to the minute: `2024-05-01 09:30 UTC` (templates call it `when`). */
export function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** A finding as the page shows it. */
export interface FindingModel {
  check: string;
  ruleId: string;
  cssClass: string;
  severity: string;
  category: string;
  message: string;
  note: string | null;
  match: string;
  /** Each suggestion with the range (in the sentence text) it replaces. */
  suggestions: { text: string; start: number; end: number }[];
  fingerprint: string;
}

/** A dismissal as the page shows it. */
export interface DismissalModel {
  id: number;
  ruleId: string;
  match: string;
  reason: string;
  reviewer: string;
  createdAt: string;
}

/** Everything the page and the JSON show about one sentence. */
export interface SentenceModel {
  index: number;
  /** 1-based number shown to people. */
  number: number;
  paragraph: number;
  kind: 'headline' | 'body';
  status: SentenceStatus;
  mtText: string;
  text: string;
  /** Id of the current revision: the base of the next save. */
  revisionId: number | null;
  reviewer: string | null;
  savedAt: string | null;
  needsAttention: boolean;
  conflict: boolean;
  runs: TextRun[];
  /** MT text → corrected rendering; empty when they are equal. */
  diff: WordChange[];
  findings: FindingModel[];
  dismissed: DismissalModel[];
}

/** A paragraph of sentence models. */
export interface ParagraphModel {
  index: number;
  kind: 'headline' | 'body';
  sentences: SentenceModel[];
}

/** Shapes one sentence for the page and for JSON. */
export function presentSentence(s: SentenceView): SentenceModel {
  return {
    index: s.index,
    number: s.index + 1,
    paragraph: s.paragraph,
    kind: s.kind,
    status: s.status,
    mtText: s.mtText,
    text: s.text,
    revisionId: s.current?.id ?? null,
    reviewer: s.current?.reviewer ?? null,
    savedAt: s.current?.createdAt ?? null,
    needsAttention: s.needsAttention,
    conflict: s.conflict,
    runs: highlightRuns(s.text, s.findings),
    // A sentence differs from its MT text only through its current revision (a conflict shows the MT text).
    diff: s.current && !s.conflict ? revisionDiff(s.mtText, s.current) : [],
    findings: s.findings.map((f) => ({
      check: f.check,
      ruleId: f.ruleId,
      cssClass: checkClass(f.check),
      severity: f.severity,
      category: f.category,
      message: f.message,
      note: f.note ?? null,
      match: f.match,
      suggestions: f.suggestions.map((text) => {
        const [start, end] = f.fix && f.fix.text === text ? f.fix.range : f.range;
        return { text, start, end };
      }),
      fingerprint: fingerprintFinding(f, s.text),
    })),
    dismissed: s.dismissed.map(presentDismissal),
  };
}

/** Shapes a dismissal for the page and for JSON. */
export function presentDismissal(d: Dismissal): DismissalModel {
  return { id: d.id, ruleId: d.ruleId, match: d.match, reason: d.reason, reviewer: d.reviewer, createdAt: d.createdAt };
}

/** A revision with its diff against the MT text, for the history page and conflict answers. */
export interface RevisionModel {
  id: number;
  status: Revision['status'];
  reviewer: string;
  createdAt: string;
  text: string;
  restoredFrom: number | null;
  diff: WordChange[];
}

/** Shapes a revision, diffed against the sentence's MT text. */
export function presentRevision(r: Revision, mtText: string): RevisionModel {
  return {
    id: r.id,
    status: r.status,
    reviewer: r.reviewer,
    createdAt: r.createdAt,
    text: r.text,
    restoredFrom: r.restoredFrom,
    diff: revisionDiff(mtText, r),
  };
}

/** Review progress of an article. */
export interface Progress {
  reviewed: number;
  total: number;
  openFindings: number;
}

/** Counts reviewed sentences and open findings of an article view. */
export function progressOf(article: ArticleView): Progress {
  let reviewed = 0;
  let openFindings = 0;
  for (const s of article.sentences) {
    if (s.status !== 'open') reviewed++;
    openFindings += s.findings.length;
  }
  return { reviewed, total: article.sentences.length, openFindings };
}

/** Which sentences the article page lists. */
export type SentenceFilter = 'all' | 'open-findings' | 'unreviewed';

/** Reads the `filter` query parameter; anything unknown shows all sentences. */
export function parseFilter(value: unknown): SentenceFilter {
  return value === 'open-findings' || value === 'unreviewed' ? value : 'all';
}

/** Whether a sentence passes the filter. */
export function keepSentence(s: SentenceView, filter: SentenceFilter): boolean {
  if (filter === 'open-findings') return s.findings.length > 0;
  if (filter === 'unreviewed') return s.status === 'open';
  return true;
}

/** Groups the article's sentences that pass the filter by paragraph, in order. */
export function paragraphsOf(article: ArticleView, filter: SentenceFilter): ParagraphModel[] {
  const out: ParagraphModel[] = [];
  for (const s of article.sentences) {
    if (!keepSentence(s, filter)) continue;
    let last = out[out.length - 1];
    if (!last || last.index !== s.paragraph) {
      last = { index: s.paragraph, kind: s.kind, sentences: [] };
      out.push(last);
    }
    last.sentences.push(presentSentence(s));
  }
  return out;
}

/**
 * A sentence with one finding (one suggestion, a note) and one dismissal, rendered inside a
 * `<template>` so the client script can clone finding and dismissal markup from the page itself.
 */
export const PROTOTYPE_SENTENCE: SentenceModel = {
  index: -1,
  number: 0,
  paragraph: 0,
  kind: 'body',
  status: 'open',
  mtText: '',
  text: '',
  revisionId: null,
  reviewer: null,
  savedAt: null,
  needsAttention: false,
  conflict: false,
  runs: [],
  diff: [],
  findings: [{ check: '', ruleId: '', cssClass: '', severity: 'info', category: '', message: '', note: 'note', match: '', suggestions: [{ text: '', start: 0, end: 0 }], fingerprint: '' }],
  dismissed: [{ id: 0, ruleId: '', match: '', reason: '', reviewer: '', createdAt: '' }],
};

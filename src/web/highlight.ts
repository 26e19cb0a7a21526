/**
 * Splitting a sentence into plain runs and marked runs, one per finding range, for the template
 * to render as text and `<mark>` elements.
 */
import type { Finding } from '../core/types.js';

/** A run of sentence text; `marks` lists the CSS classes of the findings covering it (none: plain). */
export interface TextRun {
  text: string;
  marks: string[];
  /** Messages of the findings covering the run, for the mark's title. */
  titles: string[];
}

/** The CSS class of a finding's mark, derived from its check id (`check-forbidden-term`). */
export function checkClass(checkId: string): string {
  return `check-${checkId.replace(/[^a-z0-9-]/gi, '-')}`;
}

/** Cuts `text` at every finding boundary; overlapping findings give runs with several marks. */
export function highlightRuns(text: string, findings: readonly Pick<Finding, 'check' | 'range' | 'message'>[]): TextRun[] {
  const cuts = new Set<number>([0, text.length]);
  const valid = findings.filter((f) => f.range[0] >= 0 && f.range[1] <= text.length && f.range[0] < f.range[1]);
  for (const f of valid) {
    cuts.add(f.range[0]);
    cuts.add(f.range[1]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = valid.filter((f) => f.range[0] <= start && f.range[1] >= end);
    const marks = [...new Set(covering.map((f) => checkClass(f.check)))];
    const titles = covering.map((f) => f.message);
    const last = runs[runs.length - 1];
    if (last && marks.length === 0 && last.marks.length === 0) last.text += text.slice(start, end);
    else runs.push({ text: text.slice(start, end), marks, titles });
  }
  return runs;
}

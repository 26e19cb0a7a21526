/**
 * `--fix`: applying the checks' mechanical fixes to a document, defensively.
 */
import type { CheckResult } from '../core/checker.js';

/** A fix in document offsets. */
interface DocumentFix {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies every fix of `result` that does not overlap an earlier one (by start offset) and returns
 * the new text and how many fixes were applied. Fixes are placed through their sentence, so a fix
 * range is relative to the sentence like the finding's.
 */
export function applyFixes(text: string, result: CheckResult): { text: string; applied: number } {
  const fixes: DocumentFix[] = [];
  for (const f of result.findings) {
    const s = result.segmentation.sentences[f.sentence];
    if (!f.fix || !s) continue;
    const start = s.start + f.fix.range[0];
    const end = s.start + f.fix.range[1];
    if (start < 0 || end < start || end > text.length) continue;
    fixes.push({ start, end, text: f.fix.text });
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  let applied = 0;
  for (const fix of fixes) {
    // Overlapping (or touching a zero-width insertion at the same place twice): keep the first.
    if (fix.start < at || (applied > 0 && fix.start === at && fix.start === fix.end)) continue;
    out += text.slice(at, fix.start) + fix.text;
    at = fix.end;
    applied++;
  }
  return { text: out + text.slice(at), applied };
}

/** Fixes repeatedly (a fix may reveal another) until nothing changes or `maxPasses` is reached. */
export function fixText(text: string, check: (text: string) => CheckResult, maxPasses = 10): { text: string; result: CheckResult; applied: number } {
  let current = text;
  let result = check(current);
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const next = applyFixes(current, result);
    if (next.applied === 0 || next.text === current) break;
    applied += next.applied;
    current = next.text;
    result = check(current);
  }
  return { text: current, result, applied };
}

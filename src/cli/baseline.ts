/**
 * The ignore (baseline) file: findings that are known and accepted, committed to the repository so
 * CI fails only on new ones. Keyed by file, rule id and fingerprint, so it survives edits elsewhere.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MtReviewError } from '../core/types.js';
import type { ReportedFinding } from './report.js';

/** The default ignore file, looked up in the working directory. */
export const DEFAULT_IGNORE_FILE = '.mt-review-ignore.json';

/** One accepted finding (or `count` identical ones in the same sentence). */
export interface BaselineEntry {
  /** Path relative to the ignore file's folder, forward slashes (`<stdin>` for standard input). */
  file: string;
  ruleId: string;
  fingerprint: string;
  /** The matched text, for people reading the file; not used for matching. */
  match: string;
  /** How many identical findings are accepted. */
  count: number;
}

/** The ignore file's contents. */
export interface Baseline {
  version: 1;
  suppressions: BaselineEntry[];
}

/** Findings of one file, keyed the way the baseline keys them. */
export interface BaselineFile {
  file: string;
  findings: ReportedFinding[];
}

/** Reads and validates an ignore file; a syntax or shape error names the file (and line:col for syntax). */
export async function loadBaseline(file: string, name: string): Promise<Baseline> {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const loc: { file: string; line?: number; column?: number } = { file: name };
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      loc.line = before.split('\n').length;
      loc.column = before.length - before.lastIndexOf('\n');
    }
    // V8's messages may quote a multi-line snippet: keep one line, and the position only as line:col.
    const oneLine = msg.replace(/\s+/g, ' ').replace(/ in JSON at position \d+.*$/, '').trim();
    throw new MtReviewError('input', `invalid JSON in ignore file: ${oneLine}`, loc);
  }
  const bad = (why: string): MtReviewError => new MtReviewError('input', `not an mt-review ignore file: ${why}`, { file: name });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bad('expected a JSON object');
  const obj = data as { version?: unknown; suppressions?: unknown };
  if (obj.version !== 1) throw bad('"version" must be 1');
  if (!Array.isArray(obj.suppressions)) throw bad('"suppressions" must be an array');
  const suppressions = obj.suppressions.map((e: unknown, i): BaselineEntry => {
    const s = e as Partial<BaselineEntry> | null;
    if (!s || typeof s.file !== 'string' || typeof s.ruleId !== 'string' || typeof s.fingerprint !== 'string') {
      throw bad(`suppressions[${i}] needs string "file", "ruleId" and "fingerprint"`);
    }
    const count = s.count === undefined ? 1 : s.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw bad(`suppressions[${i}].count must be a positive integer`);
    return { file: s.file, ruleId: s.ruleId, fingerprint: s.fingerprint, match: typeof s.match === 'string' ? s.match : '', count };
  });
  return { version: 1, suppressions };
}

/** The key under which a finding of `file` is looked up. */
function key(file: string, ruleId: string, fingerprint: string): string {
  return `${file}\u0000${ruleId}\u0000${fingerprint}`;
}

/**
 * A filter that removes the findings the baseline accepts, one file at a time, in the order the
 * files are reported (each entry suppresses up to `count` findings across the run). Returns the
 * remaining findings, in the same order, and how many it removed.
 */
export function createBaselineFilter(baseline: Baseline): (file: string, findings: readonly ReportedFinding[]) => { findings: ReportedFinding[]; suppressed: number } {
  const left = new Map<string, number>();
  for (const s of baseline.suppressions) {
    const k = key(s.file, s.ruleId, s.fingerprint);
    left.set(k, (left.get(k) ?? 0) + s.count);
  }
  return (file, findings) => {
    let suppressed = 0;
    const kept = findings.filter((finding) => {
      const k = key(file, finding.ruleId, finding.fingerprint);
      const n = left.get(k) ?? 0;
      if (n === 0) return true;
      left.set(k, n - 1);
      suppressed++;
      return false;
    });
    return { findings: kept, suppressed };
  };
}

/** Orders strings by UTF-16 code units, independent of locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds a baseline of every current finding of `files`, keeping the entries of `previous` for
 * files not checked in this run. Entries are sorted by file, rule id and fingerprint.
 */
export function buildBaseline(files: BaselineFile[], previous?: Baseline): Baseline {
  const checked = new Set(files.map((f) => f.file));
  const entries = new Map<string, BaselineEntry>();
  for (const s of previous?.suppressions ?? []) {
    if (checked.has(s.file)) continue;
    const k = key(s.file, s.ruleId, s.fingerprint);
    const had = entries.get(k);
    if (had) had.count += s.count;
    else entries.set(k, { ...s });
  }
  for (const f of files) {
    for (const finding of f.findings) {
      const k = key(f.file, finding.ruleId, finding.fingerprint);
      const had = entries.get(k);
      if (had) had.count++;
      else entries.set(k, { file: f.file, ruleId: finding.ruleId, fingerprint: finding.fingerprint, match: finding.match, count: 1 });
    }
  }
  const suppressions = [...entries.values()].sort(
    (a, b) => byCodeUnits(a.file, b.file) || byCodeUnits(a.ruleId, b.ruleId) || byCodeUnits(a.fingerprint, b.fingerprint),
  );
  return { version: 1, suppressions };
}

/** The baseline as written to disk: two-space JSON, fixed key order, final newline. */
export function serialiseBaseline(baseline: Baseline): string {
  const suppressions = baseline.suppressions.map((s) => ({ file: s.file, ruleId: s.ruleId, fingerprint: s.fingerprint, match: s.match, count: s.count }));
  return `${JSON.stringify({ version: 1, suppressions }, null, 2)}\n`;
}

/** Writes the baseline atomically (temporary file, then rename). */
export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(tmp, serialiseBaseline(baseline), 'utf8');
  await rename(tmp, file);
}

/** The key of a file in a baseline stored at `baselineFile`: relative to its folder, forward slashes. */
export function baselinePath(absPath: string, baselineFile: string): string {
  return path.relative(path.dirname(baselineFile), absPath).split(path.sep).join('/');
}

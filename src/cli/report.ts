/**
 * The CLI's per-file result: findings placed at 1-based lines and columns, with fingerprints, and
 * the one function that turns a file on disk into such a report (run in the main thread or a worker).
 */
import { hash as oneShotHash } from 'node:crypto';
import type { Checker, CheckResult } from '../core/checker.js';
import { decodeUtf8 } from '../core/decode.js';
import { fingerprintFinding } from '../core/fingerprint.js';
import { LineIndex } from '../core/position.js';
import type { Category, Severity } from '../core/types.js';
import type { SeverityCounts } from './formatters/index.js';
import { describeFileError, readInputFile, readInputFileSync } from './inputs.js';

/** A fix placed in its file: document offsets (UTF-16, half-open) and 1-based line/column. */
export interface ReportedFix {
  range: [number, number];
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One finding as every formatter sees it; the `json` format prints exactly these fields. */
export interface ReportedFinding {
  ruleId: string;
  check: string;
  category: Category;
  severity: Severity;
  /** 1-based line of the first character. */
  line: number;
  /** 1-based column of the first character, in UTF-16 code units. */
  column: number;
  endLine: number;
  /** 1-based column one past the last character (exclusive). */
  endColumn: number;
  match: string;
  message: string;
  suggestions: string[];
  /** Stable fingerprint (see `fingerprintFinding`), the key of baselines and SARIF partialFingerprints. */
  fingerprint: string;
  fix?: ReportedFix;
  note?: string;
  lang?: string;
}

/**
 * All findings of one checked file, in document order. A report answered from the result cache
 * also carries `counts` and `findingsJson`, so a run that only prints it never parses its
 * findings; whoever builds a report with other findings (baseline, `--quiet`) builds a new object.
 */
export interface FileReport {
  path: string;
  findings: ReportedFinding[];
  /** The findings counted by severity, when known without reading them. */
  counts?: SeverityCounts;
  /** The findings as the `json` format prints them (`findingsJson`), when already rendered. */
  findingsJson?: string;
}

/** Places a check result's findings at lines and columns; the line index is built once, and only if needed. */
export function toFileReport(path: string, text: string, result: CheckResult): FileReport {
  if (result.findings.length === 0) return { path, findings: [] };
  const lines = new LineIndex(text);
  const sentences = result.segmentation.sentences;
  const findings = result.findings.map((f): ReportedFinding => {
    const from = lines.at(f.start);
    const to = lines.at(f.end);
    const sentence = sentences[f.sentence];
    const out: ReportedFinding = {
      ruleId: f.ruleId,
      check: f.check,
      category: f.category,
      severity: f.severity,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      match: f.match,
      message: f.message,
      suggestions: f.suggestions,
      fingerprint: fingerprintFinding(f, sentence ? sentence.text : f.match),
    };
    if (f.fix && sentence) {
      const start = sentence.start + f.fix.range[0];
      const end = sentence.start + f.fix.range[1];
      const a = lines.at(start);
      const b = lines.at(end);
      out.fix = { range: [start, end], text: f.fix.text, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    }
    if (f.note !== undefined) out.note = f.note;
    if (f.lang !== undefined) out.lang = f.lang;
    return out;
  });
  return { path, findings };
}

/** The SHA-256 of a file's bytes, hex: the content half of a cache key. */
function hashContent(bytes: Uint8Array): string {
  return oneShotHash('sha256', bytes, 'hex');
}

/** One file to check, as sent to a worker. */
export interface FileTask {
  /** Position in the run's input list, so results come out in input order. */
  index: number;
  absPath: string;
  displayPath: string;
  /** Hash the content (only the cache needs it). */
  hash?: boolean;
}

/** What checking one file produced (`cached`: unchanged since the result cache recorded it, not checked). */
export type FileOutcome =
  | { index: number; kind: 'report'; report: FileReport; hash: string }
  | { index: number; kind: 'cached'; hash: string }
  | { index: number; kind: 'error'; message: string; stack?: string };

/** A file read from disk (or the error reading it), ready to be checked. */
export type LoadedFile = { task: FileTask; bytes: Uint8Array; hash: string } | { task: FileTask; error: FileOutcome };

/** Turns any failure into an `error` outcome naming the file. */
function errorOutcome(task: FileTask, err: unknown): FileOutcome {
  const outcome: FileOutcome = { index: task.index, kind: 'error', message: describeFileError(err, task.displayPath) };
  if (err instanceof Error && err.stack) outcome.stack = err.stack;
  return outcome;
}

/** Reads one file (size-limited) and hashes it when the task asks; never throws. */
export async function loadFileTask(task: FileTask, maxFileSize: number): Promise<LoadedFile> {
  try {
    const bytes = await readInputFile(task.absPath, task.displayPath, maxFileSize);
    return { task, bytes, hash: task.hash ? hashContent(bytes) : '' };
  } catch (err) {
    return { task, error: errorOutcome(task, err) };
  }
}

/**
 * `loadFileTask` on this thread without yielding: for a run of small files (answering unchanged
 * files from the cache), one synchronous read each costs a fraction of a promise-based read.
 */
export function loadFileTaskSync(task: FileTask, maxFileSize: number): LoadedFile {
  try {
    const bytes = readInputFileSync(task.absPath, task.displayPath, maxFileSize);
    return { task, bytes, hash: task.hash ? hashContent(bytes) : '' };
  } catch (err) {
    return { task, error: errorOutcome(task, err) };
  }
}

/** Decodes and checks a loaded file; never throws. */
export function checkLoadedFile(checker: Checker, loaded: LoadedFile): FileOutcome {
  if ('error' in loaded) return loaded.error;
  const { task, bytes, hash } = loaded;
  try {
    const { text } = decodeUtf8(bytes, task.displayPath);
    return { index: task.index, kind: 'report', report: toFileReport(task.displayPath, text, checker.check(text)), hash };
  } catch (err) {
    return errorOutcome(task, err);
  }
}

/** Reads, decodes and checks one file; never throws: problems come back as an `error` outcome. */
export async function checkFileTask(checker: Checker, maxFileSize: number, task: FileTask): Promise<FileOutcome> {
  return checkLoadedFile(checker, await loadFileTask(task, maxFileSize));
}

/**
 * Checks files in order on this thread: tasks are read here, keeping up to `readAhead` files being
 * read while one is checked, so the disk and the CPU work at the same time; files the caller
 * already loaded are checked as they are, never read again. Besides those, only `readAhead` files
 * are in memory.
 */
export async function checkSequentially(checker: Checker, maxFileSize: number, files: readonly (FileTask | LoadedFile)[], onOutcome: (o: FileOutcome) => void, readAhead = 4): Promise<void> {
  const reads: Promise<LoadedFile>[] = [];
  let next = 0;
  const fill = (): void => {
    while (next < files.length && reads.length < readAhead) {
      const file = files[next++]!;
      reads.push('task' in file ? Promise.resolve(file) : loadFileTask(file, maxFileSize));
    }
  };
  fill();
  while (reads.length > 0) {
    const loaded = await reads.shift()!;
    fill();
    onOutcome(checkLoadedFile(checker, loaded));
  }
}

/**
 * The result cache (`--cache`): per file, the content hash and the report it produced, valid for
 * one configuration key (tool version and build, the glossary files' bytes, check selection). A
 * file whose bytes still hash the same is not checked again.
 *
 * The key names the glossary by its source bytes, not by its parsed entries, so the cache can be
 * consulted before the glossary is loaded; the cache also records whether a run validated that
 * glossary, so a warm run that checks nothing can skip the glossary and still never hide a broken one.
 *
 * The file is text: a JSON header line, then per file a JSON line `[path, hash, errors, warnings,
 * infos, length]` followed by `length` UTF-16 code units of its findings exactly as the `json`
 * format prints them (`findingsJson`) and a newline. Reading it parses no finding; printing a
 * cached file as JSON splices that text.
 */
import { hash as oneShotHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { countSeverities, type SeverityCounts } from './formatters/index.js';
import { findingsJson } from './formatters/json.js';
import type { FileReport, ReportedFinding } from './report.js';

/** The default cache folder, relative to the working directory. */
export const DEFAULT_CACHE_LOCATION = '.cache/mt-review/';

/** Name of the cache file inside the cache folder. */
const CACHE_FILE = 'results.json';

/** Version of the cache file layout. */
const LAYOUT = 2;

interface CacheEntry {
  hash: string;
  counts: SeverityCounts;
  /** The findings as `findingsJson` renders them. */
  json: string;
}

interface CacheHeader {
  version: typeof LAYOUT;
  config: string;
  /** A run under this configuration loaded and validated the glossary its key names. */
  glossaryValidated: boolean;
}

/** Hashes everything besides a file's content that decides its findings into one cache key. */
export function cacheConfigKey(parts: unknown[]): string {
  return oneShotHash('sha256', JSON.stringify(parts), 'hex');
}

/** Parses the cache file's text; undefined when it is not a cache of this layout and configuration. */
function parseCache(text: string, config: string): { header: CacheHeader; entries: Map<string, CacheEntry> } | undefined {
  let nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const header = JSON.parse(text.slice(0, nl)) as CacheHeader;
  if (header?.version !== LAYOUT || header.config !== config) return undefined;
  const entries = new Map<string, CacheEntry>();
  let pos = nl + 1;
  while (pos < text.length) {
    nl = text.indexOf('\n', pos);
    if (nl < 0) return undefined;
    const head = JSON.parse(text.slice(pos, nl)) as unknown;
    if (!Array.isArray(head) || head.length !== 6 || typeof head[0] !== 'string' || typeof head[1] !== 'string' || !head.slice(2).every((n) => Number.isInteger(n) && n >= 0)) return undefined;
    const [file, hash, errors, warnings, infos, length] = head as [string, string, number, number, number, number];
    const end = nl + 1 + length;
    if (text.charCodeAt(end) !== 10) return undefined;
    entries.set(file, { hash, counts: { errors, warnings, infos }, json: text.slice(nl + 1, end) });
    pos = end + 1;
  }
  return { header, entries };
}

/** A report read from the cache: its findings are parsed only if something reads them. */
function cachedReport(displayPath: string, entry: CacheEntry): FileReport {
  let findings: ReportedFinding[] | undefined;
  return {
    path: displayPath,
    counts: entry.counts,
    findingsJson: entry.json,
    get findings(): ReportedFinding[] {
      return (findings ??= JSON.parse(entry.json) as ReportedFinding[]);
    },
  };
}

/** A cache loaded for one configuration; entries made under another configuration are dropped. */
export class ResultCache {
  private constructor(
    private readonly file: string,
    private readonly config: string,
    private readonly entries: Map<string, CacheEntry>,
    private validated: boolean,
    /** Whether the entries differ from the file (a new or invalidated cache always does). */
    private dirty: boolean,
  ) {}

  /** Opens the cache in `folder`; a missing, unreadable or corrupt cache file is an empty cache. */
  static async open(folder: string, config: string): Promise<ResultCache> {
    const file = path.join(folder, CACHE_FILE);
    let parsed: ReturnType<typeof parseCache>;
    try {
      // One synchronous read: the promise-based one reads a large file in many small round trips.
      parsed = parseCache(readFileSync(file, 'utf8'), config);
    } catch {
      // No usable cache: every file is checked and the cache is rewritten.
    }
    if (!parsed) return new ResultCache(file, config, new Map(), false, true);
    return new ResultCache(file, config, parsed.entries, parsed.header.glossaryValidated === true, false);
  }

  /**
   * Whether a run under this configuration loaded and validated the glossary (these exact files,
   * with this exact build), so a run that checks no file need not load it to know it is sound.
   */
  get glossaryValidated(): boolean {
    return this.validated;
  }

  /** Records that this run loaded and validated the glossary. */
  markGlossaryValidated(): void {
    if (this.validated) return;
    this.validated = true;
    this.dirty = true;
  }

  /** The content hash last recorded for `absPath`, if any. */
  knownHash(absPath: string): string | undefined {
    return this.entries.get(absPath)?.hash;
  }

  /** The cached report for `absPath` when its content still hashes to `hash`, shown under `displayPath`. */
  get(absPath: string, hash: string, displayPath: string): FileReport | undefined {
    const e = this.entries.get(absPath);
    if (!e || e.hash !== hash) return undefined;
    return cachedReport(displayPath, e);
  }

  /**
   * Records the report for `absPath` at content `hash`, and gives `report` its `counts` and
   * `findingsJson` (rendered once, for the cache and the `json` output alike).
   */
  set(absPath: string, hash: string, report: FileReport): void {
    const json = (report.findingsJson ??= findingsJson(report.findings));
    const counts = (report.counts ??= countSeverities(report.findings));
    this.entries.set(absPath, { hash, counts, json });
    this.dirty = true;
  }

  /** Forgets `absPath` (it could not be read). */
  delete(absPath: string): void {
    if (this.entries.delete(absPath)) this.dirty = true;
  }

  /** Writes the cache atomically, creating its folder; an unchanged cache is not rewritten. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const header: CacheHeader = { version: LAYOUT, config: this.config, glossaryValidated: this.validated };
    const parts = [`${JSON.stringify(header)}\n`];
    for (const [file, e] of this.entries) {
      parts.push(`${JSON.stringify([file, e.hash, e.counts.errors, e.counts.warnings, e.counts.infos, e.json.length])}\n`, e.json, '\n');
    }
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, parts.join(''), 'utf8');
    await rename(tmp, this.file);
    this.dirty = false;
  }
}

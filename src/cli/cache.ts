/**
 * The result cache (`--cache`): per file, the content hash and the report it produced, valid for
 * one configuration key (tool version, glossary hash, check selection). A file whose bytes still
 * hash the same is not checked again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileReport } from './report.js';

/** The default cache folder, relative to the working directory. */
export const DEFAULT_CACHE_LOCATION = '.cache/mt-review/';

/** Name of the cache file inside the cache folder. */
const CACHE_FILE = 'results.json';

interface CacheEntry {
  hash: string;
  report: FileReport;
}

interface CacheData {
  version: 1;
  config: string;
  entries: Record<string, CacheEntry>;
}

/** Hashes everything besides a file's content that decides its findings into one cache key. */
export function cacheConfigKey(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A cache loaded for one configuration; entries made under another configuration are dropped. */
export class ResultCache {
  private constructor(
    private readonly file: string,
    private readonly config: string,
    private readonly entries: Map<string, CacheEntry>,
    /** Whether the entries differ from the file (a new or invalidated cache always does). */
    private dirty: boolean,
  ) {}

  /** Opens the cache in `folder`; a missing, unreadable or corrupt cache file is an empty cache. */
  static async open(folder: string, config: string): Promise<ResultCache> {
    const file = path.join(folder, CACHE_FILE);
    const entries = new Map<string, CacheEntry>();
    let usable = false;
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as CacheData;
      if (data.version === 1 && data.config === config && data.entries && typeof data.entries === 'object') {
        for (const [k, v] of Object.entries(data.entries)) {
          if (v && typeof v.hash === 'string' && v.report && Array.isArray(v.report.findings)) entries.set(k, v);
        }
        usable = true;
      }
    } catch {
      // No usable cache: every file is checked and the cache is rewritten.
    }
    return new ResultCache(file, config, entries, !usable);
  }

  /** The content hash last recorded for `absPath`, if any. */
  knownHash(absPath: string): string | undefined {
    return this.entries.get(absPath)?.hash;
  }

  /** The cached report for `absPath` when its content still hashes to `hash`, shown under `displayPath`. */
  get(absPath: string, hash: string, displayPath: string): FileReport | undefined {
    const e = this.entries.get(absPath);
    if (!e || e.hash !== hash) return undefined;
    return { path: displayPath, findings: e.report.findings };
  }

  /** Records the report for `absPath` at content `hash`. */
  set(absPath: string, hash: string, report: FileReport): void {
    this.entries.set(absPath, { hash, report });
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
    const data: CacheData = { version: 1, config: this.config, entries: Object.fromEntries(this.entries) };
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(data), 'utf8');
    await rename(tmp, this.file);
    this.dirty = false;
  }
}

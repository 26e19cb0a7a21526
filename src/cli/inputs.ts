/**
 * What `mt-review check` reads: paths, directories (walked), globs and `-` (stdin), resolved to
 * a list of files, and the size-limited reading of each.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { MtReviewError } from '../core/types.js';

/** The display name of standard input in reports and baselines. */
export const STDIN_NAME = '<stdin>';

/** One input: a file on disk, or standard input (`absPath` null). */
export interface InputFile {
  absPath: string | null;
  /** Path relative to the working directory with forward slashes, or `<stdin>`. */
  displayPath: string;
}

/** An argument that could not be resolved, with the one-line reason. */
export interface InputError {
  path: string;
  message: string;
}

/** The files to check, in argument order, and the arguments that named nothing. */
export interface ResolvedInputs {
  files: InputFile[];
  errors: InputError[];
}

/** How to resolve arguments. */
export interface ResolveOptions {
  cwd: string;
  /** Extensions (without dot) to collect when walking a directory. */
  extensions: string[];
}

/** Shows `abs` relative to `cwd` with forward slashes, as reports and SARIF want it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/**
 * Resolves paths, directories and globs to files: an existing file is taken as is (whatever its
 * extension); a directory is walked for the given extensions (skipping dot-directories and
 * `node_modules`); anything else is tried as a glob. A missing path or a glob matching nothing is
 * an error for that argument; the others are still resolved. Duplicates are dropped.
 */
export async function resolveInputs(args: string[], options: ResolveOptions): Promise<ResolvedInputs> {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (abs: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push({ absPath: abs, displayPath: displayPath(abs, options.cwd) });
  };
  const exts = options.extensions.map((e) => e.replace(/^\./, '')).filter((e) => e !== '');
  const dirPattern = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
  // Loaded only when a glob or a pattern-like extension needs it.
  let tinyglobby: typeof import('tinyglobby') | undefined;
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has(STDIN_NAME)) {
        seen.add(STDIN_NAME);
        files.push({ absPath: null, displayPath: STDIN_NAME });
      }
      continue;
    }
    const abs = path.resolve(options.cwd, arg);
    let kind: 'file' | 'dir' | 'missing';
    try {
      const st = await stat(abs);
      kind = st.isDirectory() ? 'dir' : 'file';
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        errors.push({ path: arg, message: ioMessage(code) });
        continue;
      }
      kind = 'missing';
    }
    if (kind === 'file') {
      add(abs);
    } else if (kind === 'dir') {
      const found = exts.some((e) => GLOB_SPECIAL.test(e))
        ? await (tinyglobby ??= await import('tinyglobby')).glob([dirPattern], { cwd: abs, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false })
        : walkDirectory(abs, exts);
      for (const f of found.map((f) => path.resolve(f)).sort(compareCodeUnits)) add(f);
    } else if ((tinyglobby ??= await import('tinyglobby')).isDynamicPattern(arg)) {
      const found = await tinyglobby.glob([arg], { cwd: options.cwd, absolute: true, onlyFiles: true, dot: false, expandDirectories: false });
      if (found.length === 0) errors.push({ path: arg, message: 'no files match this pattern' });
      for (const f of found.map((f) => path.resolve(f)).sort(compareCodeUnits)) add(f);
    } else {
      errors.push({ path: arg, message: 'no such file or directory' });
    }
  }
  return { files, errors };
}

/** Characters that make an extension a pattern rather than a literal suffix. */
const GLOB_SPECIAL = /[*?[\]{}()!+@,\\]/;

/**
 * The files under `dir` whose names end in `.ext` for one of `exts` (literal extensions), as a
 * recursive glob for `*.{exts}` with dot files and `node_modules` excluded finds them: entries whose
 * name starts with a dot and folders named `node_modules` are skipped, symbolic links are followed
 * (each real folder walked once). A plain walk, so checking a folder never loads the glob matcher.
 */
export function walkDirectory(dir: string, exts: readonly string[]): string[] {
  const suffixes = exts.map((e) => `.${e}`);
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (folder: string): void => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(folder, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (e.name !== 'node_modules') visit(full);
      } else if (isFile && suffixes.some((s) => e.name.endsWith(s))) {
        found.push(full);
      }
    }
  };
  visit(dir);
  return found;
}

/** Orders strings by UTF-16 code units, the same on every machine and locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads a whole file after checking its size, so an oversized file is refused without being read.
 * Throws an `MtReviewError` (kind `input`) naming `name` when it is too big.
 */
export async function readInputFile(abs: string, name: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(abs, 'r');
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new MtReviewError('input', 'is a directory', { file: name });
    if (st.size > maxBytes) throw tooBig(name, st.size, maxBytes);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** `readInputFile`, synchronously: the same size check and errors. */
export function readInputFileSync(abs: string, name: string, maxBytes: number): Uint8Array {
  const fd = openSync(abs, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new MtReviewError('input', 'is a directory', { file: name });
    if (st.size > maxBytes) throw tooBig(name, st.size, maxBytes);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads standard input to the end, refusing more than `maxBytes` without buffering the excess. */
export async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += buf.length;
    if (size > maxBytes) throw tooBig(STDIN_NAME, size, maxBytes, true);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function tooBig(name: string, size: number, max: number, atLeast = false): MtReviewError {
  const what = atLeast ? 'input is' : `file is ${formatSize(size)},`;
  return new MtReviewError('input', `${what} larger than --max-file-size ${formatSize(max)}`, { file: name });
}

/** Parses a size such as `50MB`, `512k`, `1.5G` or `1000` (bytes); units are powers of 1024. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?b)?\s*$/i.exec(text);
  if (!m) throw new MtReviewError('usage', `invalid size "${text}"; use e.g. 50MB, 512KB or 1000`);
  const unit = m[2]!.toLowerCase();
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/** Shows a byte count the way `parseSize` reads it back. */
export function formatSize(bytes: number): string {
  for (const [unit, factor] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return `${bytes} bytes`;
}

/** The one line a user sees for a failure to read or decode a file: `path: message`. */
export function describeFileError(err: unknown, name: string): string {
  if (err instanceof MtReviewError) return err.location ? err.toString() : `${name}: ${err.message}`;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code) return `${name}: ${ioMessage(code)}`;
  return `${name}: ${err instanceof Error ? err.message : String(err)}`;
}

/** Plain words for the file-system errors users meet. */
function ioMessage(code: string | undefined): string {
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    case 'EMFILE': return 'too many open files';
    default: return code ?? 'cannot read';
  }
}

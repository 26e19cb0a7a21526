/**
 * Corrections as patches: a reviewer's rendering of a sentence is stored as a unified patch
 * (jsdiff `createPatch`) against the exact MT sentence it was made on, and every reapplication is
 * checked.
 *
 * Why tokens, not lines: a sentence is one line, so a line patch would replace the whole sentence
 * and could never be reapplied once the MT engine changes a single word elsewhere in it. The patch
 * is therefore computed over the sentence split into tokens (a run of letters/digits, a run of
 * white space, or one other character), one token per patch line. A correction of "White" then
 * still applies (fuzz 0) to a re-run MT sentence whose other words changed, as long as the words
 * around the correction are the same. Newlines and backslashes inside tokens are escaped (`\n`,
 * `\r`, `\\`) so that a token is always exactly one patch line.
 */
import { applyPatch, createPatch, FILE_HEADERS_ONLY, parsePatch } from 'diff';
import { minEditTokens } from './edit-bound.js';

/** The pseudo file name used in sentence patches' `---`/`+++` headers. */
export const SENTENCE_PATCH_NAME = 'sentence';

/** How every sentence patch begins; anything else is not one of ours and is refused. */
const PATCH_HEADER = `--- ${SENTENCE_PATCH_NAME}\n+++ ${SENTENCE_PATCH_NAME}\n`;

/** Lines of unchanged tokens kept around each change (3 tokens ≈ one word and its spaces on each side). */
const CONTEXT_TOKENS = 3;

const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+|[^]/gu;

/** Splits a sentence into the tokens its patches are made of; joining them gives the sentence back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const NEEDS_ESCAPE = /[\\\n\r]/;

/** Escapes a token so that it fits on one patch line. */
function escapeToken(token: string): string {
  if (!NEEDS_ESCAPE.test(token)) return token;
  return token.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Reverses `escapeToken`; undefined when the line is not a valid escaped token. */
function unescapeToken(line: string): string | undefined {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = line[++i];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === 'r') out += '\r';
    else return undefined;
  }
  return out;
}

/** The token-per-line form of a sentence (or of its tokens) that patches are computed on. */
function encode(text: string | readonly string[]): string {
  return (typeof text === 'string' ? tokenize(text) : text).map((t) => `${escapeToken(t)}\n`).join('');
}

/** Reverses `encode`; undefined when the text is not a valid encoding. */
function decode(encoded: string): string | undefined {
  if (encoded === '') return '';
  if (!encoded.endsWith('\n')) return undefined;
  let out = '';
  for (const line of encoded.slice(0, -1).split('\n')) {
    const token = unescapeToken(line);
    if (token === undefined) return undefined;
    out += token;
  }
  return out;
}

/**
 * Tokens inserted plus removed beyond which a patch replaces the whole sentence instead of
 * finding the smallest edit: Myers' diff costs about the square of the edit, and a sentence
 * rewritten end to end has no smaller edit worth finding.
 */
export const MAX_EDIT_TOKENS = 60;

/** Makes the unified patch that turns the MT sentence `mt` into the reviewer's rendering `corrected`. */
export function makePatch(mt: string, corrected: string): string {
  const mtTokens = tokenize(mt);
  const correctedTokens = tokenize(corrected);
  const before = encode(mtTokens);
  const after = encode(correctedTokens);
  // A rewrite is recognised in linear time (jsdiff would give up at the same point, only later).
  if (minEditTokens(mtTokens, correctedTokens) > MAX_EDIT_TOKENS) return replacementPatch(before, after);
  const minimal = createPatch(SENTENCE_PATCH_NAME, before, after, undefined, undefined, {
    context: CONTEXT_TOKENS,
    headerOptions: FILE_HEADERS_ONLY,
    maxEditLength: MAX_EDIT_TOKENS,
  });
  return minimal ?? replacementPatch(before, after);
}

/** A patch of one hunk removing every token of `before` and adding every token of `after` (both encoded). */
function replacementPatch(before: string, after: string): string {
  const lines = (encoded: string): string[] => (encoded === '' ? [] : encoded.slice(0, -1).split('\n'));
  const removed = lines(before);
  const added = lines(after);
  const range = (n: number): string => `${n === 0 ? 0 : 1},${n}`;
  return `${PATCH_HEADER}@@ -${range(removed.length)} +${range(added.length)} @@\n${removed.map((l) => `-${l}\n`).join('')}${added.map((l) => `+${l}\n`).join('')}`;
}

/** The outcome of reapplying a stored patch: the corrected text, or a refusal (a conflict). */
export type ApplyResult = { ok: true; text: string } | { ok: false };

/**
 * Applies a patch made by `makePatch` to an MT sentence, exactly (fuzz 0); a patch that does not
 * fit, or is malformed, gives `{ ok: false }` and never throws.
 */
export function applyCorrection(mt: string, patch: string): ApplyResult {
  if (!patch.startsWith(PATCH_HEADER)) return { ok: false };
  let applied: string | false;
  try {
    applied = applyPatch(encode(mt), patch, { fuzzFactor: 0, autoConvertLineEndings: false });
  } catch {
    return { ok: false };
  }
  if (applied === false) return { ok: false };
  const text = decode(applied);
  return text === undefined ? { ok: false } : { ok: true, text };
}

/** One run of what a patch changes: text kept, removed from the MT sentence, or added. */
export interface PatchRun {
  value: string;
  added: boolean;
  removed: boolean;
}

/** Appends text to a list of runs, joining it to the last run when that is of the same kind; empty text adds nothing. */
export function appendRun(runs: PatchRun[], value: string, added: boolean, removed: boolean): void {
  if (value === '') return;
  const last = runs[runs.length - 1];
  if (last && last.added === added && last.removed === removed) last.value += value;
  else runs.push({ value, added, removed });
}

/**
 * What a patch made by `makePatch` changes in the MT sentence `mt`, read from the patch itself
 * (no diff is computed): runs of kept, removed and added text, adjacent runs of a kind merged.
 * Undefined when the patch does not fit `mt` exactly where it says (it was made on another MT
 * sentence) or is not one of ours.
 */
export function patchRuns(mt: string, patch: string): PatchRun[] | undefined {
  if (!patch.startsWith(PATCH_HEADER)) return undefined;
  let hunks;
  try {
    const files = parsePatch(patch);
    if (files.length !== 1) return undefined;
    hunks = files[0]!.hunks;
  } catch {
    return undefined;
  }
  const tokens = tokenize(mt);
  const runs: PatchRun[] = [];
  const push = (value: string, added: boolean, removed: boolean): void => appendRun(runs, value, added, removed);
  let at = 0;
  for (const hunk of hunks) {
    // parsePatch reports every hunk's old start 1-based, even an insertion's.
    const start = hunk.oldStart - 1;
    if (start < at || start > tokens.length) return undefined;
    push(tokens.slice(at, start).join(''), false, false);
    at = start;
    for (const line of hunk.lines) {
      const op = line[0];
      const token = unescapeToken(line.slice(1));
      if (token === undefined) return undefined;
      if (op === '+') {
        push(token, true, false);
        continue;
      }
      if ((op !== ' ' && op !== '-') || tokens[at] !== token) return undefined;
      push(token, false, op === '-');
      at++;
    }
  }
  push(tokens.slice(at).join(''), false, false);
  return runs;
}

/** True when the patch changes nothing (an approval of the MT text as it is). */
export function isEmptyPatch(patch: string): boolean {
  return !/^@@ /m.test(patch);
}

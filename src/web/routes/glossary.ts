/**
 * The glossary page: the glossary in force (its files and its version history) for everyone, and
 * for admins an editor that saves a new version. A new version is validated exactly as a glossary
 * file is (`buildGlossary`: YAML, fields, examples) before anything is recorded; an edit based on a
 * version that is no longer in force is refused (409) and shows both. Every file in force can be
 * downloaded, so a team can commit an edit made here and keep CI in step.
 */
import type { Request, Response } from 'express';
import { structuredPatch } from 'diff';
import { MtReviewError } from '../../core/types.js';
import { glossaryFormat } from '../../glossary/format.js';
import {
  buildGlossaryFromFiles,
  getGlossaryVersion,
  GlossaryConflictError,
  isGlossaryFileName,
  latestGlossaryVersion,
  listGlossaryVersions,
  recordGlossaryVersion,
  type GlossaryFile,
  type GlossaryVersion,
} from '../../store/glossary-versions.js';
import { dbOf, storeOf, wantsJson } from '../context.js';
import { actorOf, takeGivenName } from '../reviewer.js';
import { BadRequest, NotFound } from './errors.js';

/** Most files one glossary version may have. */
const MAX_GLOSSARY_FILES = 50;
/** Longest version comment, in characters. */
const MAX_COMMENT_LENGTH = 300;
/** Versions listed in the history. */
const HISTORY_LIMIT = 200;

/** One line of a file diff, for the template. */
interface DiffLine {
  kind: 'context' | 'added' | 'removed';
  text: string;
}

/** How one file differs between the version in force (theirs) and the refused edit (yours). */
interface FileDiff {
  name: string;
  /** `changed`, or only in yours (`added`) or only in theirs (`removed`). */
  status: 'changed' | 'added' | 'removed';
  hunks: { header: string; lines: DiffLine[] }[];
}

/** Line diffs from `theirs` to `yours`, for the files that differ (change objects; the template renders them). */
function glossaryDiff(theirs: readonly GlossaryFile[], yours: readonly GlossaryFile[]): FileDiff[] {
  const names = [...new Set([...theirs.map((f) => f.name), ...yours.map((f) => f.name)])].sort();
  const out: FileDiff[] = [];
  for (const name of names) {
    const a = theirs.find((f) => f.name === name);
    const b = yours.find((f) => f.name === name);
    if (a && b && a.text === b.text) continue;
    const patch = structuredPatch(name, name, a?.text ?? '', b?.text ?? '', '', '', { context: 2 });
    out.push({
      name,
      status: !a ? 'added' : !b ? 'removed' : 'changed',
      hunks: patch.hunks.map((h) => ({
        header: `Lines ${h.oldStart}–${h.oldStart + Math.max(h.oldLines - 1, 0)} of theirs, ${h.newStart}–${h.newStart + Math.max(h.newLines - 1, 0)} of yours`,
        lines: h.lines
          .filter((l) => !l.startsWith('\\'))
          .map((l) => ({ kind: l[0] === '+' ? 'added' : l[0] === '-' ? 'removed' : 'context', text: l.slice(1) })),
      })),
    });
  }
  return out;
}

/** What the editor shows: the files, the version they are based on, the comment. */
interface GlossaryForm {
  files: GlossaryFile[];
  /** The version in force when the page was made (the `base` hidden field). */
  baseVersionId: number | null;
  comment: string;
  /** The version the texts come from, when it is an older one (a restore). */
  from: GlossaryVersion | null;
}

/** What a refused stale edit shows. */
interface GlossaryConflict {
  theirs: GlossaryVersion | undefined;
  diffs: FileDiff[];
}

/** Renders the glossary page around the version in force (as the handler read it). */
function renderGlossary(
  req: Request,
  res: Response,
  inForce: GlossaryVersion | undefined,
  state: { form: GlossaryForm | null; error?: string | null; notice?: string | null; conflict?: GlossaryConflict | null },
  status = 200,
): void {
  res.status(status).render('glossary', {
    title: 'Glossary',
    glossary: inForce ?? null,
    maxCommentLength: MAX_COMMENT_LENGTH,
    versions: listGlossaryVersions(dbOf(req), HISTORY_LIMIT),
    form: state.form,
    error: state.error ?? null,
    notice: state.notice ?? null,
    conflict: state.conflict ?? null,
  });
}

/** A version id from a query or form value, or undefined when absent; a 400 when malformed. */
function parseVersionId(value: unknown, what: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new BadRequest(`${what} is not a version number.`);
  return n;
}

/** GET `/glossary`: the glossary in force, its history, and (for admins) the editor; `?version=N` starts from an older version. */
export function showGlossary(req: Request, res: Response): void {
  const db = dbOf(req);
  const inForce = latestGlossaryVersion(db);
  const requested = parseVersionId(req.query.version, 'The “version” in the address');
  const from = requested !== undefined ? getGlossaryVersion(db, requested) : inForce;
  if (requested !== undefined && !from) throw new NotFound(`There is no glossary version ${requested}.`);
  let notice: string | null = null;
  const saved = parseVersionId(req.query.saved, 'The “saved” value in the address');
  if (saved !== undefined) {
    const v = getGlossaryVersion(db, saved);
    if (v) notice = `Saved version ${v.id} (${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}). It is in force now: articles are checked with it when they are next opened.`;
  }
  if (req.query.unchanged === '1') notice = 'Nothing changed, so no new version was saved.';
  if (wantsJson(req)) {
    res.json({ inForce: inForce ?? null, versions: listGlossaryVersions(db, HISTORY_LIMIT) });
    return;
  }
  const form = from
    ? { files: from.files, baseVersionId: inForce?.id ?? null, comment: '', from: from.id !== inForce?.id ? from : null }
    : null;
  renderGlossary(req, res, inForce, { form, notice });
}

/** A form field that may be repeated (one value per file), as a list of strings. */
function listField(value: unknown): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string')) throw new BadRequest('The glossary form is malformed. Reload the page and try again.');
  return list as string[];
}

/** The files of a posted glossary form (`name` and `text`, once per file, in order). */
function postedFiles(body: Record<string, unknown>): GlossaryFile[] {
  const names = listField(body.name);
  const texts = listField(body.text);
  if (names.length === 0 || names.length !== texts.length) throw new BadRequest('The glossary form has no files, or a file without its name. Reload the page and try again.');
  if (names.length > MAX_GLOSSARY_FILES) throw new BadRequest(`A glossary may have at most ${MAX_GLOSSARY_FILES} files.`);
  const files = names.map((name, i) => ({ name: name.trim(), text: texts[i]!.replace(/\r\n?/g, '\n') }));
  for (const f of files) {
    if (!isGlossaryFileName(f.name)) throw new BadRequest(`“${f.name.slice(0, 100)}” is not a glossary file name: use letters, digits, “.”, “_” or “-”, ending in .yaml, .yml or .tsv.`);
  }
  if (new Set(files.map((f) => f.name)).size !== files.length) throw new BadRequest('Two glossary files in the form have the same name.');
  return files;
}

/** True when two sets of files have the same names and texts. */
function sameFiles(a: readonly GlossaryFile[], b: readonly GlossaryFile[]): boolean {
  const sort = (l: readonly GlossaryFile[]) => [...l].sort((x, y) => (x.name < y.name ? -1 : 1));
  const [x, y] = [sort(a), sort(b)];
  return x.length === y.length && x.every((f, i) => f.name === y[i]!.name && f.text === y[i]!.text);
}

/** POST `/glossary`: validates the edited files and records them as the new version in force. */
export function saveGlossary(req: Request, res: Response): void {
  const db = dbOf(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const files = postedFiles(body);
  const base = parseVersionId(body.base, 'The form’s base version') ?? null;
  const comment = typeof body.comment === 'string' ? body.comment.trim().replace(/\s+/g, ' ') : '';
  const form: GlossaryForm = { files, baseVersionId: base, comment, from: null };
  const inForce = latestGlossaryVersion(db);
  const refuse = (status: number, message: string, conflict: GlossaryConflict | null = null): void => {
    if (wantsJson(req)) {
      res.status(status).json({ error: message, ...(conflict ? { current: conflict.theirs ?? null, diffs: conflict.diffs } : {}) });
      return;
    }
    // A conflict's "theirs" is the version in force now (a save may have landed since inForce was read).
    const shown = conflict ? conflict.theirs : inForce;
    renderGlossary(req, res, shown, { form: conflict ? { ...form, baseVersionId: conflict.theirs?.id ?? null } : form, error: message, conflict }, status);
  };
  if (comment.length > MAX_COMMENT_LENGTH) return refuse(400, `The comment is longer than ${MAX_COMMENT_LENGTH} characters.`);

  // Without accounts the name is asked for in the editor's own form, so a refusal keeps the text.
  takeGivenName(req, res);
  const actor = actorOf(res);
  if (!actor) return refuse(400, 'Enter your name before saving: every glossary change records who made it.');

  const conflictWith = (theirs: GlossaryVersion | undefined): void => refuse(
    409,
    'Someone else saved the glossary since you opened it. Nothing was overwritten: the editor keeps your text; compare it with theirs below, merge, and save again.',
    { theirs, diffs: glossaryDiff(theirs?.files ?? [], files) },
  );
  if ((inForce?.id ?? null) !== base) return conflictWith(inForce);
  if (inForce && sameFiles(inForce.files, files)) {
    if (wantsJson(req)) return void res.json({ version: inForce, unchanged: true });
    return res.redirect(303, '/glossary?unchanged=1');
  }

  let glossary;
  try {
    glossary = buildGlossaryFromFiles(files);
  } catch (err) {
    if (err instanceof MtReviewError) return refuse(400, `Not saved: ${err.toString()}`);
    throw err;
  }
  let version: GlossaryVersion;
  try {
    version = recordGlossaryVersion(db, {
      origin: 'app',
      files,
      // An edit keeps the file hash its line of versions started from: while the files on disk keep
      // that hash, a restart leaves this edit in force.
      fileHash: inForce?.fileHash ?? null,
      entries: glossary.entries.length,
      createdBy: actor,
      comment: comment || null,
      baseVersionId: base,
    });
  } catch (err) {
    if (err instanceof GlossaryConflictError) return conflictWith(err.current);
    throw err;
  }
  storeOf(req).setGlossary(glossary);
  if (wantsJson(req)) return void res.status(201).json({ version });
  res.redirect(303, `/glossary?saved=${version.id}`);
}

/** GET `/glossary/files/:name`: one file of the version in force (or `?version=N`) as a download. */
export function downloadGlossaryFile(req: Request, res: Response): void {
  const name = String(req.params.name);
  if (!isGlossaryFileName(name)) throw new NotFound('That is not a glossary file name.');
  const db = dbOf(req);
  const requested = parseVersionId(req.query.version, 'The “version” in the address');
  const version = requested !== undefined ? getGlossaryVersion(db, requested) : latestGlossaryVersion(db);
  const file = version?.files.find((f) => f.name === name);
  if (!version || !file) throw new NotFound(`The glossary${requested !== undefined ? ` version ${requested}` : ''} has no file “${name}”.`);
  res.attachment(name);
  res.type(glossaryFormat(name) === 'tsv' ? 'text/tab-separated-values; charset=utf-8' : 'application/yaml; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.send(file.text);
}

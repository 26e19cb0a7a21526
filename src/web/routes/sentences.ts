/**
 * Per-sentence actions: save a correction, approve, apply a suggestion, dismiss and undismiss a
 * finding, the revision history and restoring an earlier revision. Every action answers a page
 * (303 back to the sentence) or JSON (the re-checked sentence), and a stale base gets a 409.
 */
import type { NextFunction, Request, Response } from 'express';
import { fingerprintFinding } from '../../core/fingerprint.js';
import type { Finding } from '../../core/types.js';
import { ConflictError, type ArticleSummary, type SentenceView } from '../../store/types.js';
import { storeOf, wantsJson } from '../context.js';
import { actorOf, requiredActor, safeReturnPath, takeGivenName } from '../reviewer.js';
import { presentRevision, presentSentence } from '../present.js';
import { wordDiff } from '../word-diff.js';
import { BadRequest, NotFound } from './errors.js';

/** Longest corrected rendering accepted for one sentence, in characters. */
export const MAX_SENTENCE_LENGTH = 10_000;

/** `load` middleware: turns `:n` into `res.locals.sentence`, or a 404. */
export function loadSentence(req: Request, res: Response, next: NextFunction): void {
  const summary = res.locals.summary as ArticleSummary;
  const raw = String(req.params.n);
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : -1;
  const sentence = n >= 0 ? storeOf(req).getSentence(summary.id, n) : undefined;
  if (!sentence) throw new NotFound(`“${summary.title}” has no sentence ${raw}.`);
  res.locals.sentence = sentence;
  next();
}

/** Hidden fields to re-post a form after the reviewer has given a name. */
function pendingFields(body: Record<string, unknown>): [string, string][] {
  return Object.entries(body).filter(([k, v]) => k !== '_csrf' && k !== 'reviewer' && typeof v === 'string') as [string, string][];
}

/**
 * Every save records a reviewer: a `reviewer` field (from the name prompt) is remembered; without
 * any name the reviewer is asked for one, and the pending form is kept.
 */
export function requireReviewer(req: Request, res: Response, next: NextFunction): void {
  const body = (req.body ?? {}) as Record<string, unknown>;
  takeGivenName(req, res);
  if (actorOf(res)) {
    next();
    return;
  }
  const message = 'Enter your name before saving: every change records who made it.';
  if (wantsJson(req)) {
    res.status(401).json({ error: message, needName: true });
    return;
  }
  res.status(401).render('name-needed', { title: 'Your name', message, action: req.originalUrl, fields: pendingFields(body), invalid: body.reviewer !== undefined });
}

/** The optional `base` field: a revision id, or null for "no revision yet". */
function parseBase(value: unknown): number | null {
  if (value === undefined || value === '' || value === null) return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new BadRequest('The form’s base revision is not a revision id. Reload the page and try again.');
  return n;
}

/** Where a page form returns to: its `return` field (a local path) plus the sentence anchor. */
function backToSentence(req: Request, res: Response): string {
  const summary = res.locals.summary as ArticleSummary;
  const sentence = res.locals.sentence as SentenceView;
  const articlePath = `/articles/${encodeURIComponent(summary.slug)}`;
  const ret = safeReturnPath((req.body as Record<string, unknown> | undefined)?.return, articlePath);
  const path = ret.startsWith(articlePath) ? ret.replace(/#.*$/, '') : articlePath;
  return `${path}#s-${sentence.index}`;
}

/** Answers a successful action: the re-checked sentence as JSON, or 303 back to it. */
function answer(req: Request, res: Response, status = 200): void {
  const summary = res.locals.summary as ArticleSummary;
  const sentence = res.locals.sentence as SentenceView;
  if (!wantsJson(req)) {
    res.redirect(303, backToSentence(req, res));
    return;
  }
  const now = storeOf(req).getSentence(summary.id, sentence.index)!;
  // No article-wide progress here: summarising the article costs more than the save itself, and
  // the client derives the change from the sentence's old and new state.
  res.status(status).json({ sentence: presentSentence(now) });
}

/** Answers a save refused because the sentence changed since the reviewer's page was loaded. */
function conflict(req: Request, res: Response, err: ConflictError): void {
  const summary = res.locals.summary as ArticleSummary;
  const sentence = storeOf(req).getSentence(summary.id, (res.locals.sentence as SentenceView).index)!;
  const theirs = err.current ? presentRevision(err.current, sentence.mtText) : null;
  const theirText = err.current?.text ?? sentence.mtText;
  const body = {
    error: 'Someone else changed this sentence since you opened it. Nothing was overwritten: merge the two versions and save again.',
    conflict: {
      theirs,
      theirText,
      yours: err.yours,
      baseRevisionId: err.current?.id ?? null,
      yoursDiff: wordDiff(theirText, err.yours),
    },
    sentence: presentSentence(sentence),
  };
  if (wantsJson(req)) {
    res.status(409).json(body);
    return;
  }
  res.status(409).render('conflict', {
    title: 'Conflict',
    article: summary,
    sentence: body.sentence,
    ...body.conflict,
    message: body.error,
    backPath: backToSentence(req, res).replace(/#.*$/, ''),
  });
}

/**
 * Runs a store write in the store's next group commit (concurrent saves share one fsync), turning
 * a `ConflictError` into a 409 answer; true once the write is durable.
 */
async function write(req: Request, res: Response, action: () => unknown): Promise<boolean> {
  try {
    await storeOf(req).groupCommit(action);
    return true;
  } catch (err) {
    if (err instanceof ConflictError) {
      conflict(req, res, err);
      return false;
    }
    throw err;
  }
}

/** The reviewer's corrected rendering from the form, normalised. */
function correctedText(value: unknown): string {
  if (typeof value !== 'string') throw new BadRequest('The form has no corrected rendering (field “text”).');
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text === '') throw new BadRequest('The corrected rendering is empty. Write the sentence, or use “Approve unchanged”.');
  if (text.length > MAX_SENTENCE_LENGTH) throw new BadRequest(`The corrected rendering is longer than ${MAX_SENTENCE_LENGTH} characters.`);
  return text;
}

/** POST `/articles/:slug/sentences/:n`: save the edited rendering, or (`action=approve`) approve the MT text. */
export async function saveSentence(req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const summary = res.locals.summary as ArticleSummary;
  const sentence = res.locals.sentence as SentenceView;
  const approve = body.action === 'approve';
  const text = approve ? sentence.mtText : correctedText(body.text);
  const baseRevisionId = parseBase(body.base);
  const ok = await write(req, res, () => storeOf(req).saveRevision({
    articleId: summary.id,
    sentence: sentence.index,
    baseRevisionId,
    text,
    status: approve || text === sentence.mtText ? 'approved' : 'edited',
    reviewer: requiredActor(res),
  }));
  if (ok) answer(req, res);
}

/** The sentence's finding with this fingerprint, or a 409-worthy absence. */
function findingByFingerprint(sentence: SentenceView, fingerprint: unknown): Finding {
  const found = typeof fingerprint === 'string' ? sentence.findings.find((f) => fingerprintFinding(f, sentence.text) === fingerprint) : undefined;
  if (!found) throw new BadRequest('That finding is no longer on this sentence (it was fixed or dismissed meanwhile). Reload the page.');
  return found;
}

/** The sentence text with a finding's words replaced (by its fix's range when the fix is this replacement). */
export function applyReplacement(text: string, finding: Finding, replacement: string): string {
  const [start, end] = finding.fix && finding.fix.text === replacement ? finding.fix.range : finding.range;
  return text.slice(0, start) + replacement + text.slice(end);
}

/** POST `/articles/:slug/sentences/:n/apply`: applies one suggestion of a finding and saves it. */
export async function applySuggestion(req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const summary = res.locals.summary as ArticleSummary;
  const sentence = res.locals.sentence as SentenceView;
  const baseRevisionId = parseBase(body.base);
  if (baseRevisionId !== (sentence.current?.id ?? null)) {
    // The page was stale: the finding's range belongs to a text that is no longer current.
    conflict(req, res, new ConflictError(sentence.current, sentence.text));
    return;
  }
  // Either `apply=<suggestion>:<fingerprint>` (a suggestion button of the editor form) or
  // separate `fingerprint` and `suggestion` fields (API clients).
  const applied = typeof body.apply === 'string' ? /^(\d{1,3}):([0-9a-f]{1,64})$/.exec(body.apply) : null;
  const finding = findingByFingerprint(sentence, applied ? applied[2] : body.fingerprint);
  const which = Number(applied ? applied[1] : body.suggestion ?? 0);
  const replacement = Number.isInteger(which) ? finding.suggestions[which] : undefined;
  if (replacement === undefined) throw new BadRequest('That suggestion does not exist for this finding.');
  const text = applyReplacement(sentence.text, finding, replacement);
  const ok = await write(req, res, () => storeOf(req).saveRevision({
    articleId: summary.id,
    sentence: sentence.index,
    baseRevisionId,
    text,
    status: text === sentence.mtText ? 'approved' : 'edited',
    reviewer: requiredActor(res),
  }));
  if (ok) answer(req, res);
}

/** POST `/articles/:slug/sentences/:n/dismiss`: marks a finding as a false positive, with a reason. */
export async function dismissFinding(req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const summary = res.locals.summary as ArticleSummary;
  const sentence = res.locals.sentence as SentenceView;
  const finding = findingByFingerprint(sentence, body.fingerprint);
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason === '') throw new BadRequest('Give a reason for dismissing the finding (why it is a false positive).');
  if (reason.length > 500) throw new BadRequest('The reason is longer than 500 characters.');
  const store = storeOf(req);
  await store.groupCommit(() => store.dismiss({
    articleId: summary.id,
    sentence: sentence.index,
    fingerprint: fingerprintFinding(finding, sentence.text),
    ruleId: finding.ruleId,
    match: finding.match,
    reason,
    reviewer: requiredActor(res),
  }));
  answer(req, res);
}

/** POST `/articles/:slug/sentences/:n/undismiss`: undoes a dismissal of this sentence. */
export async function undismissFinding(req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const sentence = res.locals.sentence as SentenceView;
  const id = Number(body.dismissal);
  if (!sentence.dismissed.some((d) => d.id === id)) throw new BadRequest('That dismissal is not active on this sentence. Reload the page.');
  const store = storeOf(req);
  await store.groupCommit(() => store.undismiss(id, requiredActor(res)));
  answer(req, res);
}

/** GET `/articles/:slug/sentences/:n/history`: every revision, newest first, with diffs. */
export function showHistory(req: Request, res: Response): void {
  const summary = res.locals.summary as ArticleSummary;
  const sentence = res.locals.sentence as SentenceView;
  const revisions = storeOf(req).history(summary.id, sentence.index).map((r) => presentRevision(r, sentence.mtText));
  const currentId = sentence.current?.id ?? null;
  if (wantsJson(req)) {
    res.json({ sentence: presentSentence(sentence), currentRevisionId: currentId, revisions });
    return;
  }
  res.render('history', {
    title: `History of sentence ${sentence.index + 1}`,
    article: summary,
    sentence: presentSentence(sentence),
    revisions: revisions.slice().reverse(),
    currentId,
  });
}

/** POST `/articles/:slug/sentences/:n/restore`: makes an earlier revision current again (a new revision). */
export async function restoreRevision(req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const summary = res.locals.summary as ArticleSummary;
  const sentence = res.locals.sentence as SentenceView;
  const revisionId = Number(body.revision);
  if (!storeOf(req).history(summary.id, sentence.index).some((r) => r.id === revisionId)) {
    throw new BadRequest('That revision does not belong to this sentence.');
  }
  const baseRevisionId = parseBase(body.base);
  const ok = await write(req, res, () => storeOf(req).restoreRevision(summary.id, sentence.index, revisionId, baseRevisionId, requiredActor(res)));
  if (ok) answer(req, res);
}

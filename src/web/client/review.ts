/**
 * The article page's progressive enhancement: keyboard navigation and shortcuts, in-place saves
 * (`fetch` with `Accept: application/json` to the same routes the forms post to), a live diff
 * preview while typing, and conflict display. Every node is built with textContent, never innerHTML.
 */
import type { SentenceModel } from '../present.js';
import { diffWords, type ClientChange } from './word-diff.js';

/** The sentence shape the server's JSON answers carry: the server's own model (a type-only import, erased from the script). */
type SentenceJson = SentenceModel;

/** A JSON answer of a sentence action. */
interface ActionJson {
  sentence?: SentenceJson;
  error?: string;
  needName?: boolean;
  conflict?: { theirText: string; yours: string; baseRevisionId: number | null; theirs: { reviewer: string; createdAt: string } | null };
}

const STATUS_LABEL = { open: 'Not reviewed', edited: 'Edited', approved: 'Approved' } as const;

const sentences = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('article.sentence')];
let current: HTMLElement | null = null;
let pending: { form: HTMLFormElement; submitter: HTMLElement | null } | null = null;

/** Finds the first element matching `selector` inside `root`. */
function $(root: ParentNode, selector: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(selector);
}

/** Shows a short message in the polite live region. */
function announce(message: string): void {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = message;
  live.classList.add('is-visible');
  window.clearTimeout(Number(live.dataset.timer ?? 0));
  live.dataset.timer = String(window.setTimeout(() => live.classList.remove('is-visible'), 3500));
}

/** Makes a sentence the current one (highlighted, scrolled to, optionally focused). */
function setCurrent(el: HTMLElement | null | undefined, focus = true): void {
  if (!el) return;
  current?.classList.remove('is-current');
  current = el;
  el.classList.add('is-current');
  if (focus) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
    history.replaceState(null, '', `#${el.id}`);
  }
}

/** Moves to the next (+1) or previous (-1) sentence. */
function move(step: 1 | -1): void {
  const all = sentences();
  const at = current ? all.indexOf(current) : -1;
  const next = all[Math.min(all.length - 1, Math.max(0, at + step))];
  setCurrent(next);
}

/** Moves to the next sentence after `from` that is not reviewed or still has findings. */
function moveToNextOpen(from: HTMLElement): void {
  const all = sentences();
  const rest = all.slice(all.indexOf(from) + 1);
  const next = rest.find((s) => s.classList.contains('status-open') || s.classList.contains('has-findings'));
  setCurrent(next ?? rest[0] ?? from);
}

/** The editor textarea of a sentence. */
function editorOf(sentence: HTMLElement): HTMLTextAreaElement | null {
  return sentence.querySelector<HTMLTextAreaElement>('form.editor textarea');
}

/** Fills the editor with a suggestion: at its range when the text is unchanged, else at the nearest match. */
function applySuggestion(button: HTMLElement): void {
  const sentence = button.closest<HTMLElement>('article.sentence');
  const textarea = sentence && editorOf(sentence);
  if (!sentence || !textarea) return;
  const replacement = button.dataset.text ?? '';
  const match = button.dataset.match ?? '';
  const start = Number(button.dataset.start);
  const end = Number(button.dataset.end);
  const value = textarea.value;
  let next: string | undefined;
  if (value === textarea.defaultValue && value.slice(start, end) !== '' && end <= value.length) {
    next = value.slice(0, start) + replacement + value.slice(end);
  } else if (match) {
    let best = -1;
    for (let i = value.indexOf(match); i !== -1; i = value.indexOf(match, i + 1)) {
      if (best === -1 || Math.abs(i - start) < Math.abs(best - start)) best = i;
    }
    if (best !== -1) next = value.slice(0, best) + replacement + value.slice(best + match.length);
  }
  if (next === undefined) {
    announce(`“${match}” is no longer in the editor; edit it by hand.`);
    return;
  }
  textarea.value = next;
  updatePreview(textarea);
  announce(`Applied “${replacement}”. Press Ctrl+Enter to save.`);
}

/** Appends diff runs to `target` as text, `<ins>` and `<del>` nodes. */
function renderDiff(target: HTMLElement, changes: ClientChange[]): void {
  target.replaceChildren(...changes.map((c) => {
    const node = document.createElement(c.added ? 'ins' : c.removed ? 'del' : 'span');
    node.textContent = c.value;
    return node;
  }));
}

/** Shows the word diff between the MT text and what the editor holds now. */
function updatePreview(textarea: HTMLTextAreaElement): void {
  const sentence = textarea.closest<HTMLElement>('article.sentence');
  const box = sentence && $(sentence, '[data-role="preview"]');
  const target = sentence && $(sentence, '[data-role="preview-diff"]');
  if (!box || !target) return;
  const mt = textarea.dataset.mt ?? '';
  if (textarea.value === textarea.defaultValue) {
    box.hidden = true;
    return;
  }
  renderDiff(target, diffWords(mt, textarea.value));
  box.hidden = false;
}

/** Fills a cloned template's hidden inputs and action for one sentence. */
function fillForms(root: ParentNode, url: string, base: string): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form')) {
    const suffix = form.dataset.enhance === 'dismiss' ? '/dismiss' : '/undismiss';
    form.setAttribute('action', url + suffix);
  }
  for (const input of root.querySelectorAll<HTMLInputElement>('[data-role="base"]')) input.value = base;
}

/** A fresh copy of an element of the page's prototype sentence (`<template id="tpl-sentence">`). */
function prototypeOf(selector: string): HTMLElement {
  const tpl = document.getElementById('tpl-sentence') as HTMLTemplateElement;
  return tpl.content.querySelector(selector)!.cloneNode(true) as HTMLElement;
}

/** Builds one finding's list item from the page's template. */
function findingNode(sentence: HTMLElement, f: SentenceJson['findings'][number], base: string): Node {
  const li = prototypeOf('li.finding');
  li.className = `finding severity-${f.severity}`;
  li.dataset.fingerprint = f.fingerprint;
  const mark = li.querySelector('mark')!;
  mark.className = f.cssClass;
  mark.textContent = f.match;
  $(li, '[data-role="message"]')!.textContent = f.message;
  $(li, '.finding-meta')!.textContent = `(${f.category}, ${f.ruleId})`;
  const note = $(li, '[data-role="note"]');
  if (note) {
    if (f.note) note.textContent = f.note;
    else note.remove();
  }
  for (const input of li.querySelectorAll<HTMLInputElement>('input[name="fingerprint"]')) input.value = f.fingerprint;
  const applyRow = li.querySelector<HTMLElement>('.apply-form');
  const proto = applyRow?.querySelector<HTMLButtonElement>('button.btn-suggest');
  if (applyRow && proto) {
    if (f.suggestions.length === 0) applyRow.remove();
    else {
      proto.remove();
      f.suggestions.forEach((s, i) => {
        const b = proto.cloneNode(true) as HTMLButtonElement;
        b.setAttribute('form', `e-${sentence.dataset.index}`);
        b.setAttribute('formaction', `${sentence.dataset.url ?? ''}/apply`);
        b.value = `${i}:${f.fingerprint}`;
        b.textContent = s.text;
        b.dataset.text = s.text;
        b.dataset.start = String(s.start);
        b.dataset.end = String(s.end);
        b.dataset.match = f.match;
        b.setAttribute('aria-label', `Apply “${s.text}” in place of “${f.match}”`);
        applyRow.append(b);
      });
    }
  }
  const reasonId = `r-${sentence.dataset.index}-${f.fingerprint}`;
  const label = li.querySelector<HTMLLabelElement>('.dismiss-form label');
  const reason = li.querySelector<HTMLInputElement>('.dismiss-form input[name="reason"]');
  if (label && reason) {
    label.htmlFor = reasonId;
    reason.id = reasonId;
  }
  const summaryHidden = $(li, '.dismiss summary .visually-hidden');
  if (summaryHidden) summaryHidden.textContent = ` Dismiss “${f.match}”`;
  fillForms(li, sentence.dataset.url ?? '', base);
  return li;
}

/** Builds one dismissal's list item from the page's template. */
function dismissedNode(sentence: HTMLElement, d: SentenceJson['dismissed'][number]): Node {
  const li = prototypeOf('li.dismissed-item');
  const span = li.querySelector('span')!;
  const em = document.createElement('em');
  em.textContent = d.reason;
  span.replaceChildren(`Dismissed “${d.match}” (${d.ruleId}): `, em, ` · ${d.reviewer}`);
  li.querySelector<HTMLInputElement>('input[name="dismissal"]')!.value = String(d.id);
  $(li, 'button .visually-hidden')!.textContent = ` dismissal of “${d.match}”`;
  fillForms(li, sentence.dataset.url ?? '', '');
  return li;
}

/** Re-renders a sentence (status, text with marks, diff, findings, dismissals, editor) from JSON. */
function renderSentence(sentence: HTMLElement, s: SentenceJson): void {
  const base = s.revisionId === null ? '' : String(s.revisionId);
  sentence.classList.remove('status-open', 'status-edited', 'status-approved');
  sentence.classList.add(`status-${s.status}`);
  sentence.classList.toggle('has-findings', s.findings.length > 0);
  $(sentence, '[data-role="status"]')!.textContent = STATUS_LABEL[s.status];
  $(sentence, '[data-role="attention"]')!.hidden = !s.needsAttention;
  $(sentence, '[data-role="patch-conflict"]')!.hidden = !s.conflict;
  const savedBy = $(sentence, '[data-role="saved-by"]')!;
  if (s.reviewer && s.savedAt) {
    const time = document.createElement('time');
    time.dateTime = s.savedAt;
    time.textContent = `${s.savedAt.slice(0, 16).replace('T', ' ')} UTC`;
    savedBy.replaceChildren(`by ${s.reviewer}, `, time);
  } else savedBy.replaceChildren();

  $(sentence, '[data-role="text"]')!.replaceChildren(...s.runs.map((run) => {
    if (run.marks.length === 0) return document.createTextNode(run.text);
    const mark = document.createElement('mark');
    mark.className = run.marks.join(' ');
    mark.title = run.titles.join(' · ');
    mark.textContent = run.text;
    return mark;
  }));
  renderDiff($(sentence, '[data-role="diff"]')!, s.diff);
  $(sentence, '[data-role="diff-box"]')!.hidden = s.diff.length === 0;

  const findings = $(sentence, '[data-role="findings"]')!;
  findings.replaceChildren(...s.findings.map((f) => findingNode(sentence, f, base)));
  findings.hidden = s.findings.length === 0;
  const dismissed = $(sentence, '[data-role="dismissed"]')!;
  dismissed.replaceChildren(...s.dismissed.map((d) => dismissedNode(sentence, d)));
  dismissed.hidden = s.dismissed.length === 0;
  $(sentence, '[data-role="conflict"]')!.hidden = true;

  for (const input of sentence.querySelectorAll<HTMLInputElement>('[data-role="base"]')) input.value = base;
  const textarea = editorOf(sentence);
  if (textarea) {
    textarea.value = s.text;
    textarea.defaultValue = s.text;
    updatePreview(textarea);
  }
}

/** Shows a refused save: their version, yours, and the editor now based on theirs. */
function renderConflict(sentence: HTMLElement, answer: ActionJson): void {
  const c = answer.conflict!;
  if (answer.sentence) renderSentence(sentence, answer.sentence);
  const box = $(sentence, '[data-role="conflict"]')!;
  const heading = document.createElement('h4');
  heading.textContent = 'Conflict: someone else saved this sentence first';
  const theirs = document.createElement('p');
  const tLabel = document.createElement('strong');
  tLabel.textContent = c.theirs ? `Theirs (${c.theirs.reviewer}): ` : 'Theirs: ';
  theirs.append(tLabel, c.theirText);
  const yours = document.createElement('p');
  const yLabel = document.createElement('strong');
  yLabel.textContent = 'Yours (not saved): ';
  yours.append(yLabel, c.yours);
  const help = document.createElement('p');
  help.textContent = 'The editor now holds their version. Merge in what you need from yours, then save again.';
  const useMine = document.createElement('button');
  useMine.type = 'button';
  useMine.className = 'btn';
  useMine.textContent = 'Put mine in the editor';
  useMine.addEventListener('click', () => {
    const textarea = editorOf(sentence);
    if (textarea) {
      textarea.value = c.yours;
      updatePreview(textarea);
      textarea.focus();
    }
  });
  box.replaceChildren(heading, theirs, yours, help, useMine);
  box.hidden = false;
  for (const input of sentence.querySelectorAll<HTMLInputElement>('[data-role="base"]')) input.value = c.baseRevisionId === null ? '' : String(c.baseRevisionId);
  announce('Not saved: someone else changed this sentence. Both versions are shown.');
}

/** Moves the article's progress bar and counters by what one sentence's change did. */
function adjustProgress(reviewedDelta: number, findingsDelta: number): void {
  const bar = document.getElementById('article-progress') as HTMLProgressElement | null;
  const reviewed = document.querySelector('[data-role="reviewed"]');
  const open = document.querySelector('[data-role="open-findings"]');
  if (bar && reviewed) {
    const value = Math.max(0, Number(reviewed.textContent) + reviewedDelta);
    bar.value = value;
    bar.textContent = `${value} of ${bar.max}`;
    reviewed.textContent = String(value);
  }
  if (open) open.textContent = String(Math.max(0, Number(open.textContent) + findingsDelta));
}

/** The form's action attribute (`form.action` is shadowed by the buttons named "action"). */
function actionOf(form: HTMLFormElement): string {
  return form.getAttribute('action') ?? '';
}

/** The form's fields, including the button that submitted it, URL-encoded. */
function encodeForm(form: HTMLFormElement, submitter: HTMLElement | null): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') body.append(k, v);
  if (submitter instanceof HTMLButtonElement && submitter.name) body.append(submitter.name, submitter.value);
  return body;
}

/** Posts a sentence form in place; resolves true when the action was saved. */
async function submitInPlace(form: HTMLFormElement, submitter: HTMLElement | null): Promise<boolean> {
  const sentence = form.closest<HTMLElement>('article.sentence');
  if (!sentence) return false;
  let response: Response;
  try {
    response = await fetch(actionOf(form), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: encodeForm(form, submitter),
      credentials: 'same-origin',
    });
  } catch {
    announce('Not saved: the server could not be reached. Try again.');
    return false;
  }
  const answer = (await response.json().catch(() => ({ error: `The server answered HTTP ${response.status}.` }))) as ActionJson;
  if (response.ok && answer.sentence) {
    const wasReviewed = !sentence.classList.contains('status-open');
    const hadFindings = sentence.querySelectorAll('[data-role="findings"] > li').length;
    renderSentence(sentence, answer.sentence);
    adjustProgress(Number(answer.sentence.status !== 'open') - Number(wasReviewed), answer.sentence.findings.length - hadFindings);
    const what = form.dataset.enhance === 'dismiss' ? 'Finding dismissed' : form.dataset.enhance === 'undismiss' ? 'Dismissal undone' : 'Saved';
    announce(`${what}: ${answer.sentence.kind === 'headline' ? 'headline' : `sentence ${answer.sentence.number}`}.`);
    return true;
  }
  if (response.status === 409 && answer.conflict) {
    renderConflict(sentence, answer);
    return false;
  }
  if (response.status === 401 && answer.needName) {
    pending = { form, submitter };
    const name = document.getElementById('side-reviewer');
    name?.scrollIntoView({ block: 'center' });
    name?.focus();
  }
  announce(answer.error ?? `Not saved (HTTP ${response.status}).`);
  return false;
}

/** Saves the reviewer name in place, then retries the save that asked for it. */
async function submitName(form: HTMLFormElement): Promise<void> {
  const response = await fetch(actionOf(form), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: encodeForm(form, null),
    credentials: 'same-origin',
  });
  const answer = (await response.json().catch(() => ({}))) as { reviewer?: string; error?: string };
  if (!response.ok || !answer.reviewer) {
    announce(answer.error ?? 'The name was not saved.');
    return;
  }
  const who = document.querySelector('.whoami');
  if (who) {
    const strong = document.createElement('strong');
    strong.textContent = answer.reviewer;
    who.replaceChildren('Reviewing as ', strong);
  }
  form.closest('.name-block')?.remove();
  announce(`Reviewing as ${answer.reviewer}.`);
  if (pending) {
    const { form: again, submitter } = pending;
    pending = null;
    await submitInPlace(again, submitter);
  }
}

/** Whether a key event comes from a text field. */
function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['button', 'submit', 'checkbox', 'radio'].includes(target.type)) || (target instanceof HTMLElement && target.isContentEditable);
}

/** Saves the sentence's editor in place and moves on to the next open sentence. */
async function saveAndNext(sentence: HTMLElement): Promise<void> {
  const form = sentence.querySelector<HTMLFormElement>('form.editor');
  if (!form) return;
  const button = form.querySelector<HTMLButtonElement>('button[value="save"]');
  if (await submitInPlace(form, button)) moveToNextOpen(sentence);
}

/** Scrolls to the shortcuts legend and highlights it. */
function showShortcuts(): void {
  const legend = document.getElementById('shortcuts');
  if (!legend) return;
  legend.scrollIntoView({ block: 'nearest' });
  legend.focus({ preventScroll: true });
  legend.classList.add('is-flashing');
  window.setTimeout(() => legend.classList.remove('is-flashing'), 1500);
  announce('Shortcuts: j/k next/previous, a apply suggestion, e edit, Ctrl+Enter save, Esc leave editor.');
}

/** The page's keyboard shortcuts. */
function onKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const sentence = (event.target instanceof Element && event.target.closest<HTMLElement>('article.sentence')) || current;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    if (!sentence) return;
    event.preventDefault();
    void saveAndNext(sentence);
    return;
  }
  if (inTextField(event.target)) {
    if (event.key === 'Escape') {
      event.preventDefault();
      (event.target as HTMLElement).blur();
      const owner = (event.target as HTMLElement).closest<HTMLElement>('article.sentence');
      if (owner) setCurrent(owner);
    }
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      event.preventDefault();
      move(1);
      break;
    case 'k':
    case 'ArrowUp':
      event.preventDefault();
      move(-1);
      break;
    case 'a': {
      const button = sentence && $(sentence, 'button.btn-suggest');
      if (button) {
        event.preventDefault();
        applySuggestion(button);
      } else announce('This sentence has no suggestion to apply.');
      break;
    }
    case 'e': {
      const textarea = sentence && editorOf(sentence);
      if (textarea) {
        event.preventDefault();
        textarea.focus();
        textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      }
      break;
    }
    case '?':
      event.preventDefault();
      showShortcuts();
      break;
    default:
  }
}

/** Wires the page up. */
function start(): void {
  document.documentElement.classList.add('js');
  document.addEventListener('keydown', onKey);
  document.addEventListener('focusin', (event) => {
    const sentence = event.target instanceof Element ? event.target.closest<HTMLElement>('article.sentence') : null;
    if (sentence && sentence !== current) setCurrent(sentence, false);
  });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const suggest = target?.closest<HTMLElement>('button.btn-suggest');
    if (suggest) {
      event.preventDefault();
      applySuggestion(suggest);
      return;
    }
    const sentence = target?.closest<HTMLElement>('article.sentence');
    if (sentence && sentence !== current) setCurrent(sentence, false);
  });
  document.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (actionOf(form) === '/reviewer' && form.closest('.name-block')) {
      event.preventDefault();
      void submitName(form);
      return;
    }
    if (!form.dataset.enhance || !form.closest('article.sentence')) return;
    event.preventDefault();
    void submitInPlace(form, event.submitter);
  });
  document.addEventListener('input', (event) => {
    if (event.target instanceof HTMLTextAreaElement && event.target.closest('form.editor')) {
      const textarea = event.target;
      window.clearTimeout(Number(textarea.dataset.timer ?? 0));
      textarea.dataset.timer = String(window.setTimeout(() => updatePreview(textarea), 120));
    }
  });
  const fromHash = location.hash.startsWith('#s-') ? document.getElementById(location.hash.slice(1)) : null;
  setCurrent(fromHash ?? sentences()[0], Boolean(fromHash));
}

start();

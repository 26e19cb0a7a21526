/**
 * Recording account events (login, logout, failed login, user changes) in the store's events
 * table. The table belongs to the store's migration; this module adapts to its columns and records
 * nothing when there is no such table, so accounts work over any store version.
 */
import type { Database } from 'better-sqlite3';

/** One account event: who did what to whom, from where. */
export interface AuthEvent {
  /** `login`, `login-failed`, `logout`, `user-add`, `user-passwd`, `user-remove`, `user-enable`. */
  action: string;
  /** Who acted (the username, or `cli:<os user>` for the CLI); null when unknown. */
  actor: string | null;
  /** The account acted upon, when different from the actor. */
  subject?: string | null;
  /** Extra facts (address, role): never a password, hash, cookie or token. */
  detail?: Record<string, unknown>;
}

interface EventColumns {
  table: string;
  time?: string;
  timeIsNumber: boolean;
  actor?: string;
  action?: string;
  subject?: string;
  detail?: string;
  notNull: Set<string>;
}

const layouts = new WeakMap<Database, EventColumns | null>();

const pick = (names: string[], choices: string[]): string | undefined => choices.find((c) => names.includes(c));

/** Finds the events table and maps its columns to the event's parts (cached per handle). */
function layout(db: Database): EventColumns | null {
  if (layouts.has(db)) return layouts.get(db)!;
  let found: EventColumns | null = null;
  for (const table of ['events', 'audit_events', 'audit_log', 'audit']) {
    const cols = db.prepare(`SELECT name, type, "notnull" AS nn, dflt_value AS dflt, pk FROM pragma_table_info(?)`).all(table) as { name: string; type: string; nn: number; dflt: string | null; pk: number }[];
    if (cols.length === 0) continue;
    const names = cols.map((c) => c.name);
    const time = pick(names, ['at', 'created_at', 'time', 'ts', 'occurred_at']);
    const timeType = cols.find((c) => c.name === time)?.type.toUpperCase() ?? '';
    found = {
      table,
      time,
      timeIsNumber: /INT|REAL|NUM/.test(timeType),
      actor: pick(names, ['actor', 'who', 'username', 'user', 'reviewer', 'by']),
      action: pick(names, ['action', 'kind', 'type', 'event', 'what']),
      subject: pick(names, ['subject', 'target', 'object']),
      detail: pick(names, ['detail', 'details', 'data', 'payload', 'meta', 'json']),
      notNull: new Set(cols.filter((c) => c.nn === 1 && c.dflt === null && c.pk === 0).map((c) => c.name)),
    };
    break;
  }
  layouts.set(db, found);
  return found;
}

/** Records an account event in the events table; returns false when there is no table to record in. */
export function recordAuthEvent(db: Database, event: AuthEvent): boolean {
  const l = layout(db);
  if (!l || !l.action) return false;
  const values = new Map<string, unknown>();
  values.set(l.action, event.action);
  if (l.time) values.set(l.time, l.timeIsNumber ? Date.now() : new Date().toISOString());
  if (l.actor) values.set(l.actor, event.actor ?? '');
  const detail = { ...(event.detail ?? {}), ...(l.subject || event.subject == null ? {} : { subject: event.subject }) };
  if (l.subject) values.set(l.subject, event.subject ?? null);
  if (l.detail) values.set(l.detail, JSON.stringify(detail));
  // Required columns this module cannot fill (e.g. an article id) mean the table is not for us.
  for (const col of l.notNull) if (!values.has(col)) return false;
  const cols = [...values.keys()];
  db.prepare(`INSERT INTO "${l.table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => values.get(c)));
  return true;
}

/**
 * The bench's printed output: Markdown tables per section, notes, and the list of targets with
 * ✔ / ✖, so the output can be pasted into the README as is.
 */

/** One printed table. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  notes: string[];
}

/** A performance target and whether this run met it (null: not measured in this run). */
export interface Target {
  name: string;
  met: boolean | null;
  detail: string;
}

/** Collects tables and targets while sections run, and prints them. */
export class Report {
  readonly tables: Table[] = [];
  readonly targets: Target[] = [];
  readonly skipped: string[] = [];
  private printed = 0;

  /** Starts a table; rows and notes are added to the returned object. */
  table(title: string, header: string[]): Table {
    const t: Table = { title, header, rows: [], notes: [] };
    this.tables.push(t);
    return t;
  }

  /** Records a target's outcome. */
  target(name: string, met: boolean | null, detail: string): void {
    this.targets.push({ name, met, detail });
  }

  /** Records that a section (or part of one) could not run, and why. */
  skip(section: string, reason: string): void {
    this.skipped.push(`${section}: skipped: ${reason}`);
  }

  /** The tables added since the last call, as Markdown (so each section prints as soon as it ends). */
  takeNewTables(): string {
    const out: string[] = [];
    for (const t of this.tables.slice(this.printed)) {
      out.push(`### ${t.title}`, '', ...markdownTable(t.header, t.rows), '');
      for (const n of t.notes) out.push(`- ${n}`);
      if (t.notes.length) out.push('');
    }
    this.printed = this.tables.length;
    return out.length ? `${out.join('\n')}\n` : '';
  }

  /** What is left to print after the tables: skipped sections and the targets, as Markdown. */
  toMarkdown(): string {
    const out: string[] = [this.takeNewTables()];
    if (this.skipped.length) {
      out.push('### Skipped', '');
      for (const s of this.skipped) out.push(`- ${s}`);
      out.push('');
    }
    out.push('### Targets', '');
    for (const t of this.targets) out.push(`- ${t.met === null ? '·' : t.met ? '✔' : '✖'} ${t.name} — ${t.detail}`);
    return `${out.join('\n')}\n`;
  }
}

/** A Markdown table with columns padded to their widest cell. */
export function markdownTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map((r) => line(header.map((_, i) => r[i] ?? '')))];
}

/** Milliseconds as a short human figure ("840 ms", "12.3 s"). */
export function fmtMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(ms < 100000 ? 2 : 0)} s`;
}

/** Bytes as MB with one decimal (or "n/a"). */
export function fmtMB(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`;
}

/** A ratio as "×1.23" with sensible precision. */
export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return 'n/a';
  if (r >= 100) return `×${r.toFixed(0)}`;
  if (r >= 10) return `×${r.toFixed(1)}`;
  return `×${r.toFixed(2)}`;
}

/** A number with thousands separators. */
export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * `stylish`: one line per finding, grouped by file, then a summary line (after ESLint's stylish).
 */
import type { FormatInput } from './index.js';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Formats `file:line:col  severity  message  rule-id` rows, aligned within each file, files
 * separated by a blank line, then `✖ N problems (E errors, W warnings)`; nothing at all when clean.
 */
export function formatStylish(input: FormatInput): string {
  const paint = (code: string, text: string): string => (input.color ? `${code}${text}${ANSI.reset}` : text);
  const groups: string[] = [];
  for (const report of input.reports) {
    if (report.findings.length === 0) continue;
    const rows = report.findings.map((f) => ({ where: `${report.path}:${f.line}:${f.column}`, severity: f.severity, message: f.message, rule: f.ruleId }));
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const sevWidth = Math.max(...rows.map((r) => r.severity.length));
    const msgWidth = Math.max(...rows.map((r) => r.message.length));
    const lines = rows.map((r) => {
      const colour = r.severity === 'error' ? ANSI.red : r.severity === 'warning' ? ANSI.yellow : ANSI.blue;
      return [
        paint(ANSI.bold, r.where.padEnd(whereWidth)),
        paint(colour, r.severity.padEnd(sevWidth)),
        r.message.padEnd(msgWidth),
        paint(ANSI.dim, r.rule),
      ].join('  ');
    });
    groups.push(lines.join('\n'));
  }
  const { summary } = input;
  const out: string[] = [];
  if (groups.length > 0) out.push(groups.join('\n\n'), '');
  if (summary.findings > 0) {
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
    if (summary.infos > 0) parts.push(plural(summary.infos, 'info'));
    const line = `✖ ${plural(summary.findings, 'problem')} (${parts.join(', ')})`;
    out.push(paint(ANSI.bold + (summary.errors > 0 ? ANSI.red : ANSI.yellow), line));
  }
  if (summary.suppressed > 0) out.push(`${plural(summary.suppressed, 'finding')} suppressed by the ignore file`);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

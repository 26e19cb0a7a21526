/**
 * `json`: the documented, stable machine-readable contract.
 */
import type { FormatInput } from './index.js';

/**
 * Formats `{"files": [{"path", "findings": [...]}], "summary": {...}}`; every checked file is
 * listed, findings carry exactly the fields of `ReportedFinding`, optional ones only when set.
 */
export function formatJson(input: FormatInput): string {
  const files = input.reports.map((r) => ({
    path: r.path,
    findings: r.findings.map((f) => {
      const out: Record<string, unknown> = {
        ruleId: f.ruleId,
        check: f.check,
        category: f.category,
        severity: f.severity,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        match: f.match,
        message: f.message,
        suggestions: f.suggestions,
        fingerprint: f.fingerprint,
      };
      if (f.fix) out.fix = f.fix;
      if (f.note !== undefined) out.note = f.note;
      if (f.lang !== undefined) out.lang = f.lang;
      return out;
    }),
  }));
  const s = input.summary;
  const summary = { files: s.files, findings: s.findings, errors: s.errors, warnings: s.warnings, infos: s.infos, suppressed: s.suppressed };
  return `${JSON.stringify({ files, summary }, null, 2)}\n`;
}

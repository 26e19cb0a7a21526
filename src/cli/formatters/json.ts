/**
 * `json`: the documented, stable machine-readable contract.
 */
import type { ReportedFinding } from '../report.js';
import type { FormatInput, FormatStream } from './index.js';

/** Indentation of a file's findings array in the output (`files` → file object → `findings`). */
const FINDINGS_INDENT = '      ';

/** One finding with exactly the documented fields, in order; optional ones only when set. */
function jsonFinding(f: ReportedFinding): Record<string, unknown> {
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
}

/**
 * A file's findings exactly as they appear in the `json` output, indented for their place in it.
 * Also valid JSON on its own (parsing it gives the findings back), so the result cache stores this
 * text and a cached file is printed without being serialised again.
 */
export function findingsJson(findings: readonly ReportedFinding[]): string {
  return JSON.stringify(findings.map(jsonFinding), null, 2).replaceAll('\n', `\n${FINDINGS_INDENT}`);
}

/**
 * Writes `{"files": [{"path", "findings": [...]}], "summary": {...}}` one file at a time; every
 * checked file is listed, findings carry exactly the fields of `ReportedFinding`, optional ones
 * only when set. The text is what `JSON.stringify(…, null, 2)` gives, assembled from each file's
 * rendered findings (a report's `findingsJson` when it has one).
 */
export function streamJson(): FormatStream {
  let first = true;
  return {
    file(r) {
      const head = first ? '{\n  "files": [\n' : ',\n';
      first = false;
      return `${head}    {\n      "path": ${JSON.stringify(r.path)},\n      "findings": ${r.findingsJson ?? findingsJson(r.findings)}\n    }`;
    },
    end(s) {
      const summary = { files: s.files, findings: s.findings, errors: s.errors, warnings: s.warnings, infos: s.infos, suppressed: s.suppressed };
      return `${first ? '{\n  "files": []' : '\n  ]'},\n  "summary": ${JSON.stringify(summary, null, 2).replaceAll('\n', '\n  ')}\n}\n`;
    },
  };
}

/** The whole `json` output at once (what `streamJson` writes piece by piece). */
export function formatJson(input: FormatInput): string {
  const stream = streamJson();
  return input.reports.map((r) => stream.file(r)).join('') + stream.end(input.summary);
}

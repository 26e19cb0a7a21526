/**
 * `junit`: JUnit XML, one testsuite per file and one failing testcase per finding, for CI systems
 * that show test reports.
 */
import type { FormatInput } from './index.js';

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // A parser would turn a raw CR (or CRLF) into LF; a reference keeps it.
    .replace(/\r/g, '&#13;');
}

/** Escapes text for an XML attribute value, keeping tabs and line breaks through attribute normalisation. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Formats the run as JUnit XML; a file without findings gets one passing testcase. */
export function formatJunit(input: FormatInput): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  for (const r of input.reports) tests += Math.max(1, r.findings.length);
  out.push(`<testsuites name="mt-review" tests="${tests}" failures="${input.summary.findings}" errors="0">`);
  for (const r of input.reports) {
    const path = escapeXmlAttribute(r.path);
    out.push(`  <testsuite name="${path}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0">`);
    if (r.findings.length === 0) {
      out.push(`    <testcase classname="${path}" name="${path}"/>`);
    }
    for (const f of r.findings) {
      const where = `${r.path}:${f.line}:${f.column}`;
      const detail = [`${where}  ${f.severity}  ${f.message}  ${f.ruleId}`];
      if (f.suggestions.length > 0) detail.push(`Suggestions: ${f.suggestions.join(' | ')}`);
      if (f.note) detail.push(f.note);
      out.push(
        `    <testcase classname="${path}" name="${escapeXmlAttribute(`${where} ${f.ruleId}`)}">`,
        `      <failure type="${f.severity}" message="${escapeXmlAttribute(f.message)}">${escapeXml(detail.join('\n'))}</failure>`,
        '    </testcase>',
      );
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/**
 * `github`: GitHub Actions workflow commands, which show as annotations on the pull request.
 */
import type { FormatInput } from './index.js';

/** Escapes a workflow command's message (`%`, CR, LF). */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (the message escapes plus `:` and `,`). */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats one `::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` per finding. */
export function formatGithub(input: FormatInput): string {
  const lines: string[] = [];
  for (const r of input.reports) {
    for (const f of r.findings) {
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeGithubProperty(r.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeGithubProperty(`mt-review ${f.ruleId}`)}`,
      ];
      lines.push(`::${command} ${props.join(',')}::${escapeGithubData(f.message)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

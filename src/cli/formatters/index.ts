/**
 * The output formats of `mt-review check`: one module per format, each a pure function from the
 * run's reports to the text written to stdout.
 */
import type { Category, Severity } from '../../core/types.js';
import type { FileReport } from '../report.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** Counts for the summary line and the JSON `summary` object. */
export interface Summary {
  /** Files checked (files that could not be read are not counted). */
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings hidden because the ignore file accepts them. */
  suppressed: number;
}

/** A rule as SARIF's `tool.driver.rules` describes it: a check, or a glossary entry of a check. */
export interface RuleInfo {
  id: string;
  description: string;
  category: Category;
  severity: Severity;
  /** Longer explanation (the glossary note). */
  note?: string;
}

/** Everything a formatter may use. */
export interface FormatInput {
  reports: FileReport[];
  summary: Summary;
  rules: RuleInfo[];
  tool: { name: string; version: string; informationUri: string };
  /** Use ANSI colours (stylish only). */
  color: boolean;
}

/** A formatter turns the run's results into the text for stdout. */
export type Formatter = (input: FormatInput) => string;

/** The format names `--format` accepts. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

/** One of `FORMAT_NAMES`. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** The formatter for each format name. */
export const FORMATTERS: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

/** Counts the findings of `reports` by severity. */
export function summarise(reports: FileReport[], suppressed: number): Summary {
  const s: Summary = { files: reports.length, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed };
  for (const r of reports) {
    for (const f of r.findings) {
      s.findings++;
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}

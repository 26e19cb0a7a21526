/**
 * The output formats of `mt-review check`: one module per format, each a pure function from the
 * run's reports to the text written to stdout.
 */
import type { Category, Severity } from '../../core/types.js';
import type { FileReport } from '../report.js';

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

/** Findings of one file by severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
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

/**
 * A format that can be written one file at a time, as the files are checked, so a run over a
 * whole archive never holds every report (or the whole output) in memory. Writing `file` for each
 * report in order and then `end` gives exactly what the format's `Formatter` gives.
 */
export interface FormatStream {
  file(report: FileReport): string;
  end(summary: Summary): string;
}

/** The format names `--format` accepts. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

/** One of `FORMAT_NAMES`. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** A format: how to load its formatter (only the selected one is imported), and whether it reads `rules`. */
export interface FormatDefinition {
  load: () => Promise<Formatter>;
  /** For formats written file by file (see `FormatStream`): a new stream for one run. */
  stream?: () => Promise<FormatStream>;
  /** The formatter describes rules, so the caller must build them (which needs the glossary). */
  usesRules: boolean;
}

/** Every format by name. */
export const FORMATS: Record<FormatName, FormatDefinition> = {
  stylish: { load: async () => (await import('./stylish.js')).formatStylish, usesRules: false },
  json: { load: async () => (await import('./json.js')).formatJson, stream: async () => (await import('./json.js')).streamJson(), usesRules: false },
  sarif: { load: async () => (await import('./sarif.js')).formatSarif, usesRules: true },
  github: { load: async () => (await import('./github.js')).formatGithub, usesRules: false },
  junit: { load: async () => (await import('./junit.js')).formatJunit, usesRules: false },
};

/** Counts one file's findings by severity. */
export function countSeverities(findings: readonly { severity: Severity }[]): SeverityCounts {
  const c: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

/** Counts the findings of `reports` by severity (a report's `counts` when it has them, so cached findings are not parsed). */
export function summarise(reports: FileReport[], suppressed: number): Summary {
  const s: Summary = { files: 0, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed };
  for (const r of reports) addToSummary(s, r);
  return s;
}

/** Counts one more file's report into a summary (for output written file by file). */
export function addToSummary(s: Summary, r: FileReport): void {
  const c = r.counts ?? countSeverities(r.findings);
  s.files++;
  s.errors += c.errors;
  s.warnings += c.warnings;
  s.infos += c.infos;
  s.findings = s.errors + s.warnings + s.infos;
}

/**
 * `sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
 */
import type { Severity } from '../../core/types.js';
import type { FormatInput, RuleInfo } from './index.js';

/** SARIF's `level` for a severity. */
function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative path as a SARIF URI reference: forward slashes, each segment percent-encoded. */
export function toUri(path: string): string {
  return path.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

/**
 * Formats one SARIF run: `tool.driver` with the rules (checks and glossary entries), one result per
 * finding with its region (UTF-16 columns), partial fingerprint and fix.
 */
export function formatSarif(input: FormatInput): string {
  const rules: RuleInfo[] = [...input.rules];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  for (const r of input.reports) {
    const uri = toUri(r.path);
    for (const f of r.findings) {
      let index = ruleIndex.get(f.ruleId);
      if (index === undefined) {
        // A rule the registry does not describe on its own (e.g. a sub-rule): describe it by its finding.
        index = rules.length;
        rules.push({ id: f.ruleId, description: f.message, category: f.category, severity: f.severity });
        ruleIndex.set(f.ruleId, index);
      }
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: index,
        level: level(f.severity),
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, snippet: { text: f.match } },
            },
          },
        ],
        partialFingerprints: { 'mtReviewFinding/v1': f.fingerprint },
        properties: { category: f.category, check: f.check, suggestions: f.suggestions, ...(f.lang ? { lang: f.lang } : {}) },
      };
      if (f.fix) {
        result.fixes = [
          {
            description: { text: `Replace “${f.match}” with “${f.fix.text}”.` },
            artifactChanges: [
              {
                artifactLocation: { uri },
                replacements: [
                  {
                    deletedRegion: { startLine: f.fix.line, startColumn: f.fix.column, endLine: f.fix.endLine, endColumn: f.fix.endColumn },
                    insertedContent: { text: f.fix.text },
                  },
                ],
              },
            ],
          },
        ];
      }
      results.push(result);
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            semanticVersion: input.tool.version,
            informationUri: input.tool.informationUri,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.note ? `${rule.description} ${rule.note}` : rule.description },
              ...(rule.note ? { help: { text: rule.note } } : {}),
              defaultConfiguration: { level: level(rule.severity) },
              properties: { category: rule.category, tags: [rule.category] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

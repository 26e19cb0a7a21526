/**
 * Building findings from a check's meta: one place that fills message templates and copies the
 * check's id, severity and category into every finding.
 */
import type { CheckMeta, Fix, SentenceFinding, Span } from '../../core/types.js';

/** What a check supplies for one finding; the rest comes from its meta. */
export interface FindingInput {
  messageId: string;
  /** Values for the `{{name}}` placeholders of the message (`match` is always available). */
  data?: Record<string, string>;
  sentence: number;
  /** The sentence's text, to take the match from. */
  text: string;
  range: Span;
  suggestions?: string[];
  fix?: Fix;
  note?: string;
  lang?: string;
  /** Sub-id appended to the check id for `ruleId` (`check/sub`). */
  sub?: string;
}

/** Fills `{{name}}` placeholders; an unknown name is left visible rather than silently dropped. */
export function fillMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? data[name]! : whole));
}

/** Makes a sentence finding for a check from its meta and the finding's particulars. */
export function makeFinding(meta: CheckMeta, input: FindingInput): SentenceFinding {
  const match = input.text.slice(input.range[0], input.range[1]);
  const template = meta.messages[input.messageId];
  if (template === undefined) throw new Error(`${meta.id}: unknown message id ${input.messageId}`);
  const finding: SentenceFinding = {
    check: meta.id,
    ruleId: input.sub ? `${meta.id}/${input.sub}` : meta.id,
    messageId: input.messageId,
    message: fillMessage(template, { match, ...input.data }),
    severity: meta.defaultSeverity,
    category: meta.category,
    sentence: input.sentence,
    range: input.range,
    match,
    suggestions: input.suggestions ?? [],
  };
  if (input.fix) finding.fix = input.fix;
  if (input.note !== undefined) finding.note = input.note;
  if (input.lang !== undefined) finding.lang = input.lang;
  return finding;
}

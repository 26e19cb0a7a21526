/**
 * `forbidden-term`: a rendering the glossary marks as wrong, with the preferred rendering as the fix.
 * The glossary is compiled before `create`; the runner walks each sentence once, with the whole
 * document as context (so an entry's `context` words may occur anywhere in the article).
 */
import type { CheckDefinition, SentenceFinding } from '../core/types.js';
import { fillMessage } from './support/finding.js';

const MESSAGE = 'Use “{{preferred}}” instead of “{{match}}”.';

/** Flags wrong renderings listed in the glossary and offers the preferred rendering as the fix. */
export const forbiddenTerm: CheckDefinition = {
  meta: {
    id: 'forbidden-term',
    description: 'A rendering the glossary marks as wrong, with the preferred rendering as the fix.',
    category: 'terminology',
    defaultSeverity: 'error',
    // Document scope: an entry's context words may occur anywhere in the article.
    scope: 'document',
    messages: { wrong: MESSAGE },
  },
  create({ glossary }) {
    return (doc) => {
      const findings: SentenceFinding[] = [];
      for (const sentence of doc.segmentation.sentences) {
        for (const m of glossary.match(sentence.text, doc.text)) {
          const alternatives = m.term.alternatives;
          const suggestions = [m.replacement];
          if (alternatives) for (const p of alternatives) if (p !== m.replacement) suggestions.push(p);
          const finding: SentenceFinding = {
            check: 'forbidden-term',
            ruleId: `forbidden-term/${m.entry.id}`,
            messageId: 'wrong',
            message: fillMessage(MESSAGE, { preferred: m.replacement, match: m.text }),
            severity: m.entry.severity,
            category: m.entry.category,
            sentence: sentence.index,
            range: [m.start, m.end],
            match: m.text,
            suggestions,
          };
          if (m.entry.fix !== false) finding.fix = { range: [m.start, m.end], text: m.replacement };
          if (m.entry.note) finding.note = m.entry.note;
          findings.push(finding);
        }
      }
      return findings;
    };
  },
};

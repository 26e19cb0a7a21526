/**
 * `forbidden-term`: a glossary's wrong rendering (placeholder until the glossary matcher lands).
 */
import type { CheckDefinition } from '../core/types.js';

/** Flags wrong renderings listed in the glossary and offers the preferred rendering as the fix. */
export const forbiddenTerm: CheckDefinition = {
  meta: {
    id: 'forbidden-term',
    description: 'A rendering the glossary marks as wrong, with the preferred rendering as the fix.',
    category: 'terminology',
    defaultSeverity: 'error',
    messages: { wrong: 'Use “{{preferred}}” instead of “{{match}}”.' },
  },
  create() {
    return () => [];
  },
};

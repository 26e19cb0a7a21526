/**
 * The explicit, ordered registry of checks. Order is the order findings are reported in when they
 * start at the same place, and the order of `--list-checks`: terminology first, then untranslated
 * text, then consistency within the article, then typography.
 */
import type { CheckDefinition } from '../core/types.js';
import { duplicateSentence } from './duplicate-sentence.js';
import { doubleSpace } from './double-space.js';
import { forbiddenTerm } from './forbidden-term.js';
import { inconsistentCurrency } from './inconsistent-currency.js';
import { inconsistentTitle } from './inconsistent-title.js';
import { inconsistentSpelling } from './inconsistent-spelling.js';
import { fullwidthPunctuation } from './fullwidth-punctuation.js';
import { missingSpaceAfterPunctuation } from './missing-space-after-punctuation.js';
import { repeatedWord } from './repeated-word.js';
import { spaceBeforePunctuation } from './space-before-punctuation.js';
import { unbalancedBrackets } from './unbalanced-brackets.js';
import { unbalancedQuotes } from './unbalanced-quotes.js';
import { wrongLanguage } from './wrong-language.js';

/** Every registered check, in order. A test asserts this list, the files and the tests agree. */
export const CHECKS: readonly CheckDefinition[] = [
  forbiddenTerm,
  wrongLanguage,
  inconsistentCurrency,
  inconsistentTitle,
  inconsistentSpelling,
  duplicateSentence,
  repeatedWord,
  fullwidthPunctuation,
  doubleSpace,
  spaceBeforePunctuation,
  missingSpaceAfterPunctuation,
  unbalancedQuotes,
  unbalancedBrackets,
];

/**
 * Rules every glossary phrase and id must satisfy, whatever file format it came from.
 */
import { phraseShape } from './matcher.js';

/** Words too common to be a term on their own (a term made only of these would flag everything). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'but', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as',
  'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'he', 'she',
  'they', 'we', 'i', 'you', 'not', 'no', 'so', 'if', 'than', 'then', 'has', 'have', 'had', 'do', 'does',
]);

/** The kebab-case shape of an entry id. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why a wrong rendering cannot be a term (empty, punctuation only, too short, only stop words), or undefined. */
export function termProblem(text: string): string | undefined {
  if (text.trim() === '') return 'is empty';
  if (/[\r\n]/.test(text)) return 'spans several lines';
  const { tokens } = phraseShape(text);
  if (tokens.length === 0) return 'has no letters or digits (punctuation only)';
  if (tokens.length === 1 && [...tokens.key[0]!].length === 1) return 'is a single character and would flag too much';
  if (tokens.key.every((k) => STOP_WORDS.has(k))) return 'is only stop words and would flag too much';
  return undefined;
}

/** Why a phrase cannot be an exception or a context word (empty, punctuation only), or undefined. */
export function phraseProblem(text: string): string | undefined {
  if (text.trim() === '') return 'is empty';
  if (/[\r\n]/.test(text)) return 'spans several lines';
  if (phraseShape(text).tokens.length === 0) return 'has no letters or digits (punctuation only)';
  return undefined;
}

/**
 * The explicit, ordered registry of checks. Order is the order findings are reported in when they
 * start at the same place, and the order of `--list-checks`.
 */
import type { CheckDefinition } from '../core/types.js';
import { forbiddenTerm } from './forbidden-term.js';

/** Every registered check, in order. A test asserts this list, the files and the tests agree. */
export const CHECKS: readonly CheckDefinition[] = [forbiddenTerm];

/**
 * mt-review's library entry point: the same calls the CLI and the web app make.
 */
export * from './core/types.js';
export { segment, splitSentences } from './core/segment.js';
export { checkText, createChecker, type Checker, type CheckResult } from './core/checker.js';
export { loadGlossary } from './glossary/load.js';
export { compileGlossary } from './glossary/compile.js';
export { CHECKS } from './checks/index.js';
export { decodeUtf8 } from './core/decode.js';
export { LineIndex } from './core/position.js';

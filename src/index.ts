/**
 * mt-review's library entry point: the same calls the CLI and the web app make.
 */
export * from './core/types.js';
export { segment, splitSentences, type SegmentOptions } from './core/segment.js';
export { checkText, createChecker, type Checker, type CheckResult } from './core/checker.js';
export { loadGlossary } from './glossary/load.js';
export { compileGlossary } from './glossary/compile.js';
export { buildGlossary } from './glossary/build.js';
export type { GlossarySource } from './glossary/format.js';
export { parseGlossaryYaml } from './glossary/parse-yaml.js';
export { parseGlossaryTsv } from './glossary/parse-tsv.js';
export { CHECKS } from './checks/index.js';
export { decodeUtf8 } from './core/decode.js';
export { LineIndex } from './core/position.js';
export { fingerprintFinding } from './core/fingerprint.js';
export { makePatch, applyCorrection } from './core/patch.js';
export { buildCorrectedDocument } from './core/corrected.js';
export { buildExport, type ExportInput } from './core/export.js';

/**
 * Stable fingerprints of findings: the same defect in the same sentence keeps its fingerprint when
 * the rest of the file is edited, so baselines (CLI) and dismissals (web app) survive such edits.
 *
 * Pure: no node:crypto, so the browser-facing and core code may use it too.
 */
import type { SentenceFinding } from './types.js';

/**
 * Normalises text for fingerprinting: Unicode NFC, runs of white space as one space, trimmed.
 * Re-wrapping a sentence or changing its spacing therefore keeps its fingerprint.
 */
export function normaliseForFingerprint(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * cyrb53 (a public-domain 53-bit string hash by bryc) over UTF-16 code units, as 14 hex digits.
 * Two seeds give two independent halves; a 106-bit fingerprint makes accidental collisions among
 * the findings of one repository practically impossible.
 */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

/**
 * The stable fingerprint of a finding: a hash of its rule id, its normalised matched text and its
 * normalised sentence text (28 hex digits). Offsets are deliberately left out.
 */
export function fingerprintFinding(finding: Pick<SentenceFinding, 'ruleId' | 'match'>, sentenceText: string): string {
  const key = `${finding.ruleId}\u0000${normaliseForFingerprint(finding.match)}\u0000${normaliseForFingerprint(sentenceText)}`;
  return cyrb53(key, 0) + cyrb53(key, 0x9e3779b9);
}

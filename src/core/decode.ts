/**
 * Turning bytes into article text: refuses binary and invalid UTF-8 with a clear message.
 */
import { MtReviewError } from './types.js';

/** The decoded text and what was normalised on the way. */
export interface DecodedText {
  text: string;
  /** A UTF-8 byte order mark was present and removed. */
  hadBom: boolean;
}

/**
 * Decodes UTF-8 bytes strictly. A NUL byte means binary; malformed UTF-8 is reported with the
 * byte offset and line of the first bad sequence. A leading BOM is removed.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new MtReviewError('input', `binary file (NUL byte at offset ${nul}); expected UTF-8 text`, { file: name });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const { offset, line } = firstInvalidUtf8(bytes);
    throw new MtReviewError('input', `invalid UTF-8 at byte ${offset}; save the file as UTF-8`, { file: name, line });
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { text: hadBom ? text.slice(1) : text, hadBom };
}

/** Finds the first byte that starts an invalid UTF-8 sequence, and its 1-based line. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return { offset: i, line };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { offset: i, line };
    }
    i += need + 1;
  }
  return { offset: bytes.length, line };
}

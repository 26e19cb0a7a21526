/**
 * Refusing request bodies that are not valid UTF-8, before body-parser decodes them and silently
 * turns bad bytes into U+FFFD replacement characters that would then be stored.
 */
import type { IncomingMessage } from 'node:http';

/** Thrown from body-parser's `verify` hook; the error handler answers 400 with its message. */
export class InvalidUtf8Body extends Error {
  readonly status = 400;
  readonly expose = true;
  constructor() {
    super('The request body is not valid UTF-8. Send text as UTF-8.');
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Throws unless `bytes` are valid UTF-8. */
function assertUtf8(bytes: Uint8Array): void {
  try {
    decoder.decode(bytes);
  } catch {
    throw new InvalidUtf8Body();
  }
}

/** body-parser `verify` hook for JSON: the raw bytes must be UTF-8. */
export function verifyJsonUtf8(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  assertUtf8(buf);
}

/** body-parser `verify` hook for forms: the bytes behind every `%XX` escape must be UTF-8. */
export function verifyFormUtf8(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  const raw = buf.toString('latin1');
  if (!raw.includes('%') && !/[\u0080-\u00ff]/.test(raw)) return;
  const bytes = Buffer.from(raw.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1');
  assertUtf8(bytes);
}

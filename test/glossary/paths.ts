/**
 * Where the glossary tests find the repository's files, from the compiled test's location.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from `dist/test/…`). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The broken and odd glossaries the loader tests use. */
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'glossary');
/** The shipped glossary directory. */
export const SHIPPED = join(ROOT, 'glossary');

/** A YAML entry that sets every field, in block style (the parser tests read it both ways). */
export const EVERY_FIELD_ENTRY = `- id: belarus
  terms:
    - White President
    - White side: Belarusian side
    - {term: White, use: Belarus, case-sensitive: false, plural: false}
  preferred: [Belarusian president, Belarus]
  case-sensitive: true
  fix: false
  severity: warning
  category: style
  note: why
  exceptions: White House
  context: [Minsk]
  examples: {flag: White President, pass: [a, b]}
`;

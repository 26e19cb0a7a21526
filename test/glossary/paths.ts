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

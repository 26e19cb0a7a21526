/**
 * Validating SARIF logs against the vendored SARIF 2.1.0 JSON schema (draft-07) with ajv.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { FIXTURES } from './helpers.js';

const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

/** Throws with ajv's errors when `log` is not valid SARIF 2.1.0. */
export function validateSarif(log: unknown): void {
  if (!validate(log)) throw new Error(`invalid SARIF: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

/**
 * `mt-review check` (placeholder).
 */
import type { CliIO } from '../io.js';

/** Runs `mt-review check`. */
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.stderr.write('mt-review check: not implemented yet\n');
  return 2;
}

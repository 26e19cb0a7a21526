/**
 * `mt-review export` (placeholder).
 */
import type { CliIO } from '../io.js';

/** Runs `mt-review export`. */
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.stderr.write('mt-review export: not implemented yet\n');
  return 2;
}

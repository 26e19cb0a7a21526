/**
 * `mt-review serve` (placeholder).
 */
import type { CliIO } from '../io.js';

/** Runs `mt-review serve`. */
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.stderr.write('mt-review serve: not implemented yet\n');
  return 2;
}

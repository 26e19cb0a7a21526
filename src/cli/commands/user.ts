/**
 * `mt-review user` (placeholder).
 */
import type { CliIO } from '../io.js';

/** Runs `mt-review user`. */
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.stderr.write('mt-review user: not implemented yet\n');
  return 2;
}

/**
 * Loaded with `node --import` into a measured child when GNU time is missing: records the
 * process's peak RSS (bytes) into the file named by MTR_BENCH_RSS_FILE on exit.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.MTR_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}

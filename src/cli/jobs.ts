/**
 * How many worker threads `mt-review check` starts when `--jobs` is not given: the count that
 * minimises the estimated wall time, from the bytes of text to check and the glossary's size.
 *
 * A worker is not free: the thread starts and loads the checks, receives the glossary (serialised
 * by the main thread once per worker, deserialised in the worker) and compiles it again. Checking,
 * on the other hand, costs about the same per byte whatever the glossary's size (one trie lookup
 * per word). So a small input with a large glossary is checked fastest on the main thread, and a
 * large archive is checked fastest on every core.
 */

/**
 * Measured costs (2-core AMD EPYC, Node 20, `--only checker` data: 6 KB articles, 1,000–10,000
 * entries). Only their ratios matter, and those hold on faster machines, as everything is CPU-bound.
 */
const COSTS = {
  /** Checking text, every check on: milliseconds per KiB (after the checks were made ~2.5x faster). */
  checkMsPerKiB: 0.35,
  /** Starting a worker thread and loading the checker's modules in it (150–380 ms measured). */
  workerStartMs: 250,
  /** Serialising the glossary for one worker, on the main thread: per entry. */
  sendMsPerEntry: 0.003,
  /** Deserialising and compiling the glossary in a worker: per entry (the main thread compiles it once too). */
  compileMsPerEntry: 0.035,
} as const;

/** What the policy knows about a run. */
export interface WorkloadEstimate {
  /** Bytes of the files still to check. */
  bytes: number;
  /** Files still to check. */
  files: number;
  /** Glossary entries. */
  entries: number;
  /** Threads that can run at once (`os.availableParallelism()`). */
  cpus: number;
}

/** Estimated wall time in milliseconds of checking on `workers` threads (0: on the main thread). */
export function estimateMs(w: WorkloadEstimate, workers: number): number {
  const check = (w.bytes / 1024) * COSTS.checkMsPerKiB;
  const compile = w.entries * COSTS.compileMsPerEntry;
  if (workers === 0) return compile + check;
  const parallel = Math.min(workers, w.cpus);
  // Workers beyond the cores share them: their start and compile take turns too.
  const rounds = workers / parallel;
  return workers * w.entries * COSTS.sendMsPerEntry + rounds * (COSTS.workerStartMs + compile) + check / parallel;
}

/**
 * The worker count (0: check on the main thread) with the lowest estimated time, at most
 * `maxWorkers` and never more than there are files; ties go to fewer threads.
 */
export function autoWorkerCount(w: WorkloadEstimate, maxWorkers: number): number {
  let best = 0;
  let bestMs = estimateMs(w, 0);
  for (let n = 2; n <= Math.min(maxWorkers, w.files); n++) {
    const ms = estimateMs(w, n);
    if (ms < bestMs) {
      best = n;
      bestMs = ms;
    }
  }
  return best;
}

import assert from 'node:assert/strict';
import { autoWorkerCount, estimateMs } from '../../src/cli/jobs.js';

describe('jobs: the automatic worker count', () => {
  const KiB = 1024;
  // 6 KB articles, as the bench generates them.
  const cases: { name: string; files: number; kib: number; entries: number; cpus: number; max?: number; workers: number }[] = [
    { name: '100 articles × 5,000 entries: on the main thread (compiling the glossary twice more costs more than it saves)', files: 100, kib: 600, entries: 5000, cpus: 2, workers: 0 },
    { name: '100 articles × 10,000 entries: on the main thread', files: 100, kib: 600, entries: 10000, cpus: 2, workers: 0 },
    { name: '200 articles × 100 entries: on the main thread (starting two workers costs about what they save)', files: 200, kib: 1200, entries: 100, cpus: 2, workers: 0 },
    { name: '400 articles × 100 entries: two workers (the glossary is cheap to send and compile)', files: 400, kib: 2400, entries: 100, cpus: 2, workers: 2 },
    { name: '1,000 articles × 10,000 entries: every core', files: 1000, kib: 6000, entries: 10000, cpus: 2, workers: 2 },
    { name: '1,000 articles × 10,000 entries, 4 CPUs: every core', files: 1000, kib: 6000, entries: 10000, cpus: 4, workers: 4 },
    { name: '300 articles × 10,000 entries, 8 CPUs: fewer workers than cores', files: 300, kib: 1800, entries: 10000, cpus: 8, workers: 5 },
    { name: 'one big file: on the main thread (one file cannot be split)', files: 1, kib: 50000, entries: 100, cpus: 8, workers: 0 },
    { name: 'large archive but one CPU allowed', files: 1000, kib: 6000, entries: 100, cpus: 1, max: 1, workers: 0 },
    { name: 'a few tiny files, tiny glossary: on the main thread', files: 12, kib: 1, entries: 4, cpus: 2, workers: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(autoWorkerCount({ bytes: c.kib * KiB, files: c.files, entries: c.entries, cpus: c.cpus }, c.max ?? c.cpus), c.workers);
    });
  }

  it('the estimate grows with the glossary for workers, and with the text everywhere', () => {
    const w = { bytes: 1000 * KiB, files: 100, entries: 1000, cpus: 2 };
    assert.ok(estimateMs({ ...w, entries: 5000 }, 2) > estimateMs(w, 2));
    assert.ok(estimateMs({ ...w, bytes: 2000 * KiB }, 0) > estimateMs(w, 0));
    assert.ok(estimateMs({ ...w, bytes: 2000 * KiB }, 2) > estimateMs(w, 2));
  });
});

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runInPool, WORKER_HEAP_MB } from '../../src/cli/pool.js';
import { checkSequentially, type FileOutcome, type FileTask } from '../../src/cli/report.js';
import { createChecker } from '../../src/core/checker.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { GLOSSARY, SEED, tempDir } from './helpers.js';

/** Each file's findings (rule and offsets), by input position: what must not depend on how the files were checked. */
function byFile(outcomes: FileOutcome[]): string[] {
  return outcomes
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((o) => (o.kind === 'report' ? JSON.stringify(o.report.findings.map((f) => [f.ruleId, f.line, f.column, f.match])) : `${o.kind}`));
}

describe('cli/pool: checking files on worker threads', () => {
  let tmp: ReturnType<typeof tempDir>;
  let tasks: FileTask[];
  const glossary = loadGlossary(GLOSSARY);
  const init = { glossary, options: {}, maxFileSize: 1 << 20 };
  beforeEach(() => {
    tmp = tempDir();
    const seed = readFileSync(SEED, 'utf8');
    const texts = [seed, 'White is a close ally of Russia.\n', seed.replace(/White/g, 'Belarus'), 'The new crown epidemic.\n', seed, 'Nothing to see here.\n'];
    tasks = texts.map((text, index) => {
      const absPath = path.join(tmp.dir, `a${index}.txt`);
      writeFileSync(absPath, text);
      return { index, absPath, displayPath: `a${index}.txt` };
    });
  });
  afterEach(() => tmp.cleanup());

  async function sequential(): Promise<string[]> {
    const outcomes: FileOutcome[] = [];
    await checkSequentially(createChecker(glossary), init.maxFileSize, tasks, (o) => outcomes.push(o));
    return byFile(outcomes);
  }

  it(`finds what the main thread finds, with workers limited to ${WORKER_HEAP_MB} MB of heap`, async () => {
    const outcomes: FileOutcome[] = [];
    await runInPool(init, tasks, 2, (o) => outcomes.push(o));
    assert.equal(outcomes.length, tasks.length);
    assert.ok(outcomes.some((o) => o.kind === 'report' && o.report.findings.length > 0), 'the files have findings');
    assert.deepEqual(byFile(outcomes), await sequential());
  });

  it('replaces a worker that runs out of its heap limit by one with the default limit, which checks its files again', async () => {
    const outcomes: FileOutcome[] = [];
    let replaced = 0;
    // 1 MB cannot even hold the glossary: every first worker runs out at once.
    await runInPool(init, tasks, 2, (o) => outcomes.push(o), { heapMb: 1, onReplaced: () => replaced++ });
    assert.equal(replaced, 2, 'both first workers were replaced');
    assert.equal(outcomes.length, tasks.length, 'each file answered once');
    assert.deepEqual(byFile(outcomes), await sequential());
  });

  it('hands a file that exhausted a limited worker only to its replacement, and loses none answered out of order', async () => {
    // A 4 MB article does not fit in 32 MB; the small ones around it do, and are answered while it is read.
    const big = path.join(tmp.dir, 'big.txt');
    writeFileSync(big, readFileSync(SEED, 'utf8').repeat(1500));
    tasks.splice(1, 0, { index: 0, absPath: big, displayPath: 'big.txt' });
    tasks.forEach((t, index) => (t.index = index));
    const outcomes: FileOutcome[] = [];
    const unanswered: number[][] = [];
    await runInPool({ ...init, maxFileSize: 1 << 30 }, tasks, 2, (o) => outcomes.push(o), { heapMb: 32, onReplaced: (u) => unanswered.push(u.map((t) => t.index)) });
    assert.ok(unanswered.length >= 1 && unanswered.every((u) => u.includes(1)), `the big file was left unanswered: ${JSON.stringify(unanswered)}`);
    assert.equal(unanswered.flat().filter((i) => i === 1).length, 1, 'no other limited worker was handed the big file again');
    assert.deepEqual(outcomes.map((o) => o.index).sort((a, b) => a - b), tasks.map((t) => t.index), 'each file answered exactly once');
  });
});

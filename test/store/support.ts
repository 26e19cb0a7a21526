/**
 * Helpers for the store and export tests: temp folders, a corpus copy, a small glossary, and
 * applying exported patches with the real `patch` and `git apply`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Glossary } from '../../src/core/types.js';

/** The repository root (tests run from `dist/test/...`). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The seed article's file name. */
export const SEED = '2020-09-14-putin-lukashenko-sochi-loan.txt';

/** The seed article's exact text. */
export const SEED_TEXT = readFileSync(join(ROOT, 'corpus', SEED), 'utf8');

/** A fresh temporary folder, removed by `cleanup`. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mt-review-store-'));
}

/** Removes a temporary folder. */
export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A `corpus` folder inside `dir` holding a copy of the seed article; returns its path. */
export function corpusCopy(dir: string): string {
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus, { recursive: true });
  copyFileSync(join(ROOT, 'corpus', SEED), join(corpus, SEED));
  return corpus;
}

/** A one-entry glossary: "White" (the country) should be "Belarus". */
export const GLOSSARY: Glossary = {
  files: ['test'],
  hash: 'test-glossary-1',
  entries: [
    {
      id: 'belarus-white',
      terms: [{ text: 'White', replacement: 'Belarus', caseSensitive: true }],
      preferred: ['Belarus'],
      note: '白俄罗斯 is Belarus.',
      severity: 'error',
      category: 'terminology',
      exceptions: ['White House'],
      context: [],
      examples: { flag: [], pass: [] },
    },
  ],
};

/** A three-sentence article: a headline, a sentence with the MT error "White", and one with its exception. */
export const WHITE_ARTICLE = 'Putin meets Lukashenko\n\n  White is a close ally of Russia.\n\nThe White House said nothing.';

/** An empty glossary. */
export const NO_GLOSSARY: Glossary = { entries: [], files: [], hash: '' };

/**
 * Applies `patch` to a copy of `original` stored at `relPath` with `patch -p1` and, in a fresh git
 * repository, with `git apply`; asserts both succeed and returns the two results.
 */
export function applyWithTools(original: string, relPath: string, patch: string): { patch: string; git: string } {
  const dir = tempDir();
  try {
    const results: string[] = [];
    for (const tool of ['patch', 'git'] as const) {
      const work = join(dir, tool);
      const file = join(work, relPath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, original);
      writeFileSync(join(dir, `${tool}.diff`), patch);
      const run = (cmd: string, args: string[]): void => {
        const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8' });
        assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed: ${r.stderr}${r.stdout}`);
      };
      if (tool === 'patch') {
        run('patch', ['-p1', '--batch', '--silent', '-i', join(dir, 'patch.diff')]);
      } else {
        run('git', ['init', '--quiet']);
        run('git', ['apply', join(dir, 'git.diff')]);
      }
      results.push(readFileSync(file, 'utf8'));
    }
    return { patch: results[0]!, git: results[1]! };
  } finally {
    cleanup(dir);
  }
}
